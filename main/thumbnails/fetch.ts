import { declaredPicture, sniffPicture } from './image';
import type { PictureType } from './image';
import { refuseThumbnailUrl } from './policy';
import type { ThumbnailUrlPolicy } from './policy';

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
 * Downloads one picture from an allow-listed URL (docs/security.md, S8): no redirect to another
 * host, a size cap checked on the declared length and on the bytes as they arrive, a deadline
 * for the whole download, the declared type JPEG or PNG and the bytes really one of them.
 */
export async function fetchThumbnail(url: string, opts: FetchThumbnailOptions): Promise<Picture> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const refusal = refuseThumbnailUrl(url, opts.policy);
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
        headers: { accept: 'image/jpeg, image/png' },
      });
      if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel().catch(() => undefined);
        target = nextHop(target, res.headers.get('location'), hop, limits, opts.policy);
        continue;
      }
      // An opaque redirect (Chromium's net.fetch with redirect: 'manual') carries no location.
      if (res.type === 'opaqueredirect') throw new ThumbnailError('REDIRECT_REFUSED');
      if (res.status !== 200) {
        await res.body?.cancel().catch(() => undefined);
        throw new ThumbnailError('HTTP_STATUS', String(res.status));
      }
      const declared = declaredPicture(res.headers.get('content-type'));
      if (!declared) {
        await res.body?.cancel().catch(() => undefined);
        throw new ThumbnailError('WRONG_TYPE');
      }
      const bytes = await readCapped(res, limits.maxBytes, signal);
      const sniffed = sniffPicture(bytes);
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
  policy: ThumbnailUrlPolicy,
): string {
  if (!location || hop >= limits.maxRedirects) throw new ThumbnailError('REDIRECT_REFUSED');
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new ThumbnailError('REDIRECT_REFUSED');
  }
  const origin = new URL(from);
  if (next.origin !== origin.origin || refuseThumbnailUrl(next.href, policy)) {
    throw new ThumbnailError('REDIRECT_REFUSED');
  }
  return next.href;
}
