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
      expected: { auth: 'http://127.0.0.1:4010', api: 'https://api.example.test' },
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

  it('returns a copy: callers cannot change the defaults', () => {
    const urls = baseUrlsFromEnv({}, { allowOverrides: false });
    urls.auth = 'https://elsewhere.example';
    expect(DEFAULT_BASE_URLS.auth).toBe('https://auth-prod.api.wyze.com');
  });
});
