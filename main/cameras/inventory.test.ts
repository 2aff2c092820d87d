import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger';
import { wyzeError } from '../wyze/errors';
import type { CameraListView } from '../../common/view';
import { openCameraCache } from './cache';
import type { CameraCache } from './cache';
import { createInventory, toDto } from './inventory';
import type { Inventory, Scheduler } from './inventory';
import { deferred, fakeCache, fakeDevice, fakeSession, idleScheduler } from './inventory-fakes';

const EMAIL = 'someone@wyzecam.example';
const logger = createLogger({ sink: () => undefined });

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

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

function setup(opts: { signedIn: boolean; scheduler?: Scheduler }) {
  const fake = fakeSession(
    opts.signedIn ? { status: 'signedIn', email: EMAIL } : { status: 'signedOut' },
  );
  const disk = fakeCache(cachedList);
  const inventory = createInventory({
    session: fake.session,
    cache: disk.cache,
    logger,
    scheduler: opts.scheduler ?? idleScheduler,
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

describe('signing out while a refresh is saving the cache', () => {
  it('leaves no cameras.json on disk (real cache file, slow write)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wyzecam-inventory-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const real = openCameraCache(dir);
    const gate = deferred<undefined>();
    const saveStarted = deferred<undefined>();
    const saveDone = deferred<undefined>();
    const slow: CameraCache = {
      ...real,
      async save(list) {
        saveStarted.resolve(undefined);
        await gate.promise;
        await real.save(list);
        saveDone.resolve(undefined);
      },
    };
    const fake = fakeSession({ status: 'signedIn', email: EMAIL });
    const inventory = createInventory({
      session: fake.session,
      cache: slow,
      logger,
      scheduler: idleScheduler,
    });
    void inventory.start();
    await saveStarted.promise;

    fake.set({ status: 'signedOut', email: null });
    const signedOut = inventory.settled();
    gate.resolve(undefined);
    await Promise.all([signedOut, saveDone.promise]);

    expect(inventory.view().devices).toEqual([]);
    expect(existsSync(join(dir, 'cameras.json'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a sign-out at any await of a refresh leaves nothing behind', () => {
  it.each(['listDevices', 'cache.load', 'cache.save'] as const)(
    'signed out while waiting on %s: empty list, no cache, no refresh scheduled',
    async (step) => {
      let scheduled = 0;
      const counting: Scheduler = {
        schedule: () => {
          scheduled++;
          return () => undefined;
        },
      };
      const { fake, disk, inventory } = setup({ signedIn: true, scheduler: counting });
      const held =
        step === 'listDevices'
          ? (() => {
              const list = fake.holdNextList();
              return {
                started: Promise.resolve(),
                release: () => list.resolve({ devices: fake.state.devices, skipped: 0 }),
              };
            })()
          : disk.holdNext(step === 'cache.load' ? 'load' : 'save');
      const started = inventory.start();
      await held.started;

      fake.set({ status: 'signedOut', email: null });
      const signedOut = inventory.settled();
      held.release();
      await Promise.all([signedOut, started]);

      expect(inventory.view().devices).toEqual([]);
      expect(inventory.view().fetchedAt).toBeNull();
      expect(disk.stored()).toBeNull();
      expect(scheduled).toBe(0);
    },
  );
});

describe('refresh', () => {
  it('publishes and saves the list in its default order: online first, then by name', async () => {
    const { fake, disk, inventory } = setup({ signedIn: true });
    fake.state.devices = [
      { ...fakeDevice('2CAA8E000003', 'Porch'), online: false },
      fakeDevice('2CAA8E000002', 'garage 10'),
      fakeDevice('2CAA8E000001', 'Garage 9'),
      fakeDevice('2CAA8E000004', 'Attic'),
    ];
    await inventory.start();
    const names = ['Attic', 'Garage 9', 'garage 10', 'Porch'];
    expect(inventory.view().devices.map((d) => d.name)).toEqual(names);
    expect(disk.stored()?.devices.map((d) => d.name)).toEqual(names);
  });

  it('shows the fresh list before the cache file is written, and is over once it is', async () => {
    const { fake, disk, inventory } = setup({ signedIn: true });
    fake.state.devices = [fakeDevice('2CAA8E000001', 'Fresh from the cloud')];
    const save = disk.holdNext('save');
    const started = inventory.start();
    await save.started;
    expect(inventory.view().devices.map((d) => d.name)).toEqual(['Fresh from the cloud']);
    expect(inventory.view()).toMatchObject({ stale: false, refreshing: true });
    expect(disk.stored()?.devices.map((d) => d.name)).toEqual(['From last run']);
    save.release();
    await started;
    expect(inventory.view().refreshing).toBe(false);
    expect(disk.stored()?.devices.map((d) => d.name)).toEqual(['Fresh from the cloud']);
  });

  it('fetches again when asked while the list just shown is still being saved', async () => {
    // The user sees the new list and presses Refresh (Ctrl+R) while it is written to disk: that
    // asks for what the cloud says now, not for the list already on the screen.
    const { fake, disk, inventory } = setup({ signedIn: true });
    const save = disk.holdNext('save');
    const started = inventory.start();
    await save.started;
    const callsWhenShown = fake.state.listCalls;
    fake.state.devices = [fakeDevice('2CAA8E000001', 'Changed in the cloud')];
    const asked = inventory.refresh();
    save.release();
    await started;
    await asked;
    expect(fake.state.listCalls).toBe(callsWhenShown + 1);
    expect(inventory.view().devices.map((d) => d.name)).toEqual(['Changed in the cloud']);
  });

  it('lets a quit wait for the list still being saved', async () => {
    const { disk, inventory } = setup({ signedIn: true });
    const save = disk.holdNext('save');
    const started = inventory.start();
    await save.started;
    inventory.stop();
    let flushed = false;
    const flushing = inventory.flushed().then(() => (flushed = true));
    await Promise.resolve();
    expect(flushed).toBe(false);
    save.release();
    await flushing;
    await started;
    expect(disk.stored()?.devices.map((d) => d.name)).toEqual(['Front door']);
  });

  it('answers with the view as it is once the refresh is over (not still refreshing)', async () => {
    const { inventory } = setup({ signedIn: true });
    await inventory.start();
    const answer = await inventory.refresh();
    expect(answer).toMatchObject({ refreshing: false, stale: false, error: null });
    expect(answer).toEqual(inventory.view());
  });
});
