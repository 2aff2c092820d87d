import type { ExternalTarget } from '../common/ipc';
import type { SenderInfo } from './ipc/router';

/**
 * The security policies of the Electron layer as pure functions, so each is table-tested in
 * Node (security S4, S5, S6, S9). main/index.ts only wires them to Electron's events.
 */

/** The app's own origin: the UI is served from app://wyzecam/ (security S7). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'wyzecam';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export interface Origin {
  protocol: string;
  host: string;
}

const parse = (url: string | null | undefined): URL | null => {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

/** True when a URL is on one of the given origins, compared by protocol and host (not .origin). */
export function isOnOrigin(url: string | null | undefined, origins: readonly Origin[]): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  return origins.some((o) => parsed.protocol === o.protocol && parsed.host === o.host);
}

export const appOrigins = (devServerUrl?: string): Origin[] => {
  const origins: Origin[] = [{ protocol: `${APP_SCHEME}:`, host: APP_HOST }];
  const dev = parse(devServerUrl);
  if (dev && dev.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(dev.hostname)) {
    origins.push({ protocol: dev.protocol, host: dev.host });
  }
  return origins;
};

/** IPC is answered only for the app's main frame (security S9). */
export const isTrustedSender =
  (origins: readonly Origin[]) =>
  (sender: SenderInfo): boolean =>
    sender.isMainFrame && isOnOrigin(sender.url, origins);

/** will-navigate / will-redirect: only within the app itself (security S4). */
export const allowNavigation = (url: string, origins: readonly Origin[]): boolean =>
  isOnOrigin(url, origins);

/** The only places the app opens in the user's browser (security S5). */
export const EXTERNAL_URLS: Record<ExternalTarget, string> = {
  apiKeyConsole: 'https://developer-api-console.wyze.com/',
  apiKeyHelp: 'https://support.wyze.com/hc/en-us/articles/16129834216731',
};

const EXTERNAL_HOSTS = new Set(['developer-api-console.wyze.com', 'support.wyze.com']);

/** https only, and only to an allow-listed host, with no credentials in the URL. */
export function isAllowedExternal(url: string): boolean {
  const parsed = parse(url);
  return (
    !!parsed &&
    parsed.protocol === 'https:' &&
    !parsed.username &&
    !parsed.password &&
    parsed.port === '' &&
    EXTERNAL_HOSTS.has(parsed.hostname)
  );
}

/**
 * Permissions the app needs: writing to the clipboard (the copy buttons for IP and MAC). No
 * reading it, no camera, microphone, location or notifications from the page.
 */
const NEEDED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Permission requests and checks are denied unless the app needs them (security S6). */
export const allowPermission = (permission: string): boolean => NEEDED_PERMISSIONS.has(permission);
