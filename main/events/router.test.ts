import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPage } from '../../common/camera-events';
import { startEmulator } from '../../emulator/server';
import { createLogger } from '../logging/logger';
import { createAppServices } from '../services';
import type { AppServices } from '../services';
import { DEMO_WORLD, demoWorld } from '../wyze/test-harness';
import { EVENT_MEDIA_DIR } from './media-cache';
import { eventMediaReply } from './route';

const APP = { url: 'app://wyzecam/', isMainFrame: true };
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const undo of cleanups.splice(0).reverse()) await undo();
});

/** The app's services, signed in to the emulator's demo account, the poll on a timer never run. */
async function signedIn(): Promise<{ services: AppServices; dir: string }> {
  const emulator = await startEmulator({ world: DEMO_WORLD });
  cleanups.push(() => emulator.close());
  const dir = mkdtempSync(join(tmpdir(), 'wyzecam-events-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const services = await createAppServices({
    userDataDir: dir,
    keychainService: 'Wyzecam Events Test',
    baseUrls: { auth: emulator.url, api: emulator.url },
    appVersion: '0.1.0-test',
    logger: createLogger({ sink: () => undefined }),
    isTrustedSender: () => true,
    openUrl: async () => undefined,
    keytar: null,
    eventScheduler: { schedule: () => () => undefined },
  });
  cleanups.push(() => services.shutdown());
  const demo = (await demoWorld()).accounts[0];
  if (!demo) throw new Error('no demo account');
  await services.session.signIn({
    email: demo.email,
    password: demo.password ?? '',
    keyId: demo.keyId,
    apiKey: demo.apiKey,
  });
  await services.inventory.refresh();
  return { services, dir };
}

async function list(services: AppServices, query: unknown): Promise<EventPage> {
  const result = await services.router.dispatch(APP, 'events:list', query);
  if (!result.ok) throw new Error(`events:list failed: ${result.error.code}`);
  return result.value as EventPage;
}

describe('events:list through the IPC router (the emulator)', () => {
  it("answers the account's newest page, with camera names from the list", async () => {
    const { services } = await signedIn();
    const page = await list(services, { mac: null, before: null, limit: 20 });
    expect(page.events.length).toBeGreaterThan(0);
    const names = new Map(services.inventory.view().devices.map((d) => [d.mac, d.name]));
    for (const event of page.events) expect(event.cameraName).toBe(names.get(event.mac));
  });

  it.each([
    ['a camera not on the list', { mac: 'FFFFFFFFFFFF', before: null, limit: 5 }],
    ['a limit past the page size', { mac: null, before: null, limit: 51 }],
    ['a negative before', { mac: null, before: -1, limit: 5 }],
    ['an extra field', { mac: null, before: null, limit: 5, url: 'https://x' }],
  ])('refuses %s with a typed error', async (_name, query) => {
    const { services } = await signedIn();
    const result = await services.router.dispatch(APP, 'events:list', query);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('deletes the event media on disk before sign-out answers', async () => {
    const { services, dir } = await signedIn();
    const page = await list(services, { mac: null, before: null, limit: 20 });
    const first = page.events[0];
    if (!first?.picture) throw new Error('the demo world has events with pictures');
    const reply = await eventMediaReply(services.eventMedia, first.picture);
    expect(reply.status).toBe(200);
    expect(readdirSync(join(dir, EVENT_MEDIA_DIR))).toHaveLength(1);
    await services.router.dispatch(APP, 'session:sign-out', undefined);
    expect(existsSync(join(dir, EVENT_MEDIA_DIR))).toBe(false);
    const after = await eventMediaReply(services.eventMedia, first.picture);
    expect(after.status).toBe(404);
  });
});
