import { EVENT_MEDIA_PATH_PREFIX, MAX_EVENT_ID_LENGTH } from '../../common/camera-events';
import { APP_HOST, APP_SCHEME } from '../policy';
import type { EventMedia } from './media';
import type { MediaPart } from './media-types';

/** What either transport sends back for an event media request. */
export interface MediaReply {
  status: 200 | 206 | 404 | 416;
  headers: Record<string, string>;
  body: Buffer | string;
}

const FILES: Record<string, MediaPart> = { 'picture.jpg': 'picture', 'clip.mp4': 'clip' };

/**
 * Reads `/event-media/<id>/picture.jpg` or `/event-media/<id>/clip.mp4` (the id
 * percent-encoded); null for anything else, including an id with a separator or control character.
 */
export function parseEventMediaPath(pathname: string): { id: string; part: MediaPart } | null {
  if (!pathname.startsWith(EVENT_MEDIA_PATH_PREFIX)) return null;
  const rest = pathname.slice(EVENT_MEDIA_PATH_PREFIX.length);
  const slash = rest.indexOf('/');
  if (slash < 0) return null;
  const part = FILES[rest.slice(slash + 1)];
  if (!part) return null;
  let id: string;
  try {
    id = decodeURIComponent(rest.slice(0, slash));
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (!id || id.length > MAX_EVENT_ID_LENGTH || /[/\\\u0000-\u001f\u007f]/.test(id)) return null;
  return { id, part };
}

/** For app://wyzecam/event-media/…: its path; null for any other URL. */
export function eventMediaRequest(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  return parsed.pathname.startsWith(EVENT_MEDIA_PATH_PREFIX) ? parsed.pathname : null;
}

/**
 * The one byte range a `Range` header asks for within `size` bytes: `{start, end}` inclusive,
 * 'unsatisfiable', or null when there is none or it is not one this app answers (several
 * ranges, another unit, garbage): then the whole file is sent, as HTTP allows.
 */
export function byteRange(
  header: string | null | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  const m = /^bytes=(\d{0,15})-(\d{0,15})$/.exec((header ?? '').trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  // A last byte before the first is not a valid range at all: ignored, as HTTP asks (RFC 9110, 14.2).
  if (m[2] !== '' && Number(m[2]) < start) return null;
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

const NO_STORE = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

/**
 * Answers an event picture or clip request from the page (Electron's app:// handler and the
 * preview host call this, docs/security.md, S27): the file with its real type, one byte range
 * of it when asked (a `<video>` seeks with them), or 404 when there is none.
 */
export async function eventMediaReply(
  media: Pick<EventMedia, 'get'>,
  pathname: string,
  range?: string | null,
): Promise<MediaReply> {
  const request = parseEventMediaPath(pathname);
  const file = request ? await media.get(request.id, request.part) : null;
  if (!file) {
    return {
      status: 404,
      headers: { ...NO_STORE, 'content-type': 'text/plain' },
      body: 'No such event file',
    };
  }
  const size = file.bytes.length;
  const headers = { ...NO_STORE, 'content-type': file.type, 'accept-ranges': 'bytes' };
  const wanted = byteRange(range, size);
  if (wanted === 'unsatisfiable') {
    return { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` }, body: '' };
  }
  if (wanted === null) {
    return {
      status: 200,
      headers: { ...headers, 'content-length': String(size) },
      body: file.bytes,
    };
  }
  const { start, end } = wanted;
  return {
    status: 206,
    headers: {
      ...headers,
      'content-range': `bytes ${start}-${end}/${size}`,
      'content-length': String(end - start + 1),
    },
    body: file.bytes.subarray(start, end + 1),
  };
}
