// inventory.settled() is what sign-out waits on before it reports the list and the cache gone.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger';
import type { CameraCache } from './cache';
import { createInventory, toDto } from './inventory';
import { deferred, fakeCache, fakeDevice, fakeSession, idleScheduler } from './inventory-fakes';

const EMAIL = 'someone@wyzecam.example';
const logger = createLogger({ sink: () => undefined });

describe('inventory.settled()', () => {
  it('waits for an earlier cache clear when the session changes again before it finishes', async () => {
    const disk = fakeCache({
      email: EMAIL,
      fetchedAt: 1_700_000_000_000,
      devices: [toDto(fakeDevice('2CAA8E4F1A09', 'From last run'))],
    });
    const clearGate = deferred<undefined>();
    let cleared = false;
    const slowClear: CameraCache = {
      ...disk.cache,
      async clear() {
        await clearGate.promise;
        await disk.cache.clear();
        cleared = true;
      },
    };
    const fake = fakeSession({ status: 'signedIn', email: EMAIL });
    const inventory = createInventory({
      session: fake.session,
      cache: slowClear,
      logger,
      scheduler: idleScheduler,
    });
    await inventory.start();

    fake.set({ status: 'signedOut', email: null }); // starts clearing the cache
    fake.set({ status: 'signingIn' }); // the next change comes before the clear is done
    let settled = false;
    const settling = inventory.settled().then(() => {
      settled = true;
    });
    await nextTurn(); // every promise that could settle without the clear has done so
    expect(settled).toBe(false);

    clearGate.resolve(undefined);
    await settling;
    expect(cleared).toBe(true);
    expect(disk.stored()).toBeNull();
  });

  it('a failed reaction is logged and does not block the ones after it', async () => {
    const disk = fakeCache();
    const failing: CameraCache = {
      ...disk.cache,
      clear: () => Promise.reject(new Error('disk gone')),
    };
    const fake = fakeSession({ status: 'signedIn', email: EMAIL });
    const inventory = createInventory({
      session: fake.session,
      cache: failing,
      logger,
      scheduler: idleScheduler,
    });
    await inventory.start();
    fake.set({ status: 'signedOut', email: null });
    fake.set({ status: 'signingIn' });
    await expect(inventory.settled()).resolves.toBeUndefined();
  });
});
