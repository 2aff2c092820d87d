import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../common/ipc';
import { idleScheduler } from './cameras/inventory-fakes';
import { createLogger } from './logging/logger';
import { createAppServices } from './services';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function servicesWith(viewPrefs: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'wyzecam-services-look-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'settings.json'),
    JSON.stringify({
      phoneId: '6f1c1f3e-8d2a-4b8e-9c51-0d8f6a1e2b3c',
      lastEmail: null,
      window: null,
      viewPrefs,
    }),
  );
  const services = await createAppServices({
    userDataDir: dir,
    keychainService: 'unused',
    // Nothing here reaches a cloud: no test signs in.
    baseUrls: { auth: 'http://127.0.0.1:9', api: 'http://127.0.0.1:9' },
    appVersion: '0.1.0-test',
    logger: createLogger({ sink: () => undefined }),
    isTrustedSender: () => true,
    openUrl: async () => undefined,
    keytar: null,
    scheduler: idleScheduler,
  });
  cleanups.push(() => services.shutdown());
  return services;
}

describe('the refresh interval setting', () => {
  it('is the inventory’s pace from the start', async () => {
    const services = await servicesWith({ refreshIntervalSec: 300 });
    expect(services.inventory.refreshIntervalSec()).toBe(300);
  });

  it('changes the pace as soon as it is set', async () => {
    const services = await servicesWith({});
    expect(services.inventory.refreshIntervalSec()).toBe(60);
    const sender = { url: 'app://wyzecam/index.html', isMainFrame: true };
    await services.router.dispatch(sender, CHANNELS.setViewPrefs, { refreshIntervalSec: 900 });
    expect(services.inventory.refreshIntervalSec()).toBe(900);
  });
});
