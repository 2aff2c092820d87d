import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_WORLD } from '../demo-account';
import { startEmulator } from '../server';
import type { RunningEmulator } from '../server';
import { DEMO, fakeClock, md5x3 } from '../test-helpers';
import { signature2 } from './streams';

const APP = { appid: '9319141212m2ik', secret: 'wyze_app_secret_key_132' };
const WEB = { appid: 'strv_e7f78e9e7738dc50', secret: 'gbJojEBViLklgwyyDikx5ztSvKBXI5oU' };
const APP_PATH = '/app/v4/camera/get_streams';
/** A plain object, as a table of app ids would be: what its inherited members stringify to. */
const SIGNING_SECRETS_PROBE: object = {};
const WEB_PATH = '/app/v4/camera/get-streams';

const MAC = {
  frontDoor: '2CAA8E4F1A01',
  livingRoomPrivacy: '7C78B2103B45',
  garageV1: 'D03F27A0C602',
  floodlightPro: 'D03F27A0C603',
  porchGwell: 'GW_GC1_7C78B2A1B2C3',
  shedOffline3019: '2CAA8E4F1A11',
  workshopOffline: '7C78B2103B50',
  plug: '7C78B2C0FFEE',
};

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const clock = fakeClock();

async function signedIn(): Promise<{ base: string; token: string }> {
  emulator = await startEmulator({ world: DEMO_WORLD, port: 0, now: clock.now });
  const res = await fetch(`${emulator.url}/api/user/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'streams-test',
      keyid: DEMO.keyId,
      apikey: DEMO.apiKey,
    },
    body: JSON.stringify({ email: DEMO.email, password: md5x3(DEMO.password) }),
  });
  const { access_token } = (await res.json()) as { access_token: string };
  return { base: emulator.url, token: access_token };
}

const bodyFor = (mac: string, model = 'HL_CAM4', provider = 'webrtc'): string =>
  JSON.stringify({
    device_list: [
      { device_id: mac, device_model: model, parameters: { use_trickle: true }, provider },
    ],
    nonce: String(clock.now()),
  });

interface Signed {
  app?: { appid: string; secret: string };
  signature?: string | null;
  authorization?: string | null;
  path?: string;
}

async function getStreams(base: string, token: string, body: string, how: Signed = {}) {
  const app = how.app ?? APP;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    access_token: token,
    appid: app.appid,
    appinfo: 'wyze_android_3.9.0.739',
    env: 'prod',
  };
  const signature =
    how.signature === undefined ? signature2(token, app.secret, body) : how.signature;
  if (signature !== null) headers.signature2 = signature;
  const authorization = how.authorization === undefined ? token : how.authorization;
  if (authorization !== null) headers.authorization = authorization;
  const res = await fetch(`${base}${how.path ?? APP_PATH}`, { method: 'POST', headers, body });
  return { res, json: (await res.json()) as { code: string; msg: string; data: unknown } };
}

type Item = {
  device_id: string;
  provider: string;
  property: Record<string, number>;
  params: { signaling_url?: string; ice_servers?: unknown[]; auth_token?: string } & Record<
    string,
    unknown
  >;
};
const firstItem = (data: unknown): Item => (data as Item[])[0] as Item;

describe('get_streams signing', () => {
  it.each([
    ['app-signed get_streams', APP, APP_PATH],
    ['web-signed get-streams', WEB, WEB_PATH],
  ])(
    '%s answers a signalling URL on the emulator, with rate-limit headers',
    async (_l, app, path) => {
      const { base, token } = await signedIn();
      const { res, json } = await getStreams(base, token, bodyFor(MAC.frontDoor), { app, path });
      expect(json.code).toBe('1');
      expect(res.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
      expect(Array.isArray(json.data)).toBe(true);
      const item = firstItem(json.data);
      expect(item).toMatchObject({
        device_id: MAC.frontDoor,
        provider: 'webrtc',
        property: { 'iot-device::iot-state': 1, 'iot-device::iot-power': 1 },
      });
      expect(item.params.signaling_url).toMatch(
        new RegExp(
          `^ws://127\\.0\\.0\\.1:\\d+/kvs/\\?X-Amz-ChannelARN=arn%3Aaws%3A.*&X-Amz-Signature=[0-9a-f]{64}$`,
        ),
      );
      expect(item.params.signaling_url).not.toContain('%25');
      expect(item.params.auth_token).toMatch(/^[\w-]{20,}$/);
      expect(item.params.ice_servers).toEqual([
        {
          url: expect.stringMatching(/^turn:127\.0\.0\.1:/),
          username: expect.any(String),
          credential: expect.any(String),
        },
        { url: expect.stringMatching(/^stun:127\.0\.0\.1:/) },
      ]);
    },
  );

  it('gives each bootstrap its own ICE credentials and signalling URL', async () => {
    const { base, token } = await signedIn();
    const a = firstItem((await getStreams(base, token, bodyFor(MAC.frontDoor))).json.data);
    const b = firstItem((await getStreams(base, token, bodyFor(MAC.frontDoor))).json.data);
    expect(a.params.ice_servers).not.toEqual(b.params.ice_servers);
    expect(a.params.signaling_url).not.toBe(b.params.signaling_url);
  });

  it.each<[string, (token: string, body: string) => Signed, unknown, number]>([
    ['a wrong signature2', () => ({ signature: '0'.repeat(32) }), '1003', 200],
    ['no signature2', () => ({ signature: null }), '1003', 200],
    [
      'the other app id with this key',
      () => ({ app: { ...WEB, secret: APP.secret } }),
      '1003',
      200,
    ],
    [
      'an unknown app id',
      (t, b) => ({
        app: { appid: 'nope', secret: APP.secret },
        signature: signature2(t, APP.secret, b),
      }),
      '1003',
      200,
    ],
    [
      'a signature over other bytes',
      (t, b) => ({ signature: signature2(t, APP.secret, `${b} `) }),
      '1003',
      200,
    ],
    // An app id that names an Object.prototype member, signed with what that member stringifies
    // to: the lookup must not find a "secret" there.
    ...['__proto__', 'constructor', 'toString', 'hasOwnProperty'].map(
      (appid): [string, (token: string, body: string) => Signed, unknown, number] => [
        `the app id ${appid}`,
        (t, b) => {
          const inherited = String((SIGNING_SECRETS_PROBE as Record<string, unknown>)[appid]);
          return { app: { appid, secret: inherited }, signature: signature2(t, inherited, b) };
        },
        '1003',
        200,
      ],
    ),
    ['no authorization header', () => ({ authorization: null }), '1003', 200],
    ['a Bearer authorization header', (t) => ({ authorization: `Bearer ${t}` }), '1003', 200],
  ])('%s is refused, never a stream', async (_label, how, code, status) => {
    const { base, token } = await signedIn();
    const body = bodyFor(MAC.frontDoor);
    const { res, json } = await getStreams(base, token, body, how(token, body));
    expect(res.status).toBe(status);
    expect(json.code).toBe(code);
    expect(JSON.stringify(json)).not.toContain('signaling_url');
  });

  it('an expired access token answers 2001 even when correctly signed', async () => {
    const { base, token } = await signedIn();
    clock.advance(6001 * 1000);
    const { json } = await getStreams(base, token, bodyFor(MAC.frontDoor));
    expect(json).toMatchObject({ code: '2001', msg: 'access token is error' });
  });

  it.each([
    ['not JSON', 'device_list'],
    ['{"nonce":"1"}', 'no device_list'],
    ['{"device_list":[],"nonce":"1"}', 'an empty device_list'],
    [bodyFor('NOT-A-MAC'), 'an unknown camera'],
    [bodyFor(MAC.plug, 'WLPP1CFH'), 'a device that is no camera'],
    [bodyFor(MAC.frontDoor, 'HL_DB2', 'lake'), 'an unknown provider'],
  ])('%s (%s) answers 1001', async (body) => {
    const { base, token } = await signedIn();
    expect((await getStreams(base, token, body)).json.code).toBe('1001');
  });
});

describe('get_streams answers per camera', () => {
  it('an offline camera answers 3019 when its world says so', async () => {
    const { base, token } = await signedIn();
    const { json } = await getStreams(base, token, bodyFor(MAC.shedOffline3019, 'WVOD1'));
    expect(json).toMatchObject({ code: '3019', data: {} });
  });

  it.each([
    ['offline', MAC.workshopOffline, { 'iot-device::iot-state': 0, 'iot-device::iot-power': 1 }],
    [
      'in privacy mode',
      MAC.livingRoomPrivacy,
      { 'iot-device::iot-state': 1, 'iot-device::iot-power': 0 },
    ],
  ])(
    'a camera %s says so in property and carries nothing to connect to',
    async (_l, mac, property) => {
      const { base, token } = await signedIn();
      const { json } = await getStreams(base, token, bodyFor(mac));
      expect(json.code).toBe('1');
      expect(firstItem(json.data)).toEqual({
        device_id: mac,
        provider: 'webrtc',
        property,
        params: {},
      });
    },
  );

  it('an old camera answers with the TUTK provider (not supported over WebRTC)', async () => {
    const { base, token } = await signedIn();
    const item = firstItem((await getStreams(base, token, bodyFor(MAC.garageV1))).json.data);
    expect(item.provider).toBe('tutk');
    expect(Object.keys(item.params).sort()).toEqual(['dtls', 'enr', 'p2p_id']);
  });

  it("a Gwell camera's URL is on Wyze's own signalling host (not supported)", async () => {
    const { base, token } = await signedIn();
    const item = firstItem((await getStreams(base, token, bodyFor(MAC.porchGwell))).json.data);
    expect(item.params.signaling_url).toMatch(/^wss:\/\/wyze-mars-webcsrv\.wyzecam\.com\?token=/);
  });

  it('the Floodlight Pro (LD_CFP) lists its URL double-encoded; one decode verifies', async () => {
    const { base, token } = await signedIn();
    const item = firstItem(
      (await getStreams(base, token, bodyFor(MAC.floodlightPro, 'LD_CFP'))).json.data,
    );
    const url = item.params.signaling_url ?? '';
    expect(url).toContain('%253A');
    const once = decodeURIComponent(url);
    const target = once.slice(once.indexOf('/kvs/'));
    expect(emulator?.state.signalling.verify(target)).toMatchObject({
      ok: true,
      grant: { mac: MAC.floodlightPro },
    });
  });

  it('a refusal set through the control API answers its code', async () => {
    const { base, token } = await signedIn();
    emulator?.state.setLiveFaults(MAC.frontDoor, { refuse: { code: '3044', msg: 'too often' } });
    const { json } = await getStreams(base, token, bodyFor(MAC.frontDoor));
    expect(json).toMatchObject({ code: '3044', msg: 'too often' });
  });
});
