import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger';
import { wyzeError } from '../wyze/errors';
import type { CameraListView } from '../../common/view';
import { createInventory, toDto } from './inventory';
import type { Inventory } from './inventory';
import { fakeCache, fakeDevice, fakeSession, idleScheduler } from './inventory-fakes';

const EMAIL = 'someone@wyzecam.example';
const logger = createLogger({ sink: () => undefined });

const cachedList = {
  email: EMAIL,
  fetchedAt: 1_700_000_000_000,
  devices: [toDto(fakeDevice('2CAA8E4F1A09', 'From last run'))],
};

/** Resolves once the inventory's view satisfies `ok` (now or at a later change). */
function until(inventory: Inventory, ok: (view: CameraListView) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (ok(inventory.view())) return resolve();
    const off = inventory.onChange((view) => {
      if (!ok(view)) return;
      off();
      resolve();
    });
  });
}

function setup(opts: { signedIn: boolean }) {
  const fake = fakeSession(
    opts.signedIn ? { status: 'signedIn', email: EMAIL } : { status: 'signedOut' },
  );
  const disk = fakeCache(cachedList);
  const inventory = createInventory({
    session: fake.session,
    cache: disk.cache,
    logger,
    scheduler: idleScheduler,
  });
  return { fake, disk, inventory };
}

describe('resetCache', () => {
  it('signed in: forgets the cached list on disk and in memory, then shows the cloud list', async () => {
    const { fake, disk, inventory } = setup({ signedIn: true });
    const first = fake.holdNextList();
    const started = inventory.start(); // shows the cached list, then waits on the cloud
    await until(inventory, (v) => v.devices.length > 0);
    expect(inventory.view().devices.map((d) => d.name)).toEqual(['From last run']);
    first.reject(wyzeError('NETWORK'));
    await started;

    const view = await inventory.resetCache();
    expect(disk.calls).toContain('clear');
    expect(view.devices.map((d) => d.name)).toEqual(['Front door']);
    expect(view).toMatchObject({ stale: false, error: null, refreshing: false });
    expect(disk.stored()?.devices.map((d) => d.name)).toEqual(['Front door']);
  });

  it('signed out: empties the list and removes the file without calling the cloud', async () => {
    const { fake, disk, inventory } = setup({ signedIn: false });
    await inventory.start();
    const view = await inventory.resetCache();
    expect(view.devices).toEqual([]);
    expect(view.fetchedAt).toBeNull();
    expect(disk.stored()).toBeNull();
    expect(fake.state.listCalls).toBe(0);
  });

  it('a failed refresh after the reset answers the empty list with the error, not a rejection', async () => {
    const { fake, disk, inventory } = setup({ signedIn: true });
    await inventory.start();
    const failing = fake.holdNextList();
    const pending = inventory.resetCache();
    failing.reject(wyzeError('NETWORK'));
    const view = await pending;
    expect(view.devices).toEqual([]);
    expect(view.error?.code).toBe('NETWORK');
    expect(disk.stored()).toBeNull();
  });
});
