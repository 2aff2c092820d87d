import { declaredPicture, sniffPicture } from './image';
import type { PictureType } from './image';
import { refuseThumbnailUrl } from './policy';
import type { ThumbnailUrlPolicy, UrlRefusal } from './policy';

/** Limits on one picture download; the defaults suit a camera snapshot (tens of kB). */
export interface FetchLimits {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Whole download, headers to last byte, in ms. */
  timeoutMs: number;
  /** Redirects followed, each to the same host only. */
  maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = {
  maxBytes: 2 * 1024 * 1024,
  timeoutMs: 15_000,
  maxRedirects: 2,
};

export type ThumbnailFailure =
  | 'URL_REFUSED'
  | 'REDIRECT_REFUSED'
  | 'HTTP_STATUS'
  | 'WRONG_TYPE'
  | 'TOO_LARGE'
  | 'NOT_A_PICTURE'
  | 'TIMEOUT'
  | 'NETWORK';

/** A picture that could not be fetched, and why (the URL itself is never in it: a credential). */
export class ThumbnailError extends Error {
  constructor(
    readonly code: ThumbnailFailure,
    detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'ThumbnailError';
  }
}

export interface Picture {
  type: PictureType;
  bytes: Buffer;
}

export interface FetchThumbnailOptions {
  fetch: typeof fetch;
  policy: ThumbnailUrlPolicy;
  limits?: Partial<FetchLimits>;
  /** Ends the download early (sign-out). */
  signal?: AbortSignal;
}

async function readCapped(res: Response, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new ThumbnailError('TOO_LARGE', `${declared} bytes declared`);
  }
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const stop = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', stop, { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw new ThumbnailError('TIMEOUT');
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        stop();
        throw new ThumbnailError('TOO_LARGE', `more than ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  } finally {
    signal.removeEventListener('abort', stop);
  }
  return Buffer.concat(chunks);
}

function failure(err: unknown, signal: AbortSignal): ThumbnailError {
  if (err instanceof ThumbnailError) return err;
  return new ThumbnailError(signal.aborted ? 'TIMEOUT' : 'NETWORK');
}

/**
 * What one kind of media must be: the types it asks for, the type its headers declare (null when
 * not one it accepts), and the type its bytes really are (null when none).
 */
export interface MediaCheck<T extends string> {
  accept: string;
  declared(contentType: string | null): T | null;
  sniff(bytes: Buffer): T | null;
}

export interface FetchMediaOptions {
  fetch: typeof fetch;
  /** Why a URL (the first, or a redirect's) may not be fetched, or null. */
  refuse: (url: string) => UrlRefusal;
  limits?: Partial<FetchLimits>;
  /** Ends the download early (sign-out). */
  signal?: AbortSignal;
}

const PICTURE_CHECK: MediaCheck<PictureType> = {
  accept: 'image/jpeg, image/png',
  declared: declaredPicture,
  sniff: sniffPicture,
};

/**
 * Downloads one picture from an allow-listed URL (docs/security.md, S8): no redirect to another
 * host, a size cap checked on the declared length and on the bytes as they arrive, a deadline
 * for the whole download, the declared type JPEG or PNG and the bytes really one of them.
 */
export function fetchThumbnail(url: string, opts: FetchThumbnailOptions): Promise<Picture> {
  return fetchMedia(url, PICTURE_CHECK, {
    ...opts,
    refuse: (target) => refuseThumbnailUrl(target, opts.policy),
  });
}

/**
 * Downloads one file of a checked kind (fetchThumbnail's rules, for any media: event pictures
 * and clips too, docs/security.md, S27): the URL and every redirect allowed by `refuse` and on
 * the same origin, the size cap, the deadline, the declared type and the bytes' real type.
 */
export async function fetchMedia<T extends string>(
  url: string,
  check: MediaCheck<T>,
  opts: FetchMediaOptions,
): Promise<{ type: T; bytes: Buffer }> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const refusal = opts.refuse(url);
  if (refusal) throw new ThumbnailError('URL_REFUSED', refusal);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const onOuterAbort = () => controller.abort();
  opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const signal = controller.signal;
  try {
    let target = url;
    for (let hop = 0; ; hop++) {
      const res = await opts.fetch(target, {
        method: 'GET',
        redirect: 'manual',
        signal,
        headers: { accept: check.accept },
      });
      if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel().catch(() => undefined);
        target = nextHop(target, res.headers.get('location'), hop, limits, opts.refuse);
        continue;
      }
      // An opaque redirect (Chromium's net.fetch with redirect: 'manual') carries no location.
      if (res.type === 'opaqueredirect') throw new ThumbnailError('REDIRECT_REFUSED');
      if (res.status !== 200) {
        await res.body?.cancel().catch(() => undefined);
        throw new ThumbnailError('HTTP_STATUS', String(res.status));
      }
      const declared = check.declared(res.headers.get('content-type'));
      if (!declared) {
        await res.body?.cancel().catch(() => undefined);
        throw new ThumbnailError('WRONG_TYPE');
      }
      const bytes = await readCapped(res, limits.maxBytes, signal);
      const sniffed = check.sniff(bytes);
      if (sniffed !== declared) throw new ThumbnailError('NOT_A_PICTURE');
      return { type: sniffed, bytes };
    }
  } catch (err) {
    throw failure(err, signal);
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onOuterAbort);
  }
}

/** Where a redirect may go: the same scheme and host, still allowed, within the hop limit. */
function nextHop(
  from: string,
  location: string | null,
  hop: number,
  limits: FetchLimits,
  refuse: (url: string) => UrlRefusal,
): string {
  if (!location || hop >= limits.maxRedirects) throw new ThumbnailError('REDIRECT_REFUSED');
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new ThumbnailError('REDIRECT_REFUSED');
  }
  const origin = new URL(from);
  if (next.origin !== origin.origin || refuse(next.href)) {
    throw new ThumbnailError('REDIRECT_REFUSED');
  }
  return next.href;
}
