import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../emulator/test-helpers';
import type { SessionTokens } from './client';
import type { WyzeError } from './errors';
import { codeOf, demoWorld, harness } from './test-harness';
import type { Harness } from './test-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const REFRESH = '/app/user/refresh_token';
const LIST = '/app/v2/home_page/get_object_list';

/**
 * A fetch that holds every refresh request at a gate until the test opens it (or the request is
 * aborted), and counts them: the test decides when each refresh settles, with no sleeps.
 */
function gatedRefreshes() {
  const held: (() => void)[] = [];
  const arrivals: { count: number; resolve: () => void }[] = [];
  let count = 0;
  const fetchThroughGate: typeof fetch = async (input, init) => {
    if (String(input instanceof Request ? input.url : input).endsWith(REFRESH)) {
      count++;
      for (const a of arrivals.filter((x) => x.count <= count)) a.resolve();
      await new Promise<void>((resolve, reject) => {
        held.push(resolve);
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error), {
          once: true,
        });
      });
    }
    return fetch(input, init);
  };
  return {
    fetch: fetchThroughGate,
    requests: () => count,
    /** Resolves once `n` refresh requests have reached the gate. */
    arrived: (n: number) =>
      new Promise<void>((resolve) => {
        if (count >= n) resolve();
        else arrivals.push({ count: n, resolve });
      }),
    open: () => held.splice(0).forEach((release) => release()),
  };
}

describe('single-flight refresh across sign-out (issue item: the flight clears itself)', () => {
  it('a refresh from before a sign-out, settling late, does not let a third caller start another', async () => {
    const gate = gatedRefreshes();
    h = await harness({ client: { fetch: gate.fetch } });
    await h.client.signIn(DEMO);
    const stored = h.persisted[0] as SessionTokens;

    const old = codeOf(h.client.refreshSession());
    await gate.arrived(1);
    h.client.signOut();
    h.client.restore(stored);
    const current = h.client.refreshSession();
    await gate.arrived(2);
    expect(await old).toBe('CANCELLED');

    const third = h.client.refreshSession();
    gate.open();
    const settled = await Promise.allSettled([current, third]);
    expect(gate.requests()).toBe(2);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(h.client.isSignedIn()).toBe(true);
    expect(h.expired.count).toBe(0);
  });
});

describe('rate limits belong to a session (issue item: reset the tracker on sign-out)', () => {
  async function heldBack() {
    h = await harness();
    await h.client.signIn(DEMO);
    h.emulator.state.setFaults([{ path: LIST, kind: 'rateLimit1011', times: 1 }]);
    expect(await codeOf(h.client.listDevices())).toBe('RATE_LIMITED');
    expect(await codeOf(h.client.getAccount())).toBe('RATE_LIMITED');
    expect(h.client.rateLimitStatus()[1]?.limitedUntil).not.toBeNull();
    return h;
  }

  it('a new sign-in after sign-out is not held back by the last session’s limit', async () => {
    const c = await heldBack();
    c.client.signOut();
    expect(c.client.rateLimitStatus().map((s) => s.limitedUntil)).toEqual([null, null]);
    await c.client.signIn(DEMO);
    expect((await c.client.listDevices()).devices).toHaveLength(18);
    expect(c.hits(LIST)).toBe(2);
  });

  // restore() runs after cancelled two-step verification, an interrupted sign-in and the end of a
  // demo: the same account comes back, and the hold Wyze imposed on it still applies.
  it('restoring stored tokens keeps the hold Wyze imposed: hold → restore → still held', async () => {
    const c = await heldBack();
    const heldUntil = c.client.rateLimitStatus()[1]?.limitedUntil;
    c.client.restore(c.persisted[0] as SessionTokens);
    expect(c.client.rateLimitStatus()[1]?.limitedUntil).toBe(heldUntil);
    expect(await codeOf(c.client.listDevices())).toBe('RATE_LIMITED');
    expect(c.hits(LIST)).toBe(1); // held back here, not sent to Wyze again
  });

  it('dropping the session (cancel, demo) keeps the hold; only a real sign-out lifts it', async () => {
    const c = await heldBack();
    c.client.dropSession();
    expect(c.client.rateLimitStatus()[1]?.limitedUntil).not.toBeNull();
    c.client.signOut();
    expect(c.client.rateLimitStatus().map((s) => s.limitedUntil)).toEqual([null, null]);
  });

  it('a low budget seen by the last session does not hold back the next one', async () => {
    const world = await demoWorld();
    h = await harness({
      world: { ...world, rateLimits: { app: { limit: 12, windowSeconds: 300 } } },
    });
    await h.client.signIn(DEMO);
    await h.client.listDevices();
    await h.client.listDevices();
    expect(await codeOf(h.client.listDevices())).toBe('RATE_LIMITED');
    h.client.signOut();
    await h.client.signIn(DEMO);
    expect((await h.client.listDevices()).devices).toHaveLength(18);
    expect(h.hits(LIST)).toBe(3);
  });
  it('ignores the budget in an answer that lands after the sign-out that cancelled it', async () => {
    let signOutDuringList: (() => void) | null = null;
    const lateAnswer: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!String(input).endsWith(LIST) || !signOutDuringList) return res;
      const body = await res.text();
      signOutDuringList();
      const headers = new Headers(res.headers);
      headers.set('x-ratelimit-remaining', '0');
      return new Response(body, { status: res.status, headers });
    };
    h = await harness({ client: { fetch: lateAnswer } });
    const c = h;
    await c.client.signIn(DEMO);
    signOutDuringList = () => c.client.signOut();
    expect(await codeOf(c.client.listDevices())).toBe('CANCELLED');
    signOutDuringList = null;
    expect(c.client.rateLimitStatus()[1]).toMatchObject({ remaining: null, limitedUntil: null });
  });
});

describe('an access token refused right after a successful refresh (issue item: wrong messages)', () => {
  it('says so, keeps the session and never claims the refresh token was refused', async () => {
    h = await harness();
    await h.client.signIn(DEMO);
    h.emulator.state.setFaults([{ kind: 'accessTokenError', path: LIST, times: 2 }]);
    const err = (await h.client.listDevices().catch((e: unknown) => e)) as WyzeError;

    expect(err.code).toBe('TOKEN_REFUSED');
    expect(err.message).toMatch(/just renewed/);
    expect(err.message).not.toMatch(/session has ended/);
    expect(h.hits(REFRESH)).toBe(1);
    expect(h.expired.count).toBe(0);
    expect(h.client.isSignedIn()).toBe(true);
    expect(JSON.stringify(h.logs)).not.toMatch(/refused the refresh token/);
    expect(JSON.stringify(h.logs)).toMatch(/refused the access token it had just issued/);
    // The session still works once Wyze accepts a token again.
    expect((await h.client.listDevices()).devices).toHaveLength(18);
  });

  it('still ends the session, once, when Wyze refuses the refresh token itself', async () => {
    h = await harness();
    await h.client.signIn(DEMO);
    h.emulator.state.tokens.revokeRefresh(DEMO.email);
    h.emulator.state.setFaults([{ kind: 'accessTokenError', path: LIST, times: 1 }]);
    expect(await codeOf(h.client.listDevices())).toBe('SESSION_EXPIRED');
    expect(h.expired.count).toBe(1);
    expect(JSON.stringify(h.logs)).toMatch(/refused the refresh token/);
  });
});
