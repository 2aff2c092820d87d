import type { Logger } from '../logging/logger';
import { createMemoryStore } from './secret-store';
import type { SecretStore, StoredSession } from './secret-store';
import { createSerialQueue } from './serial-queue';

/**
 * The session's secret store, written one operation at a time in call order: a sign-out's clear
 * waits for a token save still in flight, so no late save brings the secrets back
 * (docs/security.md, S15). When the keychain stops answering, the secrets move to memory for
 * this run (never to a file, S13) and `onMemoryFallback` is told. Sign-out then clears both: the
 * keychain still holds what it last saved, and the next launch would sign back in from it (S15).
 */
export function createSecretKeeper(opts: {
  store: SecretStore;
  logger: Logger;
  onMemoryFallback: () => void;
}) {
  const original = opts.store;
  let store = original;
  const writes = createSerialQueue();
  return {
    kind: (): SecretStore['kind'] => store.kind,
    load: (): Promise<StoredSession | null> => store.load(),
    save(session: StoredSession): Promise<void> {
      return writes.run(async () => {
        try {
          await store.save(session);
        } catch (err) {
          opts.logger.warn('keychain write failed; keeping secrets in memory for this run', {
            err,
          });
          store = createMemoryStore();
          await store.save(session);
          opts.onMemoryFallback();
        }
      });
    },
    /**
     * Deletes every secret from the keychain and from the memory fallback, if one took over; a
     * failure is logged, as there is nothing more to do about it.
     */
    clear(): Promise<void> {
      return writes.run(async () => {
        const stores = store === original ? [original] : [original, store];
        const results = await Promise.allSettled(stores.map((each) => each.clear()));
        results.forEach((result, i) => {
          if (result.status === 'rejected') {
            opts.logger.warn(`could not clear the ${stores[i]?.kind ?? 'secret'} store`, {
              err: result.reason,
            });
          }
        });
      });
    },
  };
}
