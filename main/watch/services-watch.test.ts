import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../common/ipc';
import type { ActivityPage, WatchEvent } from '../../common/watch';
import { startEmulator } from '../../emulator/server';
import { createLogger } from '../logging/logger';
import { createAppServices } from '../services';
import { demoWorld } from '../wyze/test-harness';
import { fakeClock } from './fake-clock';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const SENDER = { url: 'app://wyzecam/index.html', isMainFrame: true };

async function setup() {
  const world = await demoWorld();
  const account = world.accounts[0];
  if (!account?.password) throw new Error('no demo account');
  const emulator = await startEmulator({ world });
  cleanups.push(() => emulator.close());
  const dir = mkdtempSync(join(tmpdir(), 'wyzecam-watch-services-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const clock = fakeClock(Date.now());
  const services = await createAppServices({
    userDataDir: dir,
    keychainService: 'unused',
    baseUrls: { auth: emulator.url, api: emulator.url },
    appVersion: '0.1.0-test',
    logger: createLogger({ sink: () => undefined }),
    isTrustedSender: () => true,
    openUrl: async () => undefined,
    keytar: null,
    scheduler: clock.scheduler,
  });
  cleanups.push(() => services.shutdown());
  const call = async (channel: string, arg?: unknown): Promise<unknown> => {
    const result = await services.router.dispatch(SENDER, channel, arg);
    if (!result.ok) throw new Error(result.error.code);
    return result.value;
  };
  const credentials = {
    email: account.email,
    password: account.password,
    keyId: account.keyId,
    apiKey: account.apiKey,
  };
  return { emulator, dir, services, call, credentials, clock };
}

describe('keeping watch through the app services', () => {
  it('records a camera going offline, pushes event:watch, and sign-out deletes the history first', async () => {
    const { emulator, dir, services, call, credentials } = await setup();
    const events: WatchEvent[] = [];
    const off = services.subscribe((event, payload) => {
      if (event === 'event:watch') events.push(payload as WatchEvent);
    });
    cleanups.push(off);
    await call(CHANNELS.signIn, credentials);
    expect(services.watch.state().apiKey).toMatchObject({ ageDays: 0, remind: false });
    await services.inventory.refresh();
    const camera = services.inventory.view().devices.find((d) => d.isCamera && d.online);
    if (!camera) throw new Error('no online camera in the demo world');
    emulator.state.updateDevice(camera.mac, { online: false });
    await services.inventory.refresh();
    await services.watch.settled();
    const page = (await call(CHANNELS.listActivity, {
      mac: camera.mac,
      kinds: ['offline'],
      before: null,
      limit: 10,
    })) as ActivityPage;
    expect(page.records).toMatchObject([{ kind: 'offline', macs: [camera.mac] }]);
    expect(events.some((e) => e.kind === 'state' && e.state.historyRevision > 0)).toBe(true);
    await services.watch.flushed();
    const history = join(dir, 'history.jsonl');
    expect(existsSync(history)).toBe(true);
    expect(readFileSync(join(dir, 'watch.json'), 'utf8')).not.toContain(credentials.keyId);

    await call(CHANNELS.signOut);
    // The answer to sign-out comes only once the history is gone from disk (docs/security.md, S26).
    expect(existsSync(history)).toBe(false);
    expect(existsSync(join(dir, 'watch-baseline.json'))).toBe(false);
  });

  it('shutdown leaves no timer running: a camera waiting out the offline delay notifies nothing', async () => {
    const { emulator, services, call, credentials, clock } = await setup();
    await call(CHANNELS.signIn, credentials);
    await services.inventory.refresh();
    const camera = services.inventory.view().devices.find((d) => d.isCamera && d.online);
    if (!camera) throw new Error('no online camera in the demo world');
    emulator.state.updateDevice(camera.mac, { online: false });
    await services.inventory.refresh();
    await services.watch.settled();
    expect(clock.pending()).toBeGreaterThan(0); // the offline delay, at least
    await services.shutdown();
    expect(clock.pending()).toBe(0);
  });
});
