import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { createSerialQueue } from '../session/serial-queue';
import { pruneOldest } from '../thumbnails/prune';
import type { DiskBounds } from '../thumbnails/prune';
import { sniffMedia } from './media-types';
import type { Media, MediaPart } from './media-types';

/** How much the event media cache may hold; the oldest files go first past either bound. */
export const DEFAULT_MEDIA_BOUNDS: DiskBounds = {
  maxFiles: 2_000,
  maxBytes: 200 * 1024 * 1024,
};

/** The folder under the user-data folder that holds event pictures and clips. */
export const EVENT_MEDIA_DIR = 'event-media';

/**
 * A file name for one event's picture or clip: a hash, so an event id (text the cloud sent)
 * never becomes part of a path.
 */
export function mediaFileName(id: string, part: MediaPart): string {
  const digest = createHash('sha256').update(`${id}\n${part}`).digest('hex');
  return `${digest.slice(0, 40)}.media`;
}

/**
 * Event pictures and clips on disk, bounded in count and bytes, oldest evicted first. Private to
 * the account: sign-out deletes the folder (docs/security.md, S27).
 */
export function openMediaCache(userDataDir: string, bounds: DiskBounds = DEFAULT_MEDIA_BOUNDS) {
  const dir = join(userDataDir, EVENT_MEDIA_DIR);
  /** Writes and clears in order, so a clear is never undone by a write that started before it. */
  const queue = createSerialQueue();
  const prune = () => pruneOldest(dir, '.media', bounds);

  return {
    dir,
    /** The cached file, or null (absent, or no longer the kind of file it should be). */
    async get(id: string, part: MediaPart): Promise<Media | null> {
      const bytes = await readFile(join(dir, mediaFileName(id, part))).catch(() => null);
      if (!bytes || bytes.length > bounds.maxBytes) return null;
      const type = sniffMedia(part, bytes);
      return type ? { type, bytes } : null;
    },
    /** Keeps a file, then drops the oldest ones past the bounds. */
    put(id: string, part: MediaPart, media: Media): Promise<void> {
      return queue.run(async () => {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        await writeFileAtomic(join(dir, mediaFileName(id, part)), media.bytes, { mode: 0o600 });
        await prune();
      });
    },
    /** Deletes every cached file and the folder (sign-out). */
    clear(): Promise<void> {
      return queue.run(() => rm(dir, { recursive: true, force: true }));
    },
  };
}

export type MediaCache = ReturnType<typeof openMediaCache>;
