import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger';
import { boundedIntervalMs, createInventory } from './inventory';
import type { Scheduler } from './inventory';
import { fakeCache, fakeSession } from './inventory-fakes';

const logger = createLogger({ sink: () => undefined });

/** A scheduler that records each wait asked for and whether it was cancelled; nothing fires. */
function recordingScheduler() {
  const waits: { ms: number; cancelled: boolean }[] = [];
  const scheduler: Scheduler = {
    schedule(_fn, ms) {
      const wait = { ms, cancelled: false };
      waits.push(wait);
      return () => {
        wait.cancelled = true;
      };
    },
  };
  return { scheduler, waits, pending: () => waits.filter((w) => !w.cancelled) };
}

async function signedInInventory() {
  const fake = fakeSession({ status: 'signedIn', email: 'someone@wyzecam.example', demo: true });
  const clock = recordingScheduler();
  const inventory = createInventory({
    session: fake.session,
    cache: fakeCache().cache,
    logger,
    scheduler: clock.scheduler,
  });
  await inventory.start(); // the first refresh, then the next one scheduled
  return { inventory, clock };
}

describe('refresh interval', () => {
  it.each([
    [60, 60_000],
    [300, 300_000],
    [59, 60_000],
    [0, 60_000],
    [-5, 60_000],
    [Number.NaN, 60_000],
    [Number.POSITIVE_INFINITY, 60_000],
    [90.4, 90_400],
    [1e9, 86_400_000],
  ])('%s s is held to %s ms', (seconds, ms) => {
    expect(boundedIntervalMs(seconds)).toBe(ms);
  });

  it('reschedules the waiting refresh at the new pace', async () => {
    const { inventory, clock } = await signedInInventory();
    expect(clock.pending().map((w) => w.ms)).toEqual([60_000]);
    inventory.setRefreshInterval(600);
    expect(clock.pending().map((w) => w.ms)).toEqual([600_000]);
    expect(inventory.refreshIntervalSec()).toBe(600);
  });

  it('never goes below one minute, whatever it is asked', async () => {
    const { inventory, clock } = await signedInInventory();
    inventory.setRefreshInterval(600);
    inventory.setRefreshInterval(5);
    expect(clock.pending().map((w) => w.ms)).toEqual([60_000]);
    expect(inventory.refreshIntervalSec()).toBe(60);
  });

  it('schedules nothing while no refresh is waiting (signed out)', () => {
    const clock = recordingScheduler();
    const inventory = createInventory({
      session: fakeSession().session,
      cache: fakeCache().cache,
      logger,
      scheduler: clock.scheduler,
    });
    inventory.setRefreshInterval(120);
    expect(clock.waits).toEqual([]);
    expect(inventory.refreshIntervalSec()).toBe(120);
  });
});
