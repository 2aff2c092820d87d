import type { Logger } from '../logging/logger';
import { openThumbnailCache } from './cache';
import type { DiskBounds } from './prune';
import { ThumbnailError, fetchThumbnail } from './fetch';
import type { FetchLimits, Picture } from './fetch';

/** A camera's latest picture as the cloud last listed it (kept in main only: a credential). */
export interface ThumbnailSource {
  url: string;
  takenAt: number | null;
}

export interface ThumbnailServiceOptions {
  userDataDir: string;
  fetch: typeof fetch;
  logger: Logger;
  /** The current picture URL of a camera, from the latest list; null when it has none. */
  source: (mac: string) => ThumbnailSource | null;
  /** Whether loopback URLs may be fetched now (the emulator: the demo, or a loopback cloud). */
  allowLoopback: () => boolean;
  limits?: Partial<FetchLimits>;
  bounds?: DiskBounds;
}

/**
 * Cameras' latest pictures for the page (docs/security.md, S8): fetched by main from an
 * allow-listed host, checked, kept in a small on-disk cache, handed to the page through the
 * app's own protocol. The page names a camera and the time its picture was taken, never a URL.
 */
export function createThumbnailService(opts: ThumbnailServiceOptions) {
  const cache = openThumbnailCache(opts.userDataDir, opts.bounds);
  /** Downloads in flight, one per camera and time, shared by every request for them. */
  const inFlight = new Map<string, Promise<Picture | null>>();
  let generation = 0;
  let aborter = new AbortController();

  async function download(
    mac: string,
    source: ThumbnailSource,
    at: number,
  ): Promise<Picture | null> {
    try {
      const picture = await fetchThumbnail(source.url, {
        fetch: opts.fetch,
        policy: { allowLoopback: opts.allowLoopback() },
        limits: opts.limits,
        signal: aborter.signal,
      });
      if (at !== generation) return null; // signed out meanwhile: keep nothing
      await cache.put(mac, source.takenAt, picture).catch((err: unknown) => {
        opts.logger.warn('could not keep a camera picture', { err });
      });
      return picture;
    } catch (err) {
      const code = err instanceof ThumbnailError ? err.code : 'INTERNAL';
      opts.logger.warn('camera picture not fetched', { code });
      return null;
    }
  }

  return {
    /**
     * The picture of `mac` taken at `takenAt` (from the cache), or its latest one (fetched);
     * null when there is none or it could not be fetched.
     */
    async picture(mac: string, takenAt: number | null): Promise<Picture | null> {
      const at = generation;
      const cached = await cache.get(mac, takenAt);
      if (cached) return cached;
      const source = opts.source(mac);
      if (!source || at !== generation) return null;
      if (source.takenAt !== takenAt) {
        const latest = await cache.get(mac, source.takenAt);
        if (latest) return latest;
      }
      const key = `${mac}\n${source.takenAt ?? ''}`;
      const running = inFlight.get(key);
      if (running) return running;
      const job: Promise<Picture | null> = download(mac, source, at).finally(() => {
        if (inFlight.get(key) === job) inFlight.delete(key);
      });
      inFlight.set(key, job);
      return job;
    },
    /** Stops every download and deletes the cache (sign-out). */
    async clear(): Promise<void> {
      generation++;
      aborter.abort();
      aborter = new AbortController();
      inFlight.clear();
      await cache.clear();
    },
    dir: cache.dir,
  };
}

export type ThumbnailService = ReturnType<typeof createThumbnailService>;
