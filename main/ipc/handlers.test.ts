import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../common/ipc';
import { emptyCameraList } from '../../common/view';
import type { Inventory } from '../cameras/inventory';
import type { SessionService } from '../session/session';
import type { SettingsStore } from '../session/settings';
import { createHandlers } from './handlers';

describe('handler table', () => {
  it('"Reset cached data" (cameras:reset-cache) asks the inventory to forget its cache and answers its new list', async () => {
    const calls: string[] = [];
    const after = { ...emptyCameraList(), refreshing: true };
    const inventory: Pick<Inventory, 'resetCache'> = {
      resetCache: async () => {
        calls.push('resetCache');
        return after;
      },
    };
    const handlers = createHandlers({
      // Only the inventory is reached by this channel; the rest is never called.
      session: {} as SessionService,
      inventory: inventory as Inventory,
      settings: {} as SettingsStore,
      openExternal: async () => undefined,
    });
    expect(await handlers[CHANNELS.resetCache](undefined)).toBe(after);
    expect(calls).toEqual(['resetCache']);
  });
});
