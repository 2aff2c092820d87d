import { createHash, createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createWyzeClient } from './client';
import { codeOf } from './test-harness';
import { canonicalJson, signature2 } from './signature';

/**
 * The signed v4 call (get_streams) over real loopback HTTP: a small server here records what the
 * client sent and answers what each test needs (the emulator's own get_streams is tested there).
 */
interface Seen {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type Answer = (seen: Seen) => { status?: number; headers?: Record<string, string>; body: string };

let server: Server | null = null;
afterEach(async () => {
  const running = server;
  server = null;
  if (running) await new Promise((done) => running.close(done));
});

async function serve(answer: Answer): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s = {
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      seen.push(s);
      const a = answer(s);
      res.writeHead(a.status ?? 200, { 'content-type': 'application/json', ...a.headers });
      res.end(a.body);
    });
  });
  await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen };
}

const NOW = 1_767_978_576_127;
const ok = (data: unknown) => ({ body: JSON.stringify({ code: '1', msg: 'SUCCESS', data }) });
const STREAM = {
  device_id: 'AABBCCDDEEFF',
  provider: 'webrtc',
  property: { 'iot-device::iot-state': 1, 'iot-device::iot-power': 1 },
  params: { signaling_url: 'wss://x', ice_servers: [{ url: 'stun:s', username: 'u' }] },
};

function client(urls: { api: string; app?: string }, extra = {}) {
  const c = createWyzeClient({
    baseUrls: { auth: urls.api, ...urls },
    phoneId: '3f2a6c1e-8b4d-4e2f-9a7c-5d1e0b9f8a21',
    appVersion: '0.1.0-test',
    now: () => NOW,
    sleep: async () => undefined,
    ...extra,
  });
  c.restore({ accessToken: 'token-A', refreshToken: 'refresh-A' });
  return c;
}

describe('signature2 (docs/protocol.md, "Live view")', () => {
  it('matches a vector computed here with node:crypto alone', () => {
    const body = '{"device_list":[],"nonce":1767978576127}';
    const key = createHash('md5')
      .update('tok' + 'wyze_app_secret_key_132')
      .digest('hex');
    const expected = createHmac('md5', key).update(body).digest('hex');
    expect(signature2('tok', body)).toBe(expected);
    expect(signature2('tok', body)).toMatch(/^[0-9a-f]{32}$/);
    expect(signature2('tok2', body)).not.toBe(expected);
  });

  it('signs the body with sorted keys at every depth and no whitespace, integer-like keys too', () => {
    expect(canonicalJson({ b: 1, a: [{ z: true, '10': null, '9': 'x' }], c: undefined })).toBe(
      '{"a":[{"10":null,"9":"x","z":true}],"b":1}',
    );
  });
});

describe('get_streams: a signed v4 POST through the client', () => {
  it('goes to the v4 host with the exact signed bytes, the token headers and a nonce', async () => {
    const v4 = await serve(() => ok([STREAM]));
    const items = await client({ api: 'http://127.0.0.1:9', app: v4.url }).getStreams(
      'AABBCCDDEEFF',
      'HL_CAM4',
    );
    expect(items[0]?.params?.signaling_url).toBe('wss://x');
    const [req] = v4.seen;
    expect(req?.path).toBe('/app/v4/camera/get_streams');
    expect(req?.body).toBe(
      '{"device_list":[{"device_id":"AABBCCDDEEFF","device_model":"HL_CAM4",' +
        '"parameters":{"use_trickle":true},"provider":"webrtc"}],"nonce":1767978576127}',
    );
    const key = createHash('md5').update('token-Awyze_app_secret_key_132').digest('hex');
    expect(req?.headers).toMatchObject({
      signature2: createHmac('md5', key)
        .update(req?.body ?? '')
        .digest('hex'),
      authorization: 'token-A',
      access_token: 'token-A',
      appid: '9319141212m2ik',
      phoneid: '3f2a6c1e-8b4d-4e2f-9a7c-5d1e0b9f8a21',
      'content-type': 'application/json',
      'user-agent': 'wyzecam-desktop/0.1.0-test',
    });
  });

  it('refreshes once on 2001 (the single flight every call shares) and signs again with the new token', async () => {
    const api = await serve((s) => {
      if (s.path === '/app/user/refresh_token') {
        return ok({ access_token: 'token-B', refresh_token: 'refresh-B' });
      }
      return s.headers.authorization === 'token-A'
        ? { body: JSON.stringify({ code: '2001', msg: 'access token is error', data: {} }) }
        : ok([STREAM]);
    });
    const c = client({ api: api.url });
    const [a, b] = await Promise.all([
      c.getStreams('M1', 'HL_CAM4'),
      c.getStreams('M2', 'HL_CAM4'),
    ]);
    expect([a.length, b.length]).toEqual([1, 1]);
    const paths = api.seen.map((s) => s.path);
    expect(paths.filter((p) => p === '/app/user/refresh_token')).toHaveLength(1);
    const retried = api.seen.filter((s) => s.headers.authorization === 'token-B');
    expect(retried).toHaveLength(2);
    for (const s of retried) expect(s.headers.signature2).toBe(signature2('token-B', s.body));
  });

  it.each<[string, string, Answer]>([
    ['data that is not a list', 'UNEXPECTED_RESPONSE', () => ok({ device_list: [] })],
    [
      'an ICE server without a url',
      'UNEXPECTED_RESPONSE',
      () => ok([{ params: { ice_servers: [{}] } }]),
    ],
    [
      'a 20,000-character signalling URL',
      'UNEXPECTED_RESPONSE',
      () => ok([{ params: { signaling_url: 'w'.repeat(20_000) } }]),
    ],
    ['an answer over the size cap', 'RESPONSE_TOO_LARGE', () => ok([{ pad: 'x'.repeat(70_000) }])],
    [
      'HTTP 429',
      'RATE_LIMITED',
      () => ({ status: 429, headers: { 'retry-after': '60' }, body: '' }),
    ],
    [
      'offline (3019)',
      'DEVICE_OFFLINE',
      () => ({ body: JSON.stringify({ code: '3019', msg: '', data: {} }) }),
    ],
  ])('%s → %s', async (_name, code, answer) => {
    const v4 = await serve(answer);
    const c = client({ api: v4.url }, { maxResponseBytes: 64 * 1024 });
    expect(await codeOf(c.getStreams('M1', 'HL_CAM4'))).toBe(code);
  });

  it('is held back while Wyze says the budget is spent, like every other read', async () => {
    const v4 = await serve(() => ({
      ...ok([STREAM]),
      headers: {
        'x-ratelimit-remaining': '1',
        'x-ratelimit-reset-by': 'Fri Jan 09 17:14:12 UTC 2026',
      },
    }));
    const c = client({ api: v4.url });
    await c.getStreams('M1', 'HL_CAM4');
    expect(await codeOf(c.getStreams('M1', 'HL_CAM4'))).toBe('RATE_LIMITED');
    expect(v4.seen).toHaveLength(1);
  });
});
