import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from './server';
import type { RunningEmulator } from './server';
import { DEMO, MFA_DEMO, fakeClock, md5x3 } from './test-helpers';
import { totp } from './totp';
import type { WorldInput } from './world';

const DEMO_WORLD = fileURLToPath(new URL('./worlds/demo.json', import.meta.url));
const RESET_BY = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/;

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(world: string | WorldInput = DEMO_WORLD, now?: () => number) {
  emulator = await startEmulator({ world, port: 0, now });
  return emulator;
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'emulator-test', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

interface Creds {
  email: string;
  password: string;
  keyId: string;
  apiKey: string;
}

const login = (base: string, creds: Creds, extra = {}, path = '/api/user/login') =>
  post(
    `${base}${path}`,
    { email: creds.email, password: md5x3(creds.password), ...extra },
    { keyid: creds.keyId, apikey: creds.apiKey },
  );

async function signIn(base: string): Promise<{ access_token: string; refresh_token: string }> {
  const res = await login(base, DEMO);
  return (await res.json()) as { access_token: string; refresh_token: string };
}

const common = (token: string) => ({
  access_token: token,
  phone_id: 'b7f4a1e2-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
  app_name: 'com.hualai.WyzeCam',
  app_ver: 'com.hualai.WyzeCam___3.1.6.1',
  app_version: '3.1.6.1',
  phone_system_type: 1,
  sc: '9f275790cab94a72bd206c8876429f3c',
  sv: 'e1fe392906d54888a9b99b88de4162d7',
  ts: 1_790_000_000_000,
});

describe('auth host (style B)', () => {
  it('answers a developer-key login with the flat token object and rate-limit headers', async () => {
    const { url } = await start();
    const res = await login(url, DEMO);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
    expect(res.headers.get('x-ratelimit-reset-by')).toMatch(RESET_BY);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      'access_token',
      'refresh_token',
      'user_id',
      'mfa_options',
      'mfa_details',
      'sms_session_id',
      'email_session_id',
    ]);
    expect(body.access_token).toMatch(/^eyJ/);
    expect(body.mfa_options).toBeNull();
  });

  it.each([
    ['a wrong password', { password: md5x3('nope') }, {}, 'Invalid User Name or Password.'],
    ['an unknown e-mail', { email: 'who@wyzecam.example' }, {}, 'Invalid User Name or Password.'],
    [
      'a wrong API key',
      {},
      { apikey: 'wrong' },
      'Invalid credentials, please check username, password, keyid or apikey',
    ],
    [
      'no key headers',
      {},
      { keyid: '', apikey: '' },
      'Invalid credentials, please check username, password, keyid or apikey',
    ],
    ['an unhashed password', { password: DEMO.password }, {}, 'Invalid User Name or Password.'],
  ])('rejects %s with HTTP 400 and errorCode 1000', async (_name, body, headers, description) => {
    const { url } = await start();
    const res = await post(
      `${url}/api/user/login`,
      { email: DEMO.email, password: md5x3(DEMO.password), ...body },
      { keyid: DEMO.keyId, apikey: DEMO.apiKey, ...headers },
    );
    expect(res.status).toBe(400);
    const json = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['description', 'requestId', 'errorCode']);
    expect(json).toMatchObject({ description, errorCode: 1000 });
  });

  it('gives an account made with Google sign-in no password that works', async () => {
    const { url } = await start();
    const res = await post(
      `${url}/api/user/login`,
      { email: 'google@wyzecam.example', password: md5x3('') },
      { keyid: 'google-key-id', apikey: 'google-api-key' },
    );
    expect(res.status).toBe(400);
  });

  it('refuses a login without a User-Agent the way the API gateway does', async () => {
    const { url } = await start();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${url}/api/user/login`, { method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('locks the account after repeated failures, then lets it in when the lock lifts', async () => {
    const clock = fakeClock();
    const { url } = await start(DEMO_WORLD, clock.now);
    for (let i = 0; i < 5; i++) await login(url, { ...DEMO, password: 'wrong' });
    const locked = await login(url, DEMO);
    expect(locked.status).toBe(400);
    expect(await locked.json()).toMatchObject({
      description: 'Too many failed attempts. Please try again later.',
    });
    clock.advance(3 * 3600 * 1000 + 1);
    expect((await login(url, DEMO)).status).toBe(200);
  });

  it('answers 429 with an empty body once the auth budget is spent', async () => {
    const clock = fakeClock();
    const world = (await import('./worlds/demo.json')).default as WorldInput;
    const { url } = await start(
      { ...world, rateLimits: { auth: { limit: 2, windowSeconds: 60 } } },
      clock.now,
    );
    expect((await login(url, DEMO)).headers.get('x-ratelimit-remaining')).toBe('1');
    expect((await login(url, DEMO)).status).toBe(200);
    const limited = await login(url, DEMO);
    expect(limited.status).toBe(429);
    expect(await limited.text()).toBe('');
    clock.advance(60_000);
    expect((await login(url, DEMO)).status).toBe(200);
  });
});

describe('MFA', () => {
  async function challenge(url: string) {
    const res = await login(url, MFA_DEMO);
    return (await res.json()) as {
      access_token: null;
      user_id: string;
      mfa_options: string[];
      mfa_details: { totp_apps: { app_id: string }[]; primary_option: string };
      sms_session_id: string;
      email_session_id: string;
    };
  }

  it('challenges with the methods the account has', async () => {
    const { url } = await start();
    const body = await challenge(url);
    expect(body.access_token).toBeNull();
    expect(body.user_id).toMatch(/^[0-9a-f]{32}$/);
    expect(body.mfa_options).toEqual(['PrimaryPhone', 'TotpVerificationCode', 'Email']);
    expect(body.mfa_details.totp_apps[0]?.app_id).toBe('totp-app-demo-0001');
    expect(body.mfa_details.primary_option).toBe('TotpVerificationCode');
  });

  it.each(['/user/login', '/api/user/login'])(
    'accepts an authenticator code on %s',
    async (path) => {
      const clock = fakeClock();
      const { url } = await start(DEMO_WORLD, clock.now);
      const c = await challenge(url);
      const step = {
        mfa_type: 'TotpVerificationCode',
        verification_id: c.mfa_details.totp_apps[0]?.app_id,
      };
      const wrong = await login(url, MFA_DEMO, { ...step, verification_code: '000000' }, path);
      expect(wrong.status).toBe(400);
      const code = totp(MFA_DEMO.totpSecret, clock.now());
      const right = await login(url, MFA_DEMO, { ...step, verification_code: code }, path);
      expect(right.status).toBe(200);
      expect(((await right.json()) as { access_token: string }).access_token).toMatch(/^eyJ/);
    },
  );

  it.each([
    ['sms', '/user/login/sendSmsCode', 'sms_session_id', 'PrimaryPhone', '+15555550142'],
    ['email', '/v2/user/login/sendEmailCode', 'email_session_id', 'Email', 'mfa@wyzecam.example'],
  ] as const)(
    'sends a %s code to the outbox and accepts it once',
    async (_c, path, key, type, to) => {
      const { url, state } = await start();
      const c = await challenge(url);
      const query = `?mfaPhoneType=Primary&sessionId=${c[key]}&userId=${c.user_id}`;
      const sent = await post(`${url}${path}${query}`, {});
      const { session_id } = (await sent.json()) as { session_id: string };
      const message = state.outbox.at(-1);
      expect(message).toMatchObject({ to, sessionId: session_id });
      const step = {
        mfa_type: type,
        verification_id: session_id,
        verification_code: message?.code,
      };
      expect((await login(url, MFA_DEMO, step, '/user/login')).status).toBe(200);
      expect((await login(url, MFA_DEMO, step, '/user/login')).status).toBe(400);
    },
  );

  it('refuses to send a code for a session it did not start', async () => {
    const { url } = await start();
    const res = await post(`${url}/user/login/sendSmsCode?sessionId=x&userId=y`, {});
    expect(res.status).toBe(400);
  });
});

describe('app host (style A)', () => {
  it('wraps data in the current envelope with the server clock', async () => {
    const clock = fakeClock();
    const { url } = await start(DEMO_WORLD, clock.now);
    const { access_token } = await signIn(url);
    const res = await post(`${url}/app/user/get_user_info`, common(access_token));
    expect(res.headers.get('x-ratelimit-reset-by')).toMatch(RESET_BY);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['code', 'ts', 'msg', 'data', 'traceId']);
    expect(body).toMatchObject({ code: '1', ts: clock.now(), msg: 'SUCCESS' });
    expect(body.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(body.data).toMatchObject({ email: DEMO.email, nickname: 'Demo Household' });
  });

  it.each([
    ['missing', undefined, '1001', 'ParameterError'],
    ['empty', '', '1001', 'ParameterError'],
    ['unknown', 'eyJunknown', '2001', 'access token is error'],
  ])('answers a %s access token with HTTP 200 and code %s', async (_n, token, code, msg) => {
    const { url } = await start();
    const res = await post(`${url}/app/v2/home_page/get_object_list`, {
      ...common(''),
      access_token: token,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ code, msg, data: {} });
    expect(body).not.toHaveProperty('ts');
  });

  it('expires access tokens after their lifetime', async () => {
    const clock = fakeClock();
    const { url } = await start(DEMO_WORLD, clock.now);
    const { access_token } = await signIn(url);
    clock.advance(6000 * 1000);
    const res = await post(`${url}/app/user/get_user_info`, common(access_token));
    expect(await res.json()).toMatchObject({ code: '2001' });
  });

  it('rotates both tokens on refresh and refuses a spent refresh token', async () => {
    const { url } = await start();
    const first = await signIn(url);
    const refresh = (token: string) =>
      post(`${url}/app/user/refresh_token`, {
        ...common(first.access_token),
        refresh_token: token,
      });
    const rotated = (await (await refresh(first.refresh_token)).json()) as {
      data: { access_token: string; refresh_token: string };
    };
    expect(rotated.data.refresh_token).not.toBe(first.refresh_token);
    expect(await (await refresh(first.refresh_token)).json()).toMatchObject({
      code: '2002',
      msg: 'refresh token is error.',
    });
    expect(await (await refresh(rotated.data.refresh_token)).json()).toMatchObject({ code: '1' });
  });

  it('is lenient about sc, sv, ts units and app fields', async () => {
    const { url } = await start();
    const { access_token } = await signIn(url);
    const res = await post(`${url}/app/user/get_user_info`, {
      access_token,
      sc: 'wyze_developer_api',
      sv: 'wyze_developer_api',
      ts: '1790000000',
      phone_system_type: '2',
      phone_id: 'anything',
    });
    expect(await res.json()).toMatchObject({ code: '1' });
  });

  it('lists devices with the traced key set and value types', async () => {
    const { url } = await start();
    const { access_token } = await signIn(url);
    const res = await post(`${url}/app/v2/home_page/get_object_list`, common(access_token));
    const { data } = (await res.json()) as {
      data: { device_list: Record<string, unknown>[]; device_group_list: unknown[] };
    };
    expect(data.device_list).toHaveLength(18);
    expect(data.device_group_list).toHaveLength(2);
    const v3 = data.device_list.find((d) => d.mac === '2CAA8E4F1A02') as Record<string, unknown>;
    expect(Object.keys(v3).slice(0, 5)).toEqual([
      'mac',
      'first_activation_ts',
      'first_binding_ts',
      'enr',
      'nickname',
    ]);
    expect(v3).toMatchObject({ conn_state: 1, user_role: 1, timezone_gmt_offset: -5 });
    const params = v3.device_params as Record<string, unknown>;
    expect(params).toMatchObject({
      ip: '192.168.1.22',
      p2p_type: 3,
      electricity: '',
      power_switch: 1,
    });
    expect(params.p2p_id).toMatch(/^[A-Z0-9]{16}111A$/);
    expect(params.camera_thumbnails).toMatchObject({
      thumbnails_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/thumbnails\//),
      thumbnails_ts: 1779603600000,
    });
    const oldCam = data.device_list.find((d) => d.mac === 'D03F27A0C602') as Record<
      string,
      unknown
    >;
    expect((oldCam.device_params as Record<string, unknown>).camera_thumbnails).toEqual({
      thumbnails_url: '',
      thumbnails_ts: 0,
    });
    const og = data.device_list.find((d) => d.product_model === 'GW_GC1') as Record<
      string,
      unknown
    >;
    expect(og.device_params).not.toHaveProperty('ip');
    const shared = data.device_list.find((d) => d.nickname === "Mom's Kitchen");
    expect(shared).toMatchObject({
      user_role: 2,
      binding_user_nickname: 'grandma@wyzecam.example',
    });
    const battery = data.device_list.find((d) => d.product_model === 'AN_RSCW');
    expect(battery).toMatchObject({ parent_device_mac: '2CAA8E4F1A0B' });
    expect((battery?.device_params as Record<string, unknown>).electricity).toBe('76');
  });

  it('serves the legacy device list in the flat 2018 shape', async () => {
    const { url } = await start();
    const { access_token } = await signIn(url);
    const res = await post(`${url}/app/device/get_device_list`, common(access_token));
    const { data } = (await res.json()) as {
      data: { device_info_list: Record<string, unknown>[] };
    };
    expect(data.device_info_list[1]).toMatchObject({
      mac: '2CAA8E4F1A02',
      role: 1,
      device_timezone: 'America/New_York',
      ip: '192.168.1.22',
      conn_state: 1,
      power_switch: 1,
    });
    expect(data.device_info_list[1]).not.toHaveProperty('device_params');
  });

  it.each(['get_device_Info', 'get_device_info'])('serves %s as a flat record', async (name) => {
    const { url } = await start();
    const { access_token } = await signIn(url);
    const res = await post(`${url}/app/v2/device/${name}`, {
      ...common(access_token),
      device_mac: '7C78B2103B45',
      device_model: 'HL_PAN3',
    });
    const { data } = (await res.json()) as { data: Record<string, unknown> };
    expect(data).toMatchObject({ mac: '7C78B2103B45', ip: '192.168.1.24', device_setting: {} });
    expect(data.property_list).toContainEqual(expect.objectContaining({ pid: 'P3', value: '0' }));
  });

  it('filters the property list by pid and answers unknown devices with ParameterError', async () => {
    const { url } = await start();
    const { access_token } = await signIn(url);
    const ask = (mac: string, pids: string[]) =>
      post(`${url}/app/v2/device/get_property_list`, {
        ...common(access_token),
        device_mac: mac,
        device_model: 'HL_CAM4',
        target_pid_list: pids,
      }).then((r) => r.json());
    expect(await ask('7C78B2103B50', ['P5', 'P999'])).toMatchObject({
      data: { property_list: [{ pid: 'P5', value: '0' }] },
    });
    expect(await ask('000000000000', [])).toMatchObject({ code: '1001' });
  });

  it('can answer an exhausted app budget with code 1011', async () => {
    const world = (await import('./worlds/demo.json')).default as WorldInput;
    const { url } = await start({
      ...world,
      rateLimits: { app: { limit: 1, windowSeconds: 300, whenExhausted: 'code1011' } },
    });
    const { access_token } = await signIn(url);
    await post(`${url}/app/user/get_user_info`, common(access_token));
    const res = await post(`${url}/app/user/get_user_info`, common(access_token));
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(await res.json()).toMatchObject({ code: '1011' });
  });

  it('answers unknown paths with 404 and non-POST with 405', async () => {
    const { url } = await start();
    expect((await post(`${url}/app/v9/nothing`, {})).status).toBe(404);
    expect((await fetch(`${url}/app/user/get_user_info`)).status).toBe(405);
  });
});

describe('faults', () => {
  async function withFault(fault: Record<string, unknown>) {
    const emu = await start();
    const { access_token } = await signIn(emu.url);
    emu.state.setFaults([{ path: '/app/user/get_user_info', ...fault }]);
    const call = (signal?: AbortSignal) =>
      fetch(`${emu.url}/app/user/get_user_info`, {
        method: 'POST',
        body: JSON.stringify(common(access_token)),
        signal,
      });
    return call;
  }

  it('answers a status fault with that status', async () => {
    const call = await withFault({ kind: 'status', status: 503, times: 1 });
    expect((await call()).status).toBe(503);
    expect((await call()).status).toBe(200);
  });

  it('lets `after` requests through before firing', async () => {
    const call = await withFault({ kind: 'status', status: 500, after: 2 });
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(500);
  });

  it('sends malformed JSON', async () => {
    const call = await withFault({ kind: 'malformed' });
    await expect((await call()).json()).rejects.toThrow();
  });

  it('cuts a body short', async () => {
    const call = await withFault({ kind: 'truncated' });
    await expect(call().then((r) => r.text())).rejects.toThrow();
  });

  it('hangs until the client gives up', async () => {
    const call = await withFault({ kind: 'hang' });
    await expect(call(AbortSignal.timeout(200))).rejects.toThrow();
  });

  it('delays with latency and trickles slowly', async () => {
    const call = await withFault({ kind: 'latency', ms: 150 });
    const started = Date.now();
    await call();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const trickle = await withFault({ kind: 'trickle', ms: 50 });
    expect(await (await trickle()).json()).toMatchObject({ code: '1' });
  });

  it('sends a huge body', async () => {
    const call = await withFault({ kind: 'huge', bytes: 2 * 1024 * 1024 });
    expect((await (await call()).text()).length).toBeGreaterThan(2 * 1024 * 1024);
  });

  it('forces 2001 and kills the access token', async () => {
    const call = await withFault({ kind: 'accessTokenError', times: 1 });
    expect(await (await call()).json()).toMatchObject({ code: '2001' });
    expect(await (await call()).json()).toMatchObject({ code: '2001' });
  });

  it('answers 1011 on demand', async () => {
    const call = await withFault({ kind: 'rateLimit1011' });
    expect(await (await call()).json()).toMatchObject({ code: '1011' });
  });
});
