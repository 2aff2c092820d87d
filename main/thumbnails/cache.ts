import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { createSerialQueue } from '../session/serial-queue';
import { pruneOldest } from './prune';
import type { DiskBounds } from './prune';
import { sniffPicture } from './image';
import type { Picture } from './fetch';

/** How much the picture cache may hold; the oldest files go first past either bound. */
export const DEFAULT_BOUNDS: DiskBounds = { maxFiles: 300, maxBytes: 30 * 1024 * 1024 };

/** The folder under the user-data folder that holds the cached pictures. */
export const THUMBNAIL_DIR = 'thumbnails';

/**
 * A file name for one camera's picture taken at one time: a hash, so a MAC (any text the cloud
 * sent) never becomes part of a path.
 */
export function cacheFileName(mac: string, takenAt: number | null): string {
  const digest = createHash('sha256')
    .update(`${mac}\n${takenAt ?? 'none'}`)
    .digest('hex');
  return `${digest.slice(0, 40)}.img`;
}

/**
 * The latest pictures on disk, keyed by MAC and time taken, bounded in count and bytes. Not a
 * secret (the URL it came from is never written), but private to the account: sign-out deletes
 * the whole folder.
 */
export function openThumbnailCache(userDataDir: string, bounds: DiskBounds = DEFAULT_BOUNDS) {
  const dir = join(userDataDir, THUMBNAIL_DIR);
  /** Writes and clears in order, so a clear is never undone by a write that started before it. */
  const queue = createSerialQueue();
  const prune = () => pruneOldest(dir, '.img', bounds);

  return {
    dir,
    /** The cached picture, or null (absent, or not a picture any more). */
    async get(mac: string, takenAt: number | null): Promise<Picture | null> {
      const bytes = await readFile(join(dir, cacheFileName(mac, takenAt))).catch(() => null);
      if (!bytes || bytes.length > bounds.maxBytes) return null;
      const type = sniffPicture(bytes);
      return type ? { type, bytes } : null;
    },
    /** Keeps a picture, then drops the oldest ones past the bounds. */
    put(mac: string, takenAt: number | null, picture: Picture): Promise<void> {
      return queue.run(async () => {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        await writeFileAtomic(join(dir, cacheFileName(mac, takenAt)), picture.bytes, {
          mode: 0o600,
        });
        await prune();
      });
    },
    /** Deletes every cached picture and the folder (sign-out). */
    clear(): Promise<void> {
      return queue.run(() => rm(dir, { recursive: true, force: true }));
    },
  };
}

export type ThumbnailCache = ReturnType<typeof openThumbnailCache>;
