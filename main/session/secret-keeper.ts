import type { Logger } from '../logging/logger';
import { createMemoryStore } from './secret-store';
import type { SecretStore, StoredSession } from './secret-store';
import { createSerialQueue } from './serial-queue';

/**
 * The session's secret store, written one operation at a time in call order: a sign-out's clear
 * waits for a token save still in flight, so no late save brings the secrets back
 * (docs/security.md, S15). When the keychain stops answering, the secrets move to memory for
 * this run (never to a file, S13) and `onMemoryFallback` is told.
 */
export function createSecretKeeper(opts: {
  store: SecretStore;
  logger: Logger;
  onMemoryFallback: () => void;
}) {
  let store = opts.store;
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
    /** Deletes every secret; a failure is logged, as there is nothing more to do about it. */
    clear(): Promise<void> {
      return writes.run(async () => {
        try {
          await store.clear();
        } catch (err) {
          opts.logger.warn('could not clear the keychain', { err });
        }
      });
    },
  };
}
