import { DEMO_ACCOUNT, DEMO_WORLD } from '../emulator/demo-account';
import { startEmulator } from '../emulator/server';
import type { DemoCloud } from './session/session';

/** The demo account's credentials, as the demo world defines them (emulator/README.md). */
export const DEMO_CREDENTIALS = { ...DEMO_ACCOUNT };

/** Starts the Wyze cloud emulator with the demo world on loopback, in this process. */
export async function startDemoCloud(): Promise<DemoCloud> {
  // Nothing outside this process may steer the demo: no control API (emulator/README.md).
  const emulator = await startEmulator({ world: DEMO_WORLD, port: 0, control: false });
  return { url: emulator.url, credentials: DEMO_CREDENTIALS, close: () => emulator.close() };
}
