import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../common/errors';
import { describeModel } from '../../common/models';
import { createLogger } from '../logging/logger';
import type { LogRecord } from '../logging/logger';
import { DEFAULT_BASE_URLS, baseUrlsFromEnv, checkBaseUrl } from './config';
import { WyzeError, appFailure, authFailure, wyzeError } from './errors';
import { hashPassword } from './hash';
import { jwtExpiry } from './jwt';
import { RateLimitTracker, parseResetBy, parseRetryAfter } from './ratelimit';

describe('base URLs (security S22)', () => {
  it.each([
    ['https://auth-prod.api.wyze.com', 'https://auth-prod.api.wyze.com'],
    ['https://api.wyzecam.com/', 'https://api.wyzecam.com'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://localhost:9', 'http://localhost:9'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
  ])('accepts %s', (input, expected) => {
    expect(checkBaseUrl(input)).toBe(expected);
  });

  it.each([
    'http://api.wyzecam.com',
    'http://127.0.0.1.evil.example',
    'http://localhost.evil.example',
    'http://10.0.0.5',
    'ftp://127.0.0.1',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://user:pass@api.wyzecam.com',
    'https://api.wyzecam.com/?redirect=x',
    'not a url',
    '',
  ])('refuses %s', (input) => {
    expect(() => checkBaseUrl(input)).toThrow(
      expect.objectContaining({ code: 'INVALID_BASE_URL' }),
    );
  });

  it('defaults to Wyze and reads the overrides from the environment only when asked to', () => {
    expect(baseUrlsFromEnv({})).toEqual({
      auth: 'https://auth-prod.api.wyze.com',
      api: 'https://api.wyzecam.com',
      app: 'https://app.wyzecam.com',
    });
    expect(
      baseUrlsFromEnv({
        WYZE_AUTH_BASE_URL: 'http://127.0.0.1:1',
        WYZE_API_BASE_URL: 'http://127.0.0.1:2',
      }),
    ).toEqual(DEFAULT_BASE_URLS);
    expect(
      baseUrlsFromEnv(
        { WYZE_AUTH_BASE_URL: 'http://127.0.0.1:1', WYZE_API_BASE_URL: 'http://127.0.0.1:2' },
        { allowOverrides: true },
      ),
    ).toEqual({ auth: 'http://127.0.0.1:1', api: 'http://127.0.0.1:2', app: 'http://127.0.0.1:2' });
  });
});

describe('errors', () => {
  it('has a plain message for every code', () => {
    for (const code of ERROR_CODES) {
      const err = wyzeError(code);
      expect(err.message.length).toBeGreaterThan(15);
      expect(err.toDto()).toEqual({ code, message: err.message });
    }
  });

  it.each([
    ['Invalid User Name or Password.', false, 'INVALID_CREDENTIALS'],
    [
      'Invalid credentials, please check username, password, keyid or apikey',
      false,
      'INVALID_API_KEY',
    ],
    ['Too many failed attempts. Please try again later.', false, 'ACCOUNT_LOCKED'],
    ['Too many failed attempts. Please try again later.', true, 'ACCOUNT_LOCKED'],
    ['Invalid User Name or Password.', true, 'MFA_CODE_INVALID'],
    ['Anything else', true, 'MFA_CODE_INVALID'],
    ['Anything else', false, 'UNKNOWN_CODE'],
  ])('maps the auth description %j (MFA step %s) to %s', (description, mfa, code) => {
    expect(authFailure(description, mfa).code).toBe(code);
  });

  it.each([
    ['1001', '', 'PARAMETER_ERROR'],
    ['1011', '', 'RATE_LIMITED'],
    ['2002', 'refresh token is error', 'SESSION_EXPIRED'],
    ['3019', '', 'DEVICE_OFFLINE'],
    ['3044', '', 'RATE_LIMITED'],
    ['0', '', 'UNKNOWN_CODE'],
    ['x', 'UserIsLocked', 'ACCOUNT_LOCKED'],
    ['x', 'UserNameOrPasswordError', 'INVALID_CREDENTIALS'],
  ])('maps app code %s %j to %s', (code, msg, expected) => {
    expect(appFailure(code, msg, 0).code).toBe(expected);
  });

  it('says until when a rate limit lifts', () => {
    const err = wyzeError('RATE_LIMITED', { retryAt: Date.UTC(2026, 0, 9, 17, 7, 12) });
    expect(err.message).toMatch(/until about \d{1,2}:\d{2}/);
    expect(err.toDto().retryAt).toBe(Date.UTC(2026, 0, 9, 17, 7, 12));
    expect(err).toBeInstanceOf(WyzeError);
  });
});

describe('rate-limit headers', () => {
  it.each([
    ['Fri Jan 09 17:07:12 UTC 2026', Date.UTC(2026, 0, 9, 17, 7, 12)],
    ['Sat Mar 30 05:38:48 GMT 2024', Date.UTC(2024, 2, 30, 5, 38, 48)],
    ['Sat Mar 3 05:38:48 GMT 2024', Date.UTC(2024, 2, 3, 5, 38, 48)],
  ])('parses %s', (value, expected) => {
    expect(parseResetBy(value)).toBe(expected);
  });

  it.each([null, '', 'tomorrow', 'Fri Foo 09 17:07:12 UTC 2026', '1767978576'])(
    'ignores %j',
    (v) => {
      expect(parseResetBy(v)).toBeNull();
    },
  );

  it('reads Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('30', 1000)).toBe(31_000);
    expect(parseRetryAfter('Fri, 09 Jan 2026 17:07:12 GMT', Date.UTC(2026, 0, 9, 17))).toBe(
      Date.UTC(2026, 0, 9, 17, 7, 12),
    );
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });

  it('limits only at or under the threshold and only until the reset', () => {
    const tracker = new RateLimitTracker(10);
    const headers = (remaining: string) =>
      new Headers({
        'x-ratelimit-remaining': remaining,
        'x-ratelimit-reset-by': 'Fri Jan 09 17:07:12 UTC 2026',
      });
    const reset = Date.UTC(2026, 0, 9, 17, 7, 12);
    tracker.observe('app', headers('11'), reset - 1000);
    expect(tracker.limitedUntil('app', reset - 1000)).toBeNull();
    tracker.observe('app', headers('10'), reset - 1000);
    expect(tracker.limitedUntil('app', reset - 1000)).toBe(reset);
    expect(tracker.limitedUntil('auth', reset - 1000)).toBeNull();
    expect(tracker.limitedUntil('app', reset)).toBeNull();
    tracker.observe('app', headers('garbage'), reset);
    expect(tracker.status('app', reset - 1)).toMatchObject({ remaining: 10 });
  });
});

describe('small pieces', () => {
  it('hashes the password three times with MD5', () => {
    // Each round hashes the previous round's lowercase hex (docs/protocol.md, "Sign-in and API
    // keys"); values computed independently.
    expect(hashPassword('')).toBe('acf7ef943fdeb3cbfed8dd0d8f584731');
    expect(hashPassword('password')).toBe('5a22e6c339c96c9c0513a46e44c39683');
    expect(hashPassword('a ')).not.toBe(hashPassword('a'));
  });

  it('reads exp from a JWT and nothing from anything else', () => {
    const jwt = (payload: unknown) =>
      `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;
    expect(jwtExpiry(jwt({ exp: 1_800_000_000 }))).toBe(1_800_000_000_000);
    expect(jwtExpiry(jwt({ exp: 'soon' }))).toBeNull();
    expect(jwtExpiry(jwt(null))).toBeNull();
    expect(jwtExpiry('lvtx.abcdef')).toBeNull();
    expect(jwtExpiry('a.%%%.c')).toBeNull();
  });

  it('names known models and keeps unknown codes', () => {
    expect(describeModel('AN_RSCW')).toEqual({ name: 'Wyze Battery Cam Pro', known: true });
    expect(describeModel('toString')).toEqual({ name: 'toString', known: false });
    expect(describeModel('__proto__')).toEqual({ name: '__proto__', known: false });
  });
});

describe('logger redaction (security S16)', () => {
  const capture = () => {
    const records: LogRecord[] = [];
    const logger = createLogger({ level: 'debug', sink: (r) => records.push(r) });
    return { logger, text: () => JSON.stringify(records) };
  };

  it('masks by key, by shape and by registered value', () => {
    const { logger, text } = capture();
    logger.addSecret('hunter2-secret');
    logger.info('login hunter2-secret', {
      access_token: 'abc',
      nested: { apiKey: 'k', list: [{ refresh_token: 'r' }] },
      note: 'eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl and lvtx.AbC+/= and d41d8cd98f00b204e9800998ecf8427e',
      err: new Error('failed for hunter2-secret'),
      socket:
        'wss://v-1.kinesisvideo.example/?X-Amz-Credential=AKIAFAKE%2F2026&X-Amz-Security-Token=FwoGZXIvYXdz&X-Amz-Signature=5f3c9a',
      signaling_url: 'wss://any.example/?plain=1',
    });
    const out = text();
    for (const secret of [
      'hunter2-secret',
      '"abc"',
      '"k"',
      '"r"',
      'eyJhbGciOi',
      'lvtx.AbC',
      'd41d8cd98f',
      'AKIAFAKE',
      'FwoGZXIvYXdz',
      '5f3c9a',
      'plain=1',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[redacted]');
  });

  it('forgets registered secrets on sign-out and respects the level', () => {
    const records: LogRecord[] = [];
    const logger = createLogger({ level: 'warn', sink: (r) => records.push(r) });
    logger.addSecret('temporary');
    logger.forgetSecrets();
    logger.info('not written');
    logger.warn('temporary');
    expect(records).toEqual([expect.objectContaining({ level: 'warn', message: 'temporary' })]);
  });

  it('survives cycles and very deep values', () => {
    const { logger, text } = capture();
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let i = 0; i < 50; i++) cursor = cursor.next = {} as Record<string, unknown>;
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    logger.info('shapes', { deep, cyclic });
    expect(text()).toContain('[…]');
  });
});
