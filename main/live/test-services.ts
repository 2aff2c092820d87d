/**
 * For tests: the app's services signed into the demo account of a real emulator on loopback,
 * with the cameras the test chooses (a fake that only answers, or real emulated cameras).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CameraFactory } from '../../emulator/live/registry';
import { startEmulator } from '../../emulator/server';
import type { RunningEmulator } from '../../emulator/server';
import { createLogger } from '../logging/logger';
import { createAppServices } from '../services';
import type { AppServices } from '../services';
import { DEMO_WORLD, demoWorld } from '../wyze/test-harness';

/** Starts both, signs in and fetches the list; `cleanups` gets what undoes each step. */
export async function signedInOnEmulator(
  cameras: CameraFactory,
  cleanups: (() => unknown)[],
): Promise<{ services: AppServices; emulator: RunningEmulator }> {
  const emulator = await startEmulator({ world: DEMO_WORLD, live: { cameras } });
  cleanups.push(() => emulator.close());
  const dir = mkdtempSync(join(tmpdir(), 'wyzecam-live-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const services = await createAppServices({
    userDataDir: dir,
    keychainService: 'Wyzecam Live Test',
    baseUrls: { auth: emulator.url, api: emulator.url },
    appVersion: '0.1.0-test',
    logger: createLogger({ sink: () => undefined }),
    isTrustedSender: () => true,
    openUrl: async () => undefined,
    keytar: null,
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
  return { services, emulator };
}
