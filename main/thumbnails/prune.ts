import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** How much a disk cache may hold. */
export interface DiskBounds {
  maxFiles: number;
  maxBytes: number;
}

/**
 * Keeps a cache folder within its bounds: the files ending in `extension`, newest first, are kept
 * while they fit in `maxFiles` and `maxBytes`; the older ones are deleted. Shared by the picture
 * cache (cache.ts) and the event media cache (main/events/media-cache.ts).
 */
export async function pruneOldest(
  dir: string,
  extension: string,
  bounds: DiskBounds,
): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const files = await Promise.all(
    names
      .filter((name) => name.endsWith(extension))
      .map(async (name) => {
        const info = await stat(join(dir, name)).catch(() => null);
        return info ? { name, size: info.size, at: info.mtimeMs } : null;
      }),
  );
  const newestFirst = files.filter((f) => f !== null).sort((a, b) => b.at - a.at);
  let bytes = 0;
  for (const [i, file] of newestFirst.entries()) {
    bytes += file.size;
    if (i >= bounds.maxFiles || bytes > bounds.maxBytes) {
      await unlink(join(dir, file.name)).catch(() => undefined);
    }
  }
}
