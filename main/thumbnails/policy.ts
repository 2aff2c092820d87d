/**
 * Where the app may fetch a camera's latest picture from (docs/protocol.md, "Thumbnails";
 * docs/security.md, S8): Wyze's snapshot buckets on Amazon S3 and the Momento cache, over https;
 * and loopback over http only when the caller allows it (the emulator, in the demo and in tests).
 */

/**
 * Virtual-hosted S3 buckets Wyze's thumbnails are served from, seen in captures:
 * `camplus-usw2.s3.us-west-2.amazonaws.com` and `camera-usw2.s3.us-west-2.amazonaws.com`. The
 * region parts are allowed to vary; the bucket family is not.
 */
const WYZE_S3_HOST = /^(?:camplus|camera)-[a-z0-9]{2,12}\.s3\.[a-z]{2}-[a-z]+-\d\.amazonaws\.com$/;

/** Momento's cache service, which Wyze also hands out thumbnail URLs for. */
const MOMENTO_SUFFIX = '.momentohq.com';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A URL's host is loopback (by address or by the name that always means it). */
export const isLoopbackHost = (hostname: string): boolean =>
  LOOPBACK_HOSTS.has(hostname.toLowerCase());

/** The longest thumbnail URL accepted (pre-signed S3 URLs run to about 1,500 characters). */
export const MAX_THUMBNAIL_URL_LENGTH = 4096;

export interface ThumbnailUrlPolicy {
  /** Accept http://127.0.0.1 (or localhost, [::1]): the emulator. */
  allowLoopback: boolean;
}

/** Why a URL was refused, or null when it may be fetched. */
export type UrlRefusal = 'unparseable' | 'scheme' | 'credentials' | 'host' | 'port' | null;

/**
 * Checks a thumbnail URL against the allow-list: https to Wyze's hosts on the default port, no
 * user name or password in it; or plain http to loopback when the policy allows it.
 */
export function refuseThumbnailUrl(raw: string, policy: ThumbnailUrlPolicy): UrlRefusal {
  if (raw.length > MAX_THUMBNAIL_URL_LENGTH) return 'unparseable';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'unparseable';
  }
  if (url.username !== '' || url.password !== '') return 'credentials';
  const host = url.hostname.toLowerCase();
  if (isLoopbackHost(host)) {
    if (!policy.allowLoopback) return 'host';
    return url.protocol === 'http:' || url.protocol === 'https:' ? null : 'scheme';
  }
  if (url.protocol !== 'https:') return 'scheme';
  if (url.port !== '') return 'port';
  const allowed =
    WYZE_S3_HOST.test(host) ||
    (host.endsWith(MOMENTO_SUFFIX) && /^[a-z0-9.-]+$/.test(host) && !host.includes('..'));
  return allowed ? null : 'host';
}

/** True when the URL may be fetched under the policy. */
export const isAllowedThumbnailUrl = (raw: string, policy: ThumbnailUrlPolicy): boolean =>
  refuseThumbnailUrl(raw, policy) === null;
