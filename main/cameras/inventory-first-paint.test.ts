import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CameraListView } from '../../common/view';
import { createLogger } from '../logging/logger';
import { openCameraCache } from './cache';
import { createInventory, toDto } from './inventory';
import type { Inventory, Scheduler } from './inventory';
import { fakeCache, fakeDevice, fakeSession } from './inventory-fakes';

const EMAIL = 'someone@wyzecam.example';
const logger = createLogger({ sink: () => undefined });
const GRACE_MS = 3_000;
const cachedList = {
  email: EMAIL,
  fetchedAt: 1_700_000_000_000,
  devices: [toDto(fakeDevice('2CAA8E4F1A09', 'From last run'))],
};

/** A scheduler the test runs by hand: `due(ms)` runs the pending tasks of that delay. */
function manualScheduler() {
  const tasks: { fn: () => void; ms: number; live: boolean }[] = [];
  const scheduler: Scheduler = {
    schedule(fn, ms) {
      const task = { fn, ms, live: true };
      tasks.push(task);
      return () => {
        task.live = false;
      };
    },
  };
  return {
    scheduler,
    pending: () => tasks.filter((t) => t.live).map((t) => t.ms),
    due(ms: number) {
      for (const t of tasks.filter((x) => x.live && x.ms === ms)) {
        t.live = false;
        t.fn();
      }
    },
  };
}

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

function relaunch() {
  const fake = fakeSession({ status: 'signedIn', email: EMAIL });
  const clock = manualScheduler();
  const inventory = createInventory({
    session: fake.session,
    cache: fakeCache(cachedList).cache,
    logger,
    scheduler: clock.scheduler,
    firstPaintGraceMs: GRACE_MS,
  });
  return { fake, clock, inventory };
}

describe('relaunch: the cached list is painted before the refresh starts', () => {
  it('holds the refresh until a window has shown the cached list', async () => {
    const { fake, inventory } = relaunch();
    const started = inventory.start();
    await until(inventory, (v) => v.devices.length > 0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.state.listCalls).toBe(0);
    expect(inventory.view()).toMatchObject({ stale: true, refreshing: false });

    inventory.listShown();
    expect(fake.state.listCalls).toBe(0); // not in the task that hears from the window
    await started;
    expect(fake.state.listCalls).toBe(1);
    expect(inventory.view().devices.map((d) => d.name)).toEqual(['Front door']);
  });

  it('starts the refresh at once when a window showed the list before the cache was loaded', async () => {
    const { fake, inventory } = relaunch();
    inventory.listShown();
    await inventory.start();
    expect(fake.state.listCalls).toBe(1);
  });

  it('starts it after the grace period when no window shows the list (a hidden window)', async () => {
    const { fake, clock, inventory } = relaunch();
    const started = inventory.start();
    await until(inventory, (v) => v.devices.length > 0);
    expect(clock.pending()).toEqual([GRACE_MS]);
    clock.due(GRACE_MS);
    await started;
    expect(fake.state.listCalls).toBe(1);
  });

  it('a sign-out during the wait ends it without a refresh, and leaves no timer', async () => {
    const { fake, clock, inventory } = relaunch();
    const started = inventory.start();
    await until(inventory, (v) => v.devices.length > 0);
    fake.set({ status: 'signedOut', email: null });
    await started;
    await inventory.settled();
    expect(fake.state.listCalls).toBe(0);
    expect(clock.pending()).toEqual([]);
    expect(inventory.view().devices).toEqual([]);
  });

  it('without a grace period (the default) the refresh follows the cached list at once', async () => {
    const fake = fakeSession({ status: 'signedIn', email: EMAIL });
    const inventory = createInventory({
      session: fake.session,
      cache: fakeCache(cachedList).cache,
      logger,
      scheduler: manualScheduler().scheduler,
    });
    await inventory.start();
    expect(fake.state.listCalls).toBe(1);
  });
});

describe('camera cache prefetch', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'wyzecam-prefetch-'));
    dirs.push(dir);
    return dir;
  };

  it('the next load gets the list read early, for the matching e-mail only', async () => {
    const dir = newDir();
    await openCameraCache(dir).save(cachedList);
    const cache = openCameraCache(dir);
    cache.prefetch();
    expect((await cache.load(EMAIL.toUpperCase()))?.devices).toHaveLength(1);
    cache.prefetch();
    expect(await cache.load('other@wyzecam.example')).toBeNull();
  });

  it('a save or clear after the prefetch is what the next load sees', async () => {
    const dir = newDir();
    const cache = openCameraCache(dir);
    await cache.save(cachedList);
    cache.prefetch();
    await cache.clear();
    expect(await cache.load(EMAIL)).toBeNull();
    cache.prefetch();
    await cache.save({ ...cachedList, fetchedAt: cachedList.fetchedAt + 1 });
    expect((await cache.load(EMAIL))?.fetchedAt).toBe(cachedList.fetchedAt + 1);
  });
});
