/**
 * The inventory's writes to the camera cache, tracked so that clearing the cache (a sign-out
 * mid-save) waits for every write still in flight and no late write brings the list back.
 * Composed by inventory.ts.
 */
import type { Logger } from '../logging/logger';
import type { CachedList, CameraCache } from './cache';

/** Saves and clears the cached list in order; a failed save is logged, never thrown. */
export function createCacheWrites(cache: CameraCache, logger: Logger) {
  /** Every cache write not yet finished; clearing the cache waits for them (a sign-out mid-save). */
  let saving: Promise<void> = Promise.resolve();

  function trackSave(save: Promise<void>): Promise<void> {
    const logged = save.catch((err: unknown) => {
      logger.warn('could not save the camera list', { err });
    });
    saving = Promise.all([saving, logged]).then(() => undefined);
    return logged;
  }

  return {
    /** Saves the list; resolves when the write is over, whether or not it succeeded. */
    save: (list: CachedList): Promise<void> => trackSave(cache.save(list)),
    /** Resolves once every write so far is over (quitting waits, so the last list is kept). */
    idle: (): Promise<void> => saving,
    /** Removes the cached list after any write still in flight, so no write brings it back. */
    async clear(): Promise<void> {
      await saving;
      await cache.clear();
    },
  };
}
