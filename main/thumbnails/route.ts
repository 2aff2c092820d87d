import { APP_HOST, APP_SCHEME } from '../policy';
import type { ThumbnailService } from './service';

/** The path the page asks for pictures under, on the app's own origin. */
export const THUMBNAIL_PATH_PREFIX = '/thumbnails/';

/** The longest device id the normaliser keeps (main/wyze/normalise.ts). */
const MAX_MAC_LENGTH = 64;

export interface ThumbnailRequest {
  mac: string;
  takenAt: number | null;
}

/**
 * Reads `/thumbnails/<MAC>.jpg?t=<takenAt>` (the MAC percent-encoded); null for anything else,
 * including a MAC with a path separator or control character in it.
 */
export function parseThumbnailRequest(pathname: string, search: string): ThumbnailRequest | null {
  if (!pathname.startsWith(THUMBNAIL_PATH_PREFIX) || !pathname.endsWith('.jpg')) return null;
  const encoded = pathname.slice(THUMBNAIL_PATH_PREFIX.length, -'.jpg'.length);
  let mac: string;
  try {
    mac = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (!mac || mac.length > MAX_MAC_LENGTH || /[/\\\u0000-\u001f\u007f]/.test(mac)) return null;
  const t = new URLSearchParams(search).get('t');
  if (t === null || t === '') return { mac, takenAt: null };
  if (!/^\d{1,16}$/.test(t)) return null;
  return { mac, takenAt: Number(t) };
}

/** For app://wyzecam/thumbnails/…: its path and query; null for any other URL. */
export function thumbnailRequest(url: string): { pathname: string; search: string } | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (!parsed.pathname.startsWith(THUMBNAIL_PATH_PREFIX)) return null;
  return { pathname: parsed.pathname, search: parsed.search };
}

/** What either transport sends back for a picture request. */
export interface ThumbnailReply {
  status: 200 | 404;
  headers: Record<string, string>;
  body: Buffer | string;
}

const NO_STORE = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

/**
 * Answers a picture request from the page (Electron's app:// handler and the preview host call
 * this): the picture with its real type, or 404 when there is none or it could not be fetched.
 */
export async function thumbnailReply(
  service: Pick<ThumbnailService, 'picture'>,
  pathname: string,
  search: string,
): Promise<ThumbnailReply> {
  const request = parseThumbnailRequest(pathname, search);
  const picture = request ? await service.picture(request.mac, request.takenAt) : null;
  if (!picture) {
    return {
      status: 404,
      headers: { ...NO_STORE, 'content-type': 'text/plain' },
      body: 'No picture',
    };
  }
  return {
    status: 200,
    headers: { ...NO_STORE, 'content-type': picture.type },
    body: picture.bytes,
  };
}
