import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from './server';
import type { RunningEmulator } from './server';
import { DEMO, fakeClock } from './test-helpers';

const DEMO_WORLD = fileURLToPath(new URL('./worlds/demo.json', import.meta.url));
const DRIVEWAY = '2CAA8E4F1A02';

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: { now?: () => number; control?: boolean } = {}) {
  emulator = await startEmulator({ world: DEMO_WORLD, port: 0, ...options });
  return emulator;
}

interface RawResponse {
  status: number;
  body: string;
}

/** A request with exactly these headers (fetch would set Host, Origin and the rest itself). */
function raw(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body = '',
): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path, headers, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The headers a legitimate control client (a test, curl) sends. */
const allowed = (emu: RunningEmulator): Record<string, string> => ({
  host: new URL(emu.url).host,
  'content-type': 'application/json',
  'x-emulator-token': emu.controlToken ?? '',
});

function without(headers: Record<string, string>, name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([key]) => key !== name));
}

const control = (emu: RunningEmulator, action: string, body: unknown, headers = allowed(emu)) =>
  raw(emu.url, 'POST', `/__emulator/${action}`, headers, JSON.stringify(body));

/** Everything a hostile control request tries to change, so a refusal can be shown to change none. */
async function attack(emu: RunningEmulator, headers: Record<string, string>): Promise<number[]> {
  const results = await Promise.all([
    control(
      emu,
      'devices/update',
      { mac: DRIVEWAY, patch: { nickname: 'pwned', online: false } },
      headers,
    ),
    control(emu, 'tokens/expire', { email: DEMO.email }, headers),
    control(emu, 'tokens/revoke', { email: DEMO.email }, headers),
    control(emu, 'faults', { faults: [{ kind: 'status', status: 500 }] }, headers),
    raw(emu.url, 'GET', '/__emulator/outbox', headers),
  ]);
  return results.map((r) => r.status);
}

describe('control endpoint: who may use it', () => {
  type Forge = (emu: RunningEmulator) => Record<string, string>;
  const cases: [string, number, Forge][] = [
    [
      'a page on another local port (forged Origin)',
      403,
      (e) => ({
        ...allowed(e),
        origin: 'http://127.0.0.1:9999',
      }),
    ],
    ['an opaque origin (sandboxed page, file://)', 403, (e) => ({ ...allowed(e), origin: 'null' })],
    [
      'a DNS-rebound name (wrong Host)',
      421,
      (e) => ({ ...allowed(e), host: `evil.example:${new URL(e.url).port}` }),
    ],
    [
      'localhost instead of the address it listens on',
      421,
      (e) => ({
        ...allowed(e),
        host: `localhost:${new URL(e.url).port}`,
      }),
    ],
    ['no Host at all (Node itself answers 400)', 400, (e) => without(allowed(e), 'host')],
    ['no secret', 403, (e) => without(allowed(e), 'x-emulator-token')],
    ['a wrong secret', 403, (e) => ({ ...allowed(e), 'x-emulator-token': 'guessed' })],
    [
      'the secret with one character changed',
      403,
      (e) => ({
        ...allowed(e),
        'x-emulator-token': `${(e.controlToken ?? '').slice(0, -1)}_`,
      }),
    ],
  ];

  it.each(cases)('refuses %s with %i and changes nothing', async (_name, status, forge) => {
    const emu = await start();
    const tokens = emu.state.tokens.issue(DEMO.email, 'user');
    const before = JSON.stringify(emu.state.world);
    const statuses = await attack(emu, forge(emu));
    expect(statuses).toEqual([status, status, status, status, status]);
    expect(JSON.stringify(emu.state.world)).toBe(before);
    expect(emu.state.tokens.checkAccess(tokens.access_token)).toBe(DEMO.email);
    expect(emu.state.tokens.rotate(tokens.refresh_token)).not.toBeNull();
    expect(emu.state.faults.match('/app/user/get_user_info')).toBeNull();
  });

  it.each([
    ['text/plain (a "simple request" a page may send cross-site)', 'text/plain'],
    ['a form post', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['no content type', ''],
  ])('refuses a POST sent as %s with 415 and changes nothing', async (_name, type) => {
    const emu = await start();
    const before = JSON.stringify(emu.state.world);
    const headers: Record<string, string> = { ...allowed(emu), 'content-type': type };
    if (!type) delete headers['content-type'];
    const res = await control(
      emu,
      'devices/update',
      { mac: DRIVEWAY, patch: { nickname: 'x' } },
      headers,
    );
    expect(res.status).toBe(415);
    expect(JSON.stringify(emu.state.world)).toBe(before);
  });

  it('accepts the right secret, from its own origin or from no browser at all', async () => {
    const emu = await start();
    const rename = (nickname: string, extra: Record<string, string> = {}) =>
      control(
        emu,
        'devices/update',
        { mac: DRIVEWAY, patch: { nickname } },
        { ...allowed(emu), ...extra },
      );
    expect((await rename('Drive')).status).toBe(200);
    expect((await rename('Drive 2', { origin: emu.url })).status).toBe(200);
    expect(
      (await rename('Drive 3', { 'content-type': 'application/json; charset=utf-8' })).status,
    ).toBe(200);
    const device = emu.state.world.accounts[0]?.devices.find((d) => d.mac === DRIVEWAY);
    expect(device?.nickname).toBe('Drive 3');
  });

  it('uses a new secret on every run', async () => {
    const first = await start();
    const token = first.controlToken;
    await first.close();
    const second = await start();
    expect(token).toMatch(/^[\w-]{40,}$/);
    expect(second.controlToken).not.toBe(token);
    const stale = await attack(second, { ...allowed(second), 'x-emulator-token': token ?? '' });
    expect(stale.every((status) => status === 403)).toBe(true);
  });

  it('with control: false has no control API at all, even with every header right', async () => {
    const emu = await start({ control: false });
    expect(emu.controlToken).toBeNull();
    const before = JSON.stringify(emu.state.world);
    const headers = { host: new URL(emu.url).host, 'content-type': 'application/json' };
    expect(await attack(emu, headers)).toEqual([404, 404, 404, 404, 404]);
    expect(JSON.stringify(emu.state.world)).toBe(before);
  });
});

describe('control endpoint: what it does', () => {
  it('takes a camera offline and moves its conn_state_ts to now', async () => {
    const clock = fakeClock();
    const emu = await start({ now: clock.now });
    const res = await control(emu, 'devices/update', {
      mac: DRIVEWAY,
      patch: { online: false, firmware: '4.36.12.1000', ip: '192.168.1.99' },
    });
    expect(res.status).toBe(200);
    expect(emu.state.world.accounts[0]?.devices.find((d) => d.mac === DRIVEWAY)).toMatchObject({
      online: false,
      connStateTs: clock.now(),
      firmware: '4.36.12.1000',
      ip: '192.168.1.99',
    });
  });

  it('revokes refresh tokens and expires access tokens', async () => {
    const emu = await start();
    const tokens = emu.state.tokens.issue(DEMO.email, 'user');
    expect((await control(emu, 'tokens/revoke', { email: DEMO.email })).status).toBe(200);
    expect((await control(emu, 'tokens/expire', { email: DEMO.email })).status).toBe(200);
    expect(emu.state.tokens.checkAccess(tokens.access_token)).toBeNull();
    expect(emu.state.tokens.rotate(tokens.refresh_token)).toBeNull();
  });

  it('answers bad control requests with 400 and a reason', async () => {
    const emu = await start();
    const res = await control(emu, 'devices/update', { mac: 'nope', patch: { online: 'yes' } });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: expect.stringMatching(/online/) });
    const faults = await control(emu, 'faults', { faults: [{ kind: 'explode' }] });
    expect(faults.status).toBe(400);
  });

  it('reports request counts', async () => {
    const emu = await start();
    emu.state.countRequest('/api/user/login');
    emu.state.countRequest('/api/user/login');
    const stats = await raw(emu.url, 'GET', '/__emulator/stats', allowed(emu));
    expect(JSON.parse(stats.body)).toMatchObject({ '/api/user/login': 2 });
  });
});
