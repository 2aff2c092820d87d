import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../emulator/test-helpers';
import { wyzeError } from './errors';
import type { WyzeError } from './errors';
import { harness } from './test-harness';
import type { Harness } from './test-harness';

/** What the user is told must be true (issue: "Messages that are wrong"). */
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const LIST = '/app/v2/home_page/get_object_list';
const LOGIN = '/api/user/login';
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as WyzeError,
  );
/** Local wall-clock time, so the expectations hold in every time zone. */
const local = (y: number, mo: number, d: number, hh: number, mm: number) =>
  new Date(y, mo, d, hh, mm).getTime();

describe('when a rate limit lifts, with the date when it is not today', () => {
  const now = local(2026, 10, 27, 14, 0);

  it.each([
    ['later today', local(2026, 10, 27, 14, 0), local(2026, 10, 27, 14, 35), '2:35 PM. The app'],
    [
      'after midnight',
      local(2026, 10, 27, 23, 30),
      local(2026, 10, 28, 0, 5),
      '12:05 AM on Nov 28.',
    ],
    [
      'next year',
      local(2026, 11, 31, 23, 50),
      local(2027, 0, 1, 0, 10),
      '12:10 AM on Jan 1, 2027.',
    ],
  ])('%s', (_when, at, retryAt, expected) => {
    const err = wyzeError('RATE_LIMITED', { retryAt, now: at });
    expect(err.message).toContain(`until about ${expected}`);
    expect(err.retryAt).toBe(retryAt);
  });

  it.each([
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    [8.64e15 + 1, now + 60 * 60_000],
    [-8.64e15 - 1, now],
  ])('never shows "Invalid Date" for %s (lifts at %s)', (retryAt, expected) => {
    const err = wyzeError('RATE_LIMITED', { retryAt, now });
    expect(err.message).not.toMatch(/Invalid Date|NaN|Infinity/);
    expect(err.retryAt).toBe(expected);
  });

  it('compares with the client’s clock, not the computer’s', async () => {
    h = await harness();
    h.clock.set(local(2027, 2, 10, 10, 0));
    await h.client.signIn(DEMO);
    h.emulator.state.setFaults([{ path: LIST, kind: 'appCode', code: '3044', times: 1 }]);
    expect((await failure(h.client.listDevices()))?.message).toContain('until about 10:10 AM.');
    h.clock.set(local(2027, 2, 10, 23, 55));
    h.emulator.state.setFaults([{ path: LIST, kind: 'appCode', code: '3044', times: 1 }]);
    expect((await failure(h.client.listDevices()))?.message).toContain(
      'until about 12:05 AM on Mar 11.',
    );
  });
});

describe('a rate limit at sign-in', () => {
  it('asks the user to sign in again later instead of promising a retry that never comes', async () => {
    h = await harness();
    h.emulator.state.setFaults([{ path: LOGIN, kind: 'status', status: 429 }]);
    const err = await failure(h.client.signIn(DEMO));
    expect(err?.code).toBe('RATE_LIMITED');
    expect(err?.retryAt).toBeGreaterThan(h.clock.now());
    expect(err?.message).toMatch(/try signing in again after that time/);
    expect(err?.message).not.toMatch(/will wait|try again\.$/);
    expect(h.hits(LOGIN)).toBe(1);
    expect(h.sleeps).toEqual([]);
  });

  it('keeps the promise for reads, which the app does retry', async () => {
    h = await harness();
    await h.client.signIn(DEMO);
    h.emulator.state.setFaults([{ path: LIST, kind: 'status', status: 429 }]);
    expect((await failure(h.client.listDevices()))?.message).toMatch(/app will wait until then/);
  });
});

describe('an answer cut off part-way', () => {
  it('says the answer was incomplete, not that the internet is down, and is still retried', async () => {
    h = await harness();
    await h.client.signIn(DEMO);
    h.emulator.state.setFaults([{ path: LIST, kind: 'truncated' }]);
    const err = await failure(h.client.listDevices());
    expect(err?.code).toBe('NETWORK');
    expect(err?.message).toMatch(/cut off before it was complete/);
    expect(err?.message).not.toMatch(/internet connection/);
    expect(h.hits(LIST)).toBe(4);
  });

  it('says the same for a sign-in, which is sent once', async () => {
    h = await harness();
    h.emulator.state.setFaults([{ path: LOGIN, kind: 'truncated' }]);
    expect((await failure(h.client.signIn(DEMO)))?.message).toMatch(/cut off/);
    expect(h.hits(LOGIN)).toBe(1);
  });

  it('still says "check your internet connection" when nothing answers at all', async () => {
    h = await harness();
    await h.client.signIn(DEMO);
    await h.emulator.close();
    expect((await failure(h.client.listDevices()))?.message).toMatch(/internet connection/);
  });
});
