import { describe, expect, it } from 'vitest';
import { createInventory } from '../cameras/inventory';
import { fakeCache, fakeSession } from '../cameras/inventory-fakes';
import { createLogger } from '../logging/logger';
import { fakeClock } from './fake-clock';

const MIN = 60_000;

/** The camera list with a fake clock; `keepWatching` is what the watch service would answer. */
async function hiddenInventory(keepWatching: boolean) {
  const fake = fakeSession({ status: 'signedIn', email: 'someone@wyzecam.example', demo: true });
  const clock = fakeClock(1_800_000_000_000);
  const inventory = createInventory({
    session: fake.session,
    cache: fakeCache().cache,
    logger: createLogger({ sink: () => undefined }),
    scheduler: clock.scheduler,
    now: clock.now,
    refreshWhileHidden: () => keepWatching,
  });
  await inventory.start();
  inventory.setVisible(false);
  const listCalls = fake.state.listCalls;
  return { clock, inventory, calls: () => fake.state.listCalls - listCalls };
}

describe('keeping watch while the window is hidden', () => {
  it('goes on refreshing at the interval when the user keeps watching from the tray', async () => {
    const { clock, calls } = await hiddenInventory(true);
    for (let i = 1; i <= 3; i++) {
      clock.advance(MIN);
      await new Promise((resolve) => setImmediate(resolve)); // the refresh's promise chain
      expect(calls()).toBe(i);
    }
  });

  it('stops refreshing while hidden otherwise, as before', async () => {
    const { clock, calls } = await hiddenInventory(false);
    clock.advance(10 * MIN);
    expect(calls()).toBe(0);
    expect(clock.pending()).toBe(0);
  });
});
