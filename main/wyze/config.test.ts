import { describe, expect, it } from 'vitest';
import { baseUrlsFromEnv, DEFAULT_BASE_URLS } from './config';

const OVERRIDES = {
  WYZE_AUTH_BASE_URL: 'http://127.0.0.1:4010',
  WYZE_API_BASE_URL: 'https://api.example.test/',
};

describe('baseUrlsFromEnv', () => {
  it.each([
    {
      name: 'overrides allowed (development, tests)',
      allow: true,
      env: OVERRIDES,
      // Only the app host is overridden: v4 calls (live view) follow it, never Wyze's own host.
      expected: {
        auth: 'http://127.0.0.1:4010',
        api: 'https://api.example.test',
        app: 'https://api.example.test',
      },
    },
    {
      name: 'the v4 host overridden on its own',
      allow: true,
      env: { ...OVERRIDES, WYZE_APP_BASE_URL: 'http://localhost:4011/' },
      expected: {
        auth: 'http://127.0.0.1:4010',
        api: 'https://api.example.test',
        app: 'http://localhost:4011',
      },
    },
    {
      name: 'only the v4 host overridden',
      allow: true,
      env: { WYZE_APP_BASE_URL: 'https://v4.example.test' },
      expected: { ...DEFAULT_BASE_URLS, app: 'https://v4.example.test' },
    },
    {
      name: 'a v4 override refused when packaged',
      allow: false,
      env: { WYZE_APP_BASE_URL: 'https://v4.example.test' },
      expected: DEFAULT_BASE_URLS,
    },
    {
      name: 'overrides refused (packaged)',
      allow: false,
      env: OVERRIDES,
      expected: DEFAULT_BASE_URLS,
    },
    {
      name: 'refused, even a hostile value is not parsed',
      allow: false,
      env: { WYZE_API_BASE_URL: 'javascript:alert(1)' },
      expected: DEFAULT_BASE_URLS,
    },
    { name: 'allowed but unset', allow: true, env: {}, expected: DEFAULT_BASE_URLS },
  ])('$name', ({ allow, env, expected }) => {
    expect(baseUrlsFromEnv(env, { allowOverrides: allow })).toEqual(expected);
  });

  it.each(['http://app.example.test', 'ftp://127.0.0.1', 'https://u:p@v4.example.test'])(
    'refuses an unsafe v4 host %s (security S22)',
    (value) => {
      expect(() => baseUrlsFromEnv({ WYZE_APP_BASE_URL: value }, { allowOverrides: true })).toThrow(
        expect.objectContaining({ code: 'INVALID_BASE_URL' }),
      );
    },
  );

  it("defaults the v4 host to Wyze's app host", () => {
    expect(DEFAULT_BASE_URLS.app).toBe('https://app.wyzecam.com');
  });

  it('returns a copy: callers cannot change the defaults', () => {
    const urls = baseUrlsFromEnv({}, { allowOverrides: false });
    urls.auth = 'https://elsewhere.example';
    expect(DEFAULT_BASE_URLS.auth).toBe('https://auth-prod.api.wyze.com');
  });
});
