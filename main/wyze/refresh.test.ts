import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../emulator/test-helpers';
import type { SessionTokens } from './client';
import type { WyzeError } from './errors';
import { jwtExpiry } from './jwt';
import { harness } from './test-harness';
import type { Harness } from './test-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const REFRESH = '/app/user/refresh_token';
const LIST = '/app/v2/home_page/get_object_list';

describe('token refresh (security S17)', () => {
  it('50 concurrent calls meeting 2001 cause exactly one refresh, persisted before they resume', async () => {
    const events: string[] = [];
    h = await harness({
      client: {
        onTokens: async (t: SessionTokens) => {
          events.push(`persist-start`);
          await delay(30); // a slow keychain write
          events.push(`persisted:${t.accessToken}`);
        },
      },
    });
    const c = h;
    await c.client.signIn(DEMO);
    events.length = 0;
    h.emulator.state.tokens.expireAccess(DEMO.email);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        c.client.listDevices().then((r) => {
          events.push('resumed');
          return r.devices.length;
        }),
      ),
    );
    expect(results).toEqual(Array(50).fill(18));
    expect(h.hits(REFRESH)).toBe(1);
    expect(events[0]).toBe('persist-start');
    expect(events[1]).toMatch(/^persisted:eyJ/);
    expect(events.slice(2)).toEqual(Array(50).fill('resumed'));
  });

  it('rotates both tokens and the spent refresh token is refused by Wyze', async () => {
    h = await harness();
    await h.client.signIn(DEMO);
    await h.client.refreshSession();
    await h.client.refreshSession();
    const [first, second, third] = h.persisted;
    expect(new Set([first?.refreshToken, second?.refreshToken, third?.refreshToken]).size).toBe(3);
    expect(h.emulator.state.tokens.rotate(first?.refreshToken ?? '')).toBeNull();
    expect(await h.client.listDevices()).toMatchObject({ skipped: 0 });
  });

  it('survives the token expiring in the middle of a series of list calls', async () => {
    h = await harness();
    await h.client.signIn(DEMO);
    h.emulator.state.setFaults([{ kind: 'accessTokenError', path: LIST, after: 3, times: 1 }]);
    for (let i = 0; i < 8; i++) expect((await h.client.listDevices()).devices).toHaveLength(18);
    expect(h.hits(REFRESH)).toBe(1);
    expect(h.hits(LIST)).toBe(9);
  });

  it('refreshes ahead of time when the JWT is about to expire', async () => {
    h = await harness();
    await h.client.signIn(DEMO);
    const exp = jwtExpiry(h.persisted[0]?.accessToken ?? '') ?? 0;
    expect(exp - h.clock.now()).toBe(6000 * 1000);
    h.clock.set(exp - 60_000);
    await h.client.listDevices();
    expect(h.hits(REFRESH)).toBe(1);
    expect(h.hits(LIST)).toBe(1);
  });

  it('when Wyze refuses the refresh token, every caller gets one typed error and the session ends once', async () => {
    h = await harness();
    const c = h;
    await c.client.signIn(DEMO);
    h.emulator.state.tokens.revokeRefresh(DEMO.email);
    h.emulator.state.tokens.expireAccess(DEMO.email);
    const codes = await Promise.all(
      Array.from({ length: 10 }, () =>
        c.client.listDevices().then(
          () => 'ok',
          (e: WyzeError) => e.code,
        ),
      ),
    );
    expect(codes).toEqual(Array(10).fill('SESSION_EXPIRED'));
    expect(h.hits(REFRESH)).toBe(1);
    expect(h.expired.count).toBe(1);
    expect(h.client.isSignedIn()).toBe(false);
    await expect(h.client.listDevices()).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    h.client.signOut();
    await expect(h.client.listDevices()).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
  });

  it('resumes a stored session, and refuses calls without one', async () => {
    h = await harness();
    await expect(h.client.getAccount()).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
    await h.client.signIn(DEMO);
    const stored = h.persisted[0] as SessionTokens;
    h.client.signOut();
    h.client.restore(stored);
    expect(await h.client.getAccount()).toMatchObject({ email: DEMO.email });
  });

  it('sign-out cancels calls in flight and drops a refresh that lands afterwards', async () => {
    h = await harness({ realClock: true });
    await h.client.signIn(DEMO);
    h.emulator.state.setFaults([{ kind: 'latency', ms: 200, path: REFRESH }]);
    h.emulator.state.tokens.expireAccess(DEMO.email);
    const pending = h.client.listDevices().catch((e: WyzeError) => e.code);
    await delay(50);
    h.client.signOut();
    expect(await pending).toBe('CANCELLED');
    expect(h.client.isSignedIn()).toBe(false);
    expect(h.persisted).toHaveLength(1);
  });
});
