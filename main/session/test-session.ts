/**
 * Test-only wiring: a session service over a real emulator, with a login the test can hold
 * (to catch the session mid sign-in) and a demo cloud that counts how often it is started and
 * closed. Not part of the app.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../emulator/server';
import type { RunningEmulator } from '../../emulator/server';
import { createLogger } from '../logging/logger';
import { createWyzeClient } from '../wyze/client';
import type { WyzeCredentials } from '../wyze/client';
import { demoWorld } from '../wyze/test-harness';
import type { DemoCloud } from './demo-session';
import { createMemoryStore } from './secret-store';
import type { SecretStore } from './secret-store';
import { createSessionService } from './session';
import { openSettings } from './settings';

export const LOGIN = '/api/user/login';

export interface TestCloud {
  emulator: RunningEmulator;
  /** The plain account and the two-step one, as the demo world defines them. */
  account: WyzeCredentials;
  mfaAccount: WyzeCredentials;
  logins(): number;
  close(): Promise<void>;
}

/** One emulator with the demo world, shared by the sessions of a test file. */
export async function startTestCloud(): Promise<TestCloud> {
  const world = await demoWorld();
  const [plain, mfa] = world.accounts;
  if (!plain || !mfa) throw new Error('the demo world lost its accounts');
  // Many sessions sign in here: lift the emulator's sign-in budget (20 per 8 min by default).
  const emulator = await startEmulator({
    world: {
      ...world,
      rateLimits: {
        app: { limit: 10_000, windowSeconds: 300 },
        auth: { limit: 10_000, windowSeconds: 480 },
      },
    },
  });
  const credentials = (a: typeof plain): WyzeCredentials => ({
    email: a.email,
    password: a.password ?? '',
    keyId: a.keyId,
    apiKey: a.apiKey,
  });
  return {
    emulator,
    account: credentials(plain),
    mfaAccount: credentials(mfa),
    logins: () => emulator.state.requestCounts.get(LOGIN) ?? 0,
    close: () => emulator.close(),
  };
}

/** A gate: `wait()` resolves once `open()` was called, or rejects when `signal` aborts. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  let arrived!: () => void;
  const reached = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  return {
    open,
    /** Resolves when something first waits at the gate. */
    reached,
    wait(signal?: AbortSignal | null): Promise<void> {
      arrived();
      if (!signal) return opened;
      return new Promise<void>((resolve, reject) => {
        if (signal.aborted) reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        void opened.then(resolve);
      });
    },
  };
}

export type Gate = ReturnType<typeof gate>;

/**
 * A session over `cloud`. `holdLogin` holds every login request at the gate; `holdDemoCloud`
 * holds the demo cloud's start. The demo cloud is the same emulator under the plain account.
 */
export async function testSession(
  cloud: TestCloud,
  opts: { holdLogin?: Gate; holdDemoCloud?: Gate; secrets?: SecretStore } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'wyzecam-session-'));
  const settings = await openSettings(dir);
  const demo = { started: 0, closed: 0 };
  const fetchHeld: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (opts.holdLogin && new URL(url).pathname === LOGIN) {
      await opts.holdLogin.wait(init?.signal);
    }
    return fetch(input, init);
  };
  const startDemoCloud = async (): Promise<DemoCloud> => {
    demo.started++;
    await opts.holdDemoCloud?.wait();
    return {
      url: cloud.emulator.url,
      credentials: cloud.account,
      close: async () => {
        demo.closed++;
      },
    };
  };
  const logger = createLogger({ sink: () => undefined });
  const secrets = opts.secrets ?? createMemoryStore();
  const session = createSessionService({
    secrets,
    settings,
    logger,
    baseUrls: { auth: cloud.emulator.url, api: cloud.emulator.url },
    startDemoCloud,
    createClient: ({ baseUrls, onTokens, onSessionExpired }) =>
      createWyzeClient({
        baseUrls,
        phoneId: settings.get().phoneId,
        appVersion: '0.1.0-test',
        logger,
        fetch: fetchHeld,
        onTokens,
        onSessionExpired,
      }),
  });
  return {
    session,
    secrets,
    settings,
    demo,
    async close(): Promise<void> {
      await session.shutdown();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
