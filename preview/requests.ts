import { timingSafeEqual } from 'node:crypto';
import { CHANNELS } from '../common/channels';
import { MAX_SNAPSHOT_BYTES } from '../common/live';
import { CSP } from '../main/protocol';

/**
 * The preview host's request handling that needs none of its state (host.ts): the headers every
 * answer carries, the launch secret's comparison, a request's target, channel and body cap (the
 * body is read by common/capped-text.ts), and the bridge written into index.html.
 */

/** Room for the largest request: an export naming MAX_EXPORT_MACS cameras (common/export.ts). */
const MAX_BODY = 1024 * 1024;
/**
 * The one channel allowed more: a live view snapshot, a PNG of up to MAX_SNAPSHOT_BYTES as base64
 * (common/live.ts), with room for its JSON wrapping.
 */
const MAX_SNAPSHOT_BODY = Math.ceil(MAX_SNAPSHOT_BYTES / 3) * 4 + 64 * 1024;
/** The largest request body `channel` accepts, in bytes (more is refused with a 403). */
export const bodyCapOf = (channel: string | null): number =>
  channel === CHANNELS.saveSnapshot ? MAX_SNAPSHOT_BODY : MAX_BODY;

/** What every answer carries: the app's CSP (main/protocol.ts); no sniffing, referrer or cache. */
export const SECURITY_HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** Whether `a` is the launch secret `b`, compared in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The request target as a URL (origin-form or absolute-form), or null when it is not one. */
export function parseTarget(target: string | undefined, origin: string): URL | null {
  try {
    return new URL(target ?? '/', origin);
  } catch {
    return null;
  }
}

/** A channel name from its percent-encoded path segment; null when the encoding is malformed. */
export function decodeChannel(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The preview's bridge, as index.html loads it (withBridge). */
export const BRIDGE_TAG = '<script defer src="./__preview/bridge.js"></script>';

/**
 * index.html with the preview's bridge (the stand-in for the preload, `window.wyze`), deferred and
 * before the app's module script: deferred and module scripts run in the order of the page once it
 * is parsed, so the bridge has run before the app's entry. A plain script, the parser waited for it
 * to arrive and run before it went on to the first screen's rows (and, put before the stylesheet,
 * the page asked for that only once it had: scripts/README.md, "The tenth pass"); deferred, the
 * relaunch's first row painted ~15–25 ms sooner ("The thirteenth pass"). A page with no script in
 * <head> gets it last in <head>.
 */
export function withBridge(page: string): string {
  // A page without one would load without `window.wyze`: better a clear error (a 500) than an
  // app that cannot reach main.
  const headEnd = page.indexOf('</head>');
  if (headEnd === -1) throw new Error('index.html has no </head> for the bridge');
  const firstScript = page.indexOf('<script');
  const at = firstScript !== -1 && firstScript < headEnd ? firstScript : headEnd;
  return `${page.slice(0, at)}${BRIDGE_TAG}\n    ${page.slice(at)}`;
}
