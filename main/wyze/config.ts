import { wyzeError } from './errors';

export interface BaseUrls {
  /** The account host: login, MFA. */
  auth: string;
  /** The app host: tokens, account, devices. */
  api: string;
  /**
   * The host of signed v4 calls (live view's get_streams; docs/protocol.md, "Live view"). When
   * absent, v4 calls go to the app host: an emulator serves both.
   */
  app?: string;
}

export const DEFAULT_BASE_URLS: Required<BaseUrls> = {
  auth: 'https://auth-prod.api.wyze.com',
  api: 'https://api.wyzecam.com',
  app: 'https://app.wyzecam.com',
};

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|localhost|\[::1\])$/i;

/**
 * Accepts https everywhere and plain http only on loopback (the emulator), so a mistyped or
 * hostile override can never send credentials in the clear (security S22).
 */
export function checkBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw wyzeError('INVALID_BASE_URL', { detail: 'not a URL' });
  }
  const loopbackHttp = url.protocol === 'http:' && LOOPBACK.test(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) {
    throw wyzeError('INVALID_BASE_URL', { detail: `${url.protocol} ${url.hostname}` });
  }
  if (url.username || url.password || url.search || url.hash) {
    throw wyzeError('INVALID_BASE_URL', { detail: 'credentials, query or fragment in URL' });
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

export interface BaseUrlOptions {
  /**
   * Whether WYZE_AUTH_BASE_URL / WYZE_API_BASE_URL / WYZE_APP_BASE_URL are honoured. Development and tests only: in a
   * packaged build anything that can set the environment could send credentials elsewhere
   * (docs/security.md, S22), so the desktop app passes `!app.isPackaged`. Off unless asked for.
   */
  allowOverrides?: boolean;
}

/**
 * Base URLs from WYZE_AUTH_BASE_URL / WYZE_API_BASE_URL / WYZE_APP_BASE_URL (when allowed), or
 * Wyze's own hosts. When only WYZE_API_BASE_URL is set, v4 calls go there too: an emulator on
 * one port must not send live view's bootstrap (and the token) to Wyze.
 */
export function baseUrlsFromEnv(
  env: Record<string, string | undefined>,
  { allowOverrides = false }: BaseUrlOptions = {},
): Required<BaseUrls> {
  if (!allowOverrides) return { ...DEFAULT_BASE_URLS };
  const api = checkBaseUrl(env.WYZE_API_BASE_URL || DEFAULT_BASE_URLS.api);
  const app = env.WYZE_APP_BASE_URL || (env.WYZE_API_BASE_URL ? api : DEFAULT_BASE_URLS.app);
  return {
    auth: checkBaseUrl(env.WYZE_AUTH_BASE_URL || DEFAULT_BASE_URLS.auth),
    api,
    app: checkBaseUrl(app),
  };
}
