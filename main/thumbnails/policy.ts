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

/** Wyze's thumbnail hosts: the snapshot buckets and Momento's cache. */
const isThumbnailHost = (host: string): boolean =>
  WYZE_S3_HOST.test(host) ||
  (host.endsWith(MOMENTO_SUFFIX) && /^[a-z0-9.-]+$/.test(host) && !host.includes('..'));

/**
 * Buckets Wyze's event pictures and clips are served from, seen in captures:
 * `wyze-device-alarm-file.s3…` and `wyze-device-alarm-file-face.s3.us-west-2.amazonaws.com`
 * (doorbells), `cp-t-usw2.s3…`; the clips' Momento cache (`wyze-event-streaming-prod.a.momentohq.com`)
 * is in the thumbnail family already (docs/protocol.md, "Events").
 */
const WYZE_EVENT_S3_HOST =
  /^(?:wyze-device-alarm-file(?:-[a-z]{1,12})?|cp-t-[a-z0-9]{2,12})\.s3(?:\.[a-z]{2}-[a-z]+-\d)?\.amazonaws\.com$/;

/** Event media may come from the thumbnail hosts or the event buckets. */
const isEventMediaHost = (host: string): boolean =>
  isThumbnailHost(host) || WYZE_EVENT_S3_HOST.test(host);

/**
 * Checks a URL against an allow-list of hosts: https on the default port, no user name or
 * password in it; or plain http to loopback when the policy allows it.
 */
function refuseUrl(
  raw: string,
  policy: ThumbnailUrlPolicy,
  hostAllowed: (host: string) => boolean,
): UrlRefusal {
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
  return hostAllowed(host) ? null : 'host';
}

/** Checks a thumbnail URL against the thumbnail hosts (docs/security.md, S8). */
export const refuseThumbnailUrl = (raw: string, policy: ThumbnailUrlPolicy): UrlRefusal =>
  refuseUrl(raw, policy, isThumbnailHost);

/** Checks an event picture's or clip's URL against the event media hosts (docs/security.md, S27). */
export const refuseEventMediaUrl = (raw: string, policy: ThumbnailUrlPolicy): UrlRefusal =>
  refuseUrl(raw, policy, isEventMediaHost);

/** True when the URL may be fetched under the policy. */
export const isAllowedThumbnailUrl = (raw: string, policy: ThumbnailUrlPolicy): boolean =>
  refuseThumbnailUrl(raw, policy) === null;
