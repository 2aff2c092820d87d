import { describe, expect, it, vi } from 'vitest';
import { desktopEnvironment, desktopServiceOptions } from './desktop-options';
import { createLogger } from './logging/logger';
import { DEFAULT_BASE_URLS } from './wyze/config';

const HOSTILE = {
  WYZE_AUTH_BASE_URL: 'https://attacker.example',
  WYZE_API_BASE_URL: 'https://attacker.example/api',
  WYZECAM_USER_DATA: '/tmp/elsewhere',
  WYZECAM_KEYCHAIN_SERVICE: 'Someone Else',
  VITE_DEV_SERVER_URL: 'http://127.0.0.1:5173',
  WYZECAM_DEMO: '1',
};

describe('desktopEnvironment', () => {
  it.each([
    {
      name: 'packaged: every override is ignored',
      env: HOSTILE,
      isPackaged: true,
      expected: {
        userDataDir: null,
        keychainService: null,
        devServerUrl: null,
        demo: false,
      },
    },
    {
      name: 'development: the overrides apply',
      env: HOSTILE,
      isPackaged: false,
      expected: {
        userDataDir: '/tmp/elsewhere',
        keychainService: 'Someone Else',
        devServerUrl: 'http://127.0.0.1:5173',
        demo: true,
      },
    },
    {
      name: 'development without overrides: Wyze and the defaults',
      env: {},
      isPackaged: false,
      expected: {
        userDataDir: null,
        keychainService: null,
        devServerUrl: null,
        demo: false,
      },
    },
    {
      name: 'development: empty values count as unset',
      env: { WYZECAM_USER_DATA: '', WYZECAM_DEMO: '' },
      isPackaged: false,
      expected: expect.objectContaining({ userDataDir: null, demo: false }),
    },
    {
      name: 'development: a bad cloud host is not its concern (no throw before the log exists)',
      env: { WYZE_AUTH_BASE_URL: 'http://attacker.example' },
      isPackaged: false,
      expected: expect.objectContaining({ userDataDir: null }),
    },
  ])('$name', ({ env, isPackaged, expected }) => {
    expect(desktopEnvironment(env, isPackaged)).toEqual(expected);
  });
});

describe('desktopServiceOptions', () => {
  const make = (isPackaged: boolean, env: Record<string, string> = HOSTILE) => {
    const netFetch = vi.fn(async () => new Response('{}'));
    const getPath = vi.fn((name: string) => `/profile/${name}`);
    const options = desktopServiceOptions({
      app: { isPackaged, getPath, getVersion: () => '1.2.3' },
      net: { fetch: netFetch },
      env,
      keychainService: 'Wyzecam Desktop',
      logger: createLogger({ sink: () => undefined }),
      isTrustedSender: () => true,
      openUrl: async () => undefined,
    });
    return { options, netFetch, getPath };
  };

  it("sends cloud requests through Electron's net.fetch, not Node's fetch", async () => {
    const { options, netFetch } = make(true);
    expect(options.fetch).toBeTypeOf('function');
    expect(options.fetch).not.toBe(globalThis.fetch);
    const init = { method: 'POST', body: '{}', redirect: 'error' as const };
    await options.fetch?.('https://api.wyzecam.com/app/v2/home_page/get_object_list', init);
    await options.fetch?.(new URL('https://auth-prod.api.wyze.com/api/user/login'), init);
    expect(netFetch.mock.calls).toEqual([
      ['https://api.wyzecam.com/app/v2/home_page/get_object_list', init],
      ['https://auth-prod.api.wyze.com/api/user/login', init],
    ]);
  });

  it('packaged: Wyze hosts and the real keychain service, whatever the environment says', () => {
    const { options, getPath } = make(true);
    expect(options.baseUrls).toEqual(DEFAULT_BASE_URLS);
    expect(options.keychainService).toBe('Wyzecam Desktop');
    expect(options.userDataDir).toBe('/profile/userData');
    expect(getPath).toHaveBeenCalledWith('userData');
    expect(options.appVersion).toBe('1.2.3');
  });

  it('development: the e2e overrides apply', () => {
    const { options } = make(false);
    expect(options.baseUrls).toEqual({
      auth: 'https://attacker.example',
      api: 'https://attacker.example/api',
      // v4 calls (live view) follow the app-host override.
      app: 'https://attacker.example/api',
    });
    expect(options.keychainService).toBe('Someone Else');
  });

  it('packaged: a plain-http override is not even parsed', () => {
    expect(() => make(true, { WYZE_AUTH_BASE_URL: 'http://attacker.example' })).not.toThrow();
  });

  it('development still refuses credentials in the clear (security S22)', () => {
    expect(() => make(false, { WYZE_AUTH_BASE_URL: 'http://attacker.example' })).toThrow(
      expect.objectContaining({ code: 'INVALID_BASE_URL' }),
    );
  });
});
