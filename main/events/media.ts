import type { Logger } from '../logging/logger';
import { ThumbnailError, fetchMedia } from '../thumbnails/fetch';
import type { FetchLimits } from '../thumbnails/fetch';
import { refuseEventMediaUrl } from '../thumbnails/policy';
import { openMediaCache } from './media-cache';
import type { DiskBounds } from '../thumbnails/prune';
import { checkFor } from './media-types';
import type { Media, MediaPart } from './media-types';

/** Per-part download limits (docs/security.md, S27): a picture ≤ 2 MB, a clip ≤ 30 MB. */
export const MEDIA_LIMITS: Record<MediaPart, FetchLimits> = {
  picture: { maxBytes: 2 * 1024 * 1024, timeoutMs: 15_000, maxRedirects: 2 },
  clip: { maxBytes: 30 * 1024 * 1024, timeoutMs: 60_000, maxRedirects: 2 },
};

/** How many events' file URLs main remembers, least recently listed forgotten first. */
export const MAX_REMEMBERED_EVENTS = 2_000;

/** An event's file URLs, as the cloud listed them (credentials: they never leave main). */
export interface EventFiles {
  picture: string | null;
  clip: string | null;
}

export interface EventMediaOptions {
  userDataDir: string;
  fetch: typeof fetch;
  logger: Logger;
  /** Whether loopback URLs may be fetched now (the emulator: the demo, or a loopback cloud). */
  allowLoopback: () => boolean;
  limits?: Partial<Record<MediaPart, Partial<FetchLimits>>>;
  bounds?: DiskBounds;
  maxRemembered?: number;
}

/**
 * Event pictures and clips for the page (docs/security.md, S27): the URLs of listed events kept
 * in a bounded map, each file fetched by main from an allow-listed host with a size cap and a
 * type check, kept in a bounded on-disk cache, and served by event id on the app's own origin.
 */
export function createEventMedia(opts: EventMediaOptions) {
  const cache = openMediaCache(opts.userDataDir, opts.bounds);
  const maxRemembered = opts.maxRemembered ?? MAX_REMEMBERED_EVENTS;
  /** Insertion order is recency: remembering an event again moves it to the end. */
  const files = new Map<string, EventFiles>();
  const inFlight = new Map<string, Promise<Media | null>>();
  let generation = 0;
  let aborter = new AbortController();

  function remember(id: string, event: EventFiles): void {
    files.delete(id);
    files.set(id, event);
    while (files.size > maxRemembered) {
      const oldest = files.keys().next();
      if (oldest.done) break;
      files.delete(oldest.value);
    }
  }

  async function download(id: string, part: MediaPart, url: string, at: number) {
    try {
      const media = await fetchMedia(url, checkFor(part), {
        fetch: opts.fetch,
        refuse: (target) => refuseEventMediaUrl(target, { allowLoopback: opts.allowLoopback() }),
        limits: { ...MEDIA_LIMITS[part], ...opts.limits?.[part] },
        signal: aborter.signal,
      });
      if (at !== generation) return null; // signed out meanwhile: keep nothing
      await cache.put(id, part, media).catch((err: unknown) => {
        opts.logger.warn('could not keep an event file', { err });
      });
      return media;
    } catch (err) {
      const code = err instanceof ThumbnailError ? err.code : 'INTERNAL';
      opts.logger.warn('event file not fetched', { code, part });
      return null;
    }
  }

  return {
    remember,
    /** Whether the event is remembered and has this part (for the page's paths). */
    has: (id: string, part: MediaPart): boolean => (files.get(id)?.[part] ?? null) !== null,
    /**
     * The event's picture or clip (cached, or fetched now); null when there is none. Only for an
     * event listed in this session: a file on disk from before (another account's, a run before
     * this one) is never served by its id alone.
     */
    async get(id: string, part: MediaPart): Promise<Media | null> {
      const at = generation;
      const url = files.get(id)?.[part] ?? null;
      if (!url) return null;
      const cached = await cache.get(id, part);
      if (at !== generation) return null; // signed out while reading
      if (cached) return cached;
      const key = `${id}\n${part}`;
      const running = inFlight.get(key);
      if (running) return running;
      const job = download(id, part, url, at).finally(() => {
        if (inFlight.get(key) === job) inFlight.delete(key);
      });
      inFlight.set(key, job);
      return job;
    },
    /** Stops every download, forgets every URL and deletes the cache (sign-out). */
    async clear(): Promise<void> {
      generation++;
      aborter.abort();
      aborter = new AbortController();
      inFlight.clear();
      files.clear();
      await cache.clear();
    },
    dir: cache.dir,
  };
}

export type EventMedia = ReturnType<typeof createEventMedia>;
