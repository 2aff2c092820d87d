import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../emulator/test-helpers';
import { appFailure, authFailure } from './errors';
import type { WyzeError } from './errors';
import { MAX_SERVER_WAIT_MS, RateLimitTracker, parseResetBy, parseRetryAfter } from './ratelimit';
import { harness } from './test-harness';
import type { Harness } from './test-harness';

/**
 * What a server may impose is bounded (issue: `Retry-After: 9999999999999` froze refreshing
 * forever and showed "Invalid Date"; 86400 froze it for a day): at most one hour from the
 * client's clock, never a time that is not finite.
 */
const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const HOUR = 60 * 60_000;

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('Retry-After from a hostile server', () => {
  it.each<[string, number | null]>([
    ['9999999999999', NOW + HOUR],
    ['86400', NOW + HOUR],
    ['3601', NOW + HOUR],
    ['30', NOW + 30_000],
    [' 30 ', NOW + 30_000],
    ['0', NOW],
    ['9'.repeat(400), null],
    ['-5', null],
    ['-9999999999999', null],
    ['1.5', null],
    ['1e9', null],
    ['0x10', null],
    ['Infinity', null],
    ['NaN', null],
    ['Sat, 13 Sep 275760 00:00:00 GMT', NOW + HOUR],
    ['Sun, 14 Sep 275760 00:00:00 GMT', null],
    ['Fri, 09 Jan 2026 17:07:12 GMT', NOW],
    [new Date(NOW + 600_000).toUTCString(), NOW + 600_000],
    ['Friday, 27-Nov-26 12:10:00 GMT', NOW + 600_000],
    ['2026', NOW + 2_026_000],
    ['12 13', null],
    ['garbage', null],
    ['', null],
    ['   ', null],
    ['<script>alert(1)</script>', null],
    [`Fri, ${'9'.repeat(100)} Jan 2026 17:07:12 GMT`, null],
  ])('reads %j as %s', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('X-RateLimit-Reset-By from a hostile server', () => {
  it.each<[string, number | null]>([
    ['Fri Jan 09 17:07:12 UTC 9999', NOW + HOUR],
    ['Sat Nov 28 12:00:00 UTC 2026', NOW + HOUR],
    ['Fri Nov 27 12:05:00 UTC 2026', NOW + 300_000],
    ['Fri Jan 09 17:07:12 UTC 2020', NOW],
    ['Fri Jan 09 99:07:12 UTC 2026', null],
    ['Fri Jan 00 17:07:12 UTC 2026', null],
    ['Fri Jan 32 17:07:12 UTC 2026', null],
    ['Fri Jan 09 17:07:12 UTC 275760', null],
    ['Fri Jan 09 17:07:12 PST 2026', null],
    ['1767978576', null],
  ])('reads %j as %s', (value, expected) => {
    expect(parseResetBy(value, NOW)).toBe(expected);
  });
});

describe('X-RateLimit-Remaining from a hostile server', () => {
  it.each(['9'.repeat(400), '-1', '1e3', '0x10', 'NaN', '', ' '])('ignores %j', (value) => {
    const tracker = new RateLimitTracker(10);
    tracker.observe('app', new Headers({ 'x-ratelimit-remaining': value }), NOW);
    expect(tracker.status('app', NOW)).toEqual({
      host: 'app',
      remaining: null,
      resetAt: null,
      limitedUntil: null,
    });
  });
});

describe('rate-limit codes', () => {
  it.each([
    ['1011', NOW, NOW + 60_000],
    ['3044', NOW, NOW + 600_000],
    ['1011', Number.NaN, undefined],
    ['3044', 8.64e15, undefined],
  ])('code %s at %s lifts at %s, never an unshowable time', (code, now, expected) => {
    const err = appFailure(code, '', now);
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.retryAt).toBe(expected);
    expect(err.message).not.toMatch(/Invalid Date|NaN/);
  });
});

describe('a hostile 429 through the client', () => {
  const LIST = '/app/v2/home_page/get_object_list';

  /** A fetch that answers the device list with the given response, and forwards the rest. */
  async function clientFacing(answer: () => Response) {
    let hostile = false;
    const fetchWithHostileList: typeof fetch = (input, init) =>
      hostile && String(input).endsWith(LIST) ? Promise.resolve(answer()) : fetch(input, init);
    h = await harness({ client: { fetch: fetchWithHostileList } });
    await h.client.signIn(DEMO);
    hostile = true;
    return h;
  }

  it.each<Record<string, string>>([
    { 'retry-after': '9999999999999' },
    { 'retry-after': '86400' },
    { 'retry-after': 'Sat, 13 Sep 275760 00:00:00 GMT' },
    { 'x-ratelimit-reset-by': 'Fri Jan 09 17:07:12 UTC 9999' },
    { 'retry-after': '-1', 'x-ratelimit-reset-by': 'tomorrow' },
    { 'retry-after': 'garbage' },
  ])('%o holds reads back for at most an hour, with a time a person can read', async (headers) => {
    const c = await clientFacing(() => new Response(null, { status: 429, headers }));
    const now = c.clock.now();
    const err = (await c.client.listDevices().catch((e: unknown) => e)) as WyzeError;
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.retryAt).toBeGreaterThan(now);
    expect(err.retryAt).toBeLessThanOrEqual(now + MAX_SERVER_WAIT_MS);
    expect(err.message).toMatch(/until about \d{1,2}:\d{2}\s[AP]M( on \w{3} \d{1,2})?\./);
    const limitedUntil = c.client.rateLimitStatus()[1]?.limitedUntil ?? 0;
    expect(limitedUntil).toBeLessThanOrEqual(now + MAX_SERVER_WAIT_MS);
    c.clock.advance(MAX_SERVER_WAIT_MS);
    expect(c.client.rateLimitStatus()[1]?.limitedUntil).toBeNull();
  });

  it('bounds a low budget whose reset is in the year 9999', async () => {
    const c = await clientFacing(
      () =>
        new Response(JSON.stringify({ code: '1', msg: 'SUCCESS', data: { device_list: [] } }), {
          status: 200,
          headers: {
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset-by': 'Fri Jan 09 17:07:12 UTC 9999',
          },
        }),
    );
    await c.client.listDevices();
    expect(c.client.rateLimitStatus()[1]?.limitedUntil).toBe(c.clock.now() + MAX_SERVER_WAIT_MS);
  });
});

/** Characters that must never reach an error message: C0/C1 controls, line and bidi controls. */
const UNSAFE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

describe('server text in error messages is bounded and cleaned', () => {
  it.each<[string, string, string, RegExp]>([
    ['a 10 kB code', '9'.repeat(10_000), '', /^.*\(code 9{15}…\)$/],
    ['a code with a newline', '12\n34', '', /\(code 12 34\)$/],
    ['a code with a bidi override', '12\u202e34', '', /\(code 1234\)$/],
    ['a code of spaces', '   ', '', /\(code \?\)$/],
    ['a 10 kB message', '77', 'x'.repeat(10_000), /\(code 77: x{119}…\)$/],
    ['a message with controls', '77', 'bad\u0000\u0007\u009bnews', /\(code 77: bad {3}news\)$/],
    ['a message with bidi isolates', '77', '\u2066evil\u2069 text', /\(code 77: evil text\)$/],
    ['a message with a line separator', '77', 'one\u2028two', /\(code 77: one two\)$/],
  ])('app host: %s', (_name, code, msg, shown) => {
    const err = appFailure(code, msg, NOW);
    expect(err.code).toBe('UNKNOWN_CODE');
    expect(err.message).toMatch(shown);
    expect(err.message).not.toMatch(UNSAFE);
    expect(err.message.length).toBeLessThan(250);
  });

  it.each<[string, string, boolean]>([
    ['a 10 kB description', 'y'.repeat(10_000), false],
    ['controls and bidi', 'a\u0000b\u202ec\nd', false],
    ['a 10 kB description at the two-step code', 'z'.repeat(10_000), true],
    ['controls at the two-step code', 'a\u0000b\u202ec\nd', true],
  ])('auth host: %s', (_name, description, mfaStep) => {
    const err = authFailure(description, mfaStep);
    expect(err.message).not.toMatch(UNSAFE);
    expect(err.message.length).toBeLessThan(300);
    expect(err.detail ?? '').not.toMatch(UNSAFE);
  });
});
