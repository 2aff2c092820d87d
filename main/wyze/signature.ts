import { createHash, createHmac } from 'node:crypto';

/**
 * The app id and secret of Wyze's Android app for v4 request signing (docs/protocol.md, "Live
 * view"): public constants every client that calls v4 endpoints sends.
 */
export const V4_APP_ID = '9319141212m2ik';
const V4_APP_SECRET = 'wyze_app_secret_key_132';

/**
 * JSON with every object's keys sorted and no whitespace: the exact bytes `signature2` covers and
 * that are sent. Written out by hand, because JSON.stringify puts integer-like keys first
 * whatever order they were inserted in.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * `signature2` of a v4 request: lowercase hex HMAC-MD5 of the exact body, keyed by the lowercase
 * hex MD5 of the access token followed by the app secret (docs/protocol.md, "Live view").
 */
export function signature2(accessToken: string, bodyText: string): string {
  const key = createHash('md5')
    .update(accessToken + V4_APP_SECRET, 'utf8')
    .digest('hex');
  return createHmac('md5', key).update(bodyText, 'utf8').digest('hex');
}
