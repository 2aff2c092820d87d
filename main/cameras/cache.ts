import { join } from 'node:path';
import { z } from 'zod';
import { jsonFile } from '../session/json-file';
import { checkCachedList } from './cache-check';
import type { CachedList } from './cache-check';

export { MAX_CACHED_DEVICES } from './cache-check';
export type { CachedList } from './cache-check';

/**
 * The file as jsonFile reads it: any JSON value, checked by hand (cache-check.ts says why not with
 * a zod object schema); a file that is not a list reads as none.
 */
const cacheSchema = z.unknown().transform((value, ctx): CachedList => {
  const list = checkCachedList(value);
  if (list) return list;
  ctx.issues.push({ code: 'custom', message: 'not a cached camera list', input: value });
  return z.NEVER;
});

/**
 * The last camera list, so a relaunch shows it at once. It holds what the table shows (names,
 * IPs, firmware) and nothing secret: no tokens, keys or thumbnail URLs. What it loads is clean:
 * a file that is not a list is ignored, a device that is not one is left out, and an
 * out-of-range value reads as null (or, for text, is cut), exactly as from the cloud.
 */
export function openCameraCache(userDataDir: string) {
  const file = jsonFile(join(userDataDir, 'cameras.json'), cacheSchema);
  /** A read started early (`prefetch`), for the next `load`; dropped by any write. */
  let early: Promise<CachedList | null> | null = null;
  return {
    /**
     * Starts reading (and checking) the file now, e.g. while the keychain answers at start-up;
     * the next `load` uses this read unless the list was saved or cleared in between.
     */
    prefetch(): void {
      early ??= file.read();
    },
    async load(email: string): Promise<CachedList | null> {
      const pending = early;
      early = null;
      const cached = await (pending ?? file.read());
      return cached && cached.email.toLowerCase() === email.toLowerCase() ? cached : null;
    },
    save: (list: CachedList) => {
      early = null;
      return file.write(list);
    },
    clear: () => {
      early = null;
      return file.remove();
    },
  };
}

/** What the inventory uses of the cache (prefetching is the start-up's business). */
export type CameraCache = Omit<ReturnType<typeof openCameraCache>, 'prefetch'>;
