import demoWorld from '../emulator/worlds/demo.json';
import { startEmulator } from '../emulator/server';
import type { WorldInput } from '../emulator/world';
import type { DemoCloud } from './session/session';

/** The demo account's credentials, as the demo world defines them (emulator/README.md). */
export const DEMO_CREDENTIALS = {
  email: 'demo@wyzecam.example',
  password: 'wyze-demo-2026',
  keyId: 'demo-key-id',
  apiKey: 'demo-api-key',
};

/** Starts the Wyze cloud emulator with the demo world on loopback, in this process. */
export async function startDemoCloud(): Promise<DemoCloud> {
  const emulator = await startEmulator({ world: demoWorld as WorldInput, port: 0 });
  return { url: emulator.url, credentials: DEMO_CREDENTIALS, close: () => emulator.close() };
}
