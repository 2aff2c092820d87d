import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../emulator/test-helpers';
import type { WyzeError } from './errors';
import { codeOf, demoWorld, harness } from './test-harness';
import type { Harness } from './test-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const LIST = '/app/v2/home_page/get_object_list';

async function signedIn(opts: Parameters<typeof harness>[0] = {}) {
  h = await harness(opts);
  await h.client.signIn(DEMO);
  return h;
}

describe('retries (security S18)', () => {
  it('retries an idempotent read after a 5xx with growing, jittered backoff', async () => {
    const c = await signedIn();
    c.emulator.state.setFaults([{ kind: 'status', status: 502, path: LIST, times: 2 }]);
    expect((await c.client.listDevices()).devices).toHaveLength(18);
    expect(c.hits(LIST)).toBe(3);
    // random() is 0.5 in the harness: wait = backoff/2 + 0.5 * backoff/2.
    expect(c.sleeps).toEqual([375, 750]);
  });

  it('gives up after four attempts with a typed error', async () => {
    const c = await signedIn();
    c.emulator.state.setFaults([{ kind: 'status', status: 500, path: LIST }]);
    expect(await codeOf(c.client.listDevices())).toBe('SERVER_ERROR');
    expect(c.hits(LIST)).toBe(4);
  });

  it.each([
    [408, 'TIMEOUT'],
    [503, 'SERVER_ERROR'],
  ])('retries HTTP %i, then reports %s', async (status, code) => {
    const c = await signedIn();
    c.emulator.state.setFaults([{ kind: 'status', status, path: LIST }]);
    expect(await codeOf(c.client.listDevices())).toBe(code);
    expect(c.hits(LIST)).toBe(4);
  });

  it('retries a body cut short, which reads as a network error', async () => {
    const c = await signedIn();
    c.emulator.state.setFaults([{ kind: 'truncated', path: LIST, times: 1 }]);
    expect((await c.client.listDevices()).devices).toHaveLength(18);
    c.emulator.state.setFaults([{ kind: 'truncated', path: LIST }]);
    expect(await codeOf(c.client.listDevices())).toBe('NETWORK');
  });

  it('never retries a refresh', async () => {
    const c = await signedIn();
    c.emulator.state.setFaults([{ kind: 'status', status: 503, path: '/app/user/refresh_token' }]);
    expect(await codeOf(c.client.refreshSession())).toBe('SERVER_ERROR');
    expect(c.hits('/app/user/refresh_token')).toBe(1);
    expect(c.client.isSignedIn()).toBe(true);
  });

  it('does not retry a 4xx on the app host', async () => {
    const c = await signedIn();
    c.emulator.state.setFaults([{ kind: 'status', status: 404, path: LIST }]);
    expect(await codeOf(c.client.listDevices())).toBe('UNEXPECTED_RESPONSE');
    expect(c.hits(LIST)).toBe(1);
  });

  it('reports a network failure when nothing listens', async () => {
    const c = await signedIn();
    await c.emulator.close();
    expect(await codeOf(c.client.listDevices())).toBe('NETWORK');
    expect(c.sleeps).toHaveLength(3);
  });
});

describe('bounds (security S20)', () => {
  const fast = { attemptTimeoutMs: 250, deadlineMs: 5_000 };

  it('ends a hanging request with TIMEOUT in bounded time', async () => {
    const c = await signedIn({ realClock: true, client: fast });
    c.emulator.state.setFaults([{ kind: 'hang', path: LIST }]);
    const started = Date.now();
    expect(await codeOf(c.client.listDevices())).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(c.hits(LIST)).toBe(4);
  });

  it('ends a trickling response with TIMEOUT', async () => {
    const c = await signedIn({ realClock: true, client: fast });
    c.emulator.state.setFaults([{ kind: 'trickle', ms: 100, path: LIST }]);
    expect(await codeOf(c.client.listDevices())).toBe('TIMEOUT');
  });

  it('tolerates latency within the timeout', async () => {
    const c = await signedIn({ realClock: true, client: fast });
    c.emulator.state.setFaults([{ kind: 'latency', ms: 100, path: LIST }]);
    expect((await c.client.listDevices()).devices).toHaveLength(18);
  });

  it('stops reading a huge body at the size cap and does not retry it', async () => {
    const c = await signedIn({ client: { maxResponseBytes: 512 * 1024 } });
    c.emulator.state.setFaults([{ kind: 'huge', bytes: 8 * 1024 * 1024, path: LIST }]);
    expect(await codeOf(c.client.listDevices())).toBe('RESPONSE_TOO_LARGE');
    expect(c.hits(LIST)).toBe(1);
  });

  it('stops at the overall deadline even with retries left', async () => {
    const c = await signedIn({
      realClock: true,
      client: { attemptTimeoutMs: 400, deadlineMs: 600 },
    });
    c.emulator.state.setFaults([{ kind: 'hang', path: LIST }]);
    const started = Date.now();
    expect(await codeOf(c.client.listDevices())).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(c.hits(LIST)).toBeLessThan(4);
  });

  it('leaves no sockets open once the emulator closes', async () => {
    const sockets = () =>
      process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap' || r === 'TCPServerWrap')
        .length;
    const before = sockets();
    const c = await signedIn({ realClock: true, client: fast });
    c.emulator.state.setFaults([{ kind: 'hang', path: LIST }]);
    await codeOf(c.client.listDevices());
    await c.close();
    h = undefined;
    for (let i = 0; i < 50 && sockets() > before; i++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(sockets()).toBeLessThanOrEqual(before);
  });
});

describe('validated responses (security S21)', () => {
  it.each([
    [{ kind: 'malformed' }, 'UNEXPECTED_RESPONSE'],
    [{ kind: 'appCode', code: '1', msg: 'SUCCESS' }, 'UNEXPECTED_RESPONSE'],
    [{ kind: 'appCode', code: '9999', msg: 'brand new' }, 'UNKNOWN_CODE'],
    [{ kind: 'appCode', code: '0', msg: '' }, 'UNKNOWN_CODE'],
    [{ kind: 'appCode', code: '1001', msg: 'ParameterError' }, 'PARAMETER_ERROR'],
    [{ kind: 'appCode', code: '3019', msg: '' }, 'DEVICE_OFFLINE'],
    [{ kind: 'appCode', code: '3044', msg: '' }, 'RATE_LIMITED'],
    [{ kind: 'appCode', code: '1003', msg: 'x' }, 'UNKNOWN_CODE'],
    [{ kind: 'appCode', code: '5', msg: 'UserIsLocked' }, 'ACCOUNT_LOCKED'],
    [{ kind: 'appCode', code: '5', msg: 'UserNameOrPasswordError' }, 'INVALID_CREDENTIALS'],
    [{ kind: 'rateLimit1011' }, 'RATE_LIMITED'],
  ])('turns %o into %s', async (fault, code) => {
    const c = await signedIn();
    c.emulator.state.setFaults([{ path: LIST, ...fault }]);
    const err = await c.client.listDevices().catch((e: WyzeError) => e);
    expect(err).toMatchObject({ code });
  });

  it('names an unknown code in the message so the user can report it', async () => {
    const c = await signedIn();
    c.emulator.state.setFaults([{ path: LIST, kind: 'appCode', code: '4242', msg: 'odd' }]);
    await expect(c.client.listDevices()).rejects.toThrow(/code 4242: odd/);
  });
});

describe('rate limits (security S19)', () => {
  async function lowBudget() {
    const world = await demoWorld();
    const c = await signedIn({
      world: { ...world, rateLimits: { app: { limit: 12, windowSeconds: 300 } } },
    });
    return c;
  }

  it('holds back reads when the budget runs low, says until when, and resumes after the reset', async () => {
    const c = await lowBudget();
    await c.client.listDevices();
    await c.client.listDevices();
    const err = await c.client.listDevices().catch((e: WyzeError) => e);
    expect(err).toMatchObject({ code: 'RATE_LIMITED' });
    const resetAt = (err as WyzeError).retryAt ?? 0;
    expect(resetAt).toBe(c.clock.now() + 300_000);
    expect(c.hits(LIST)).toBe(2);
    expect(c.client.rateLimitStatus()[1]).toMatchObject({ remaining: 10, limitedUntil: resetAt });
    c.clock.set(resetAt);
    expect((await c.client.listDevices()).devices).toHaveLength(18);
    expect(c.hits(LIST)).toBe(3);
  });

  it('still lets essential requests through while reads are held back', async () => {
    const c = await lowBudget();
    await c.client.listDevices();
    await c.client.listDevices();
    await c.client.refreshSession();
    expect(c.hits('/app/user/refresh_token')).toBe(1);
  });

  it('waits out a 429 whose reset falls inside the deadline, and fails fast otherwise', async () => {
    const world = await demoWorld();
    const c = await signedIn({
      world: { ...world, rateLimits: { app: { limit: 300, windowSeconds: 5 } } },
    });
    c.emulator.state.setFaults([{ path: LIST, kind: 'status', status: 429, times: 1 }]);
    expect((await c.client.listDevices()).devices).toHaveLength(18);
    expect(c.sleeps).toEqual([5_000]);
    await c.close();
    const slow = await signedIn({
      world: { ...world, rateLimits: { app: { limit: 300, windowSeconds: 300 } } },
    });
    slow.emulator.state.setFaults([{ path: LIST, kind: 'status', status: 429 }]);
    const err = await slow.client.listDevices().catch((e: WyzeError) => e);
    expect(err).toMatchObject({ code: 'RATE_LIMITED', retryAt: slow.clock.now() + 300_000 });
    expect(slow.sleeps).toEqual([]);
    expect(slow.hits(LIST)).toBe(1);
  });

  it('holds back reads for a minute after code 1011', async () => {
    const c = await signedIn();
    c.emulator.state.setFaults([{ path: LIST, kind: 'rateLimit1011', times: 1 }]);
    await expect(c.client.listDevices()).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(c.client.getAccount()).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    c.clock.advance(60_000);
    expect((await c.client.listDevices()).devices).toHaveLength(18);
  });
});
