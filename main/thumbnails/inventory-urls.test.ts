import { describe, expect, it } from 'vitest';
import { createInventory } from '../cameras/inventory';
import { fakeCache, fakeDevice, fakeSession, idleScheduler } from '../cameras/inventory-fakes';
import { createLogger } from '../logging/logger';

const URL_A = 'https://camplus-usw2.s3.us-west-2.amazonaws.com/A.jpg?X-Amz-Signature=secret-a';

describe('the inventory keeps picture URLs in main (security S8)', () => {
  it('answers thumbnail(mac) from the last list, sends only the time to the page, forgets on sign-out', async () => {
    const fake = fakeSession({ status: 'signedIn', email: 'a@example.com', demo: true });
    fake.state.devices = [
      { ...fakeDevice('AA', 'With'), thumbnail: { url: URL_A, takenAt: 1_779_700_000_000 } },
      fakeDevice('BB', 'Without'),
    ];
    const inventory = createInventory({
      session: fake.session,
      cache: fakeCache().cache,
      logger: createLogger({ sink: () => undefined }),
      scheduler: idleScheduler,
    });
    await inventory.start();
    expect(inventory.thumbnail('AA')).toEqual({ url: URL_A, takenAt: 1_779_700_000_000 });
    expect(inventory.thumbnail('BB')).toBeNull();
    expect(JSON.stringify(inventory.view())).not.toContain('secret-a');
    expect(inventory.view().devices[0]?.thumbnailTakenAt).toBe(1_779_700_000_000);
    fake.set({ status: 'signedOut', email: null });
    await inventory.settled();
    expect(inventory.thumbnail('AA')).toBeNull();
  });
});
