/**
 * Test-only wiring: a client talking to a real emulator over loopback HTTP, with a recording
 * logger, a fake clock shared by both sides, and a sleep that advances that clock instead of
 * waiting. Not part of the app.
 */
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../../emulator/server';
import type { RunningEmulator } from '../../emulator/server';
import { fakeClock } from '../../emulator/test-helpers';
import type { WorldInput } from '../../emulator/world';
import { createLogger } from '../logging/logger';
import type { LogRecord } from '../logging/logger';
import { createWyzeClient } from './client';
import type { SessionTokens, WyzeClientOptions } from './client';

export const DEMO_WORLD = fileURLToPath(
  new URL('../../emulator/worlds/demo.json', import.meta.url),
);

export interface Harness {
  emulator: RunningEmulator;
  client: ReturnType<typeof createWyzeClient>;
  clock: ReturnType<typeof fakeClock>;
  logs: LogRecord[];
  persisted: SessionTokens[];
  sleeps: number[];
  expired: { count: number };
  /** How many requests the emulator has seen on a path. */
  hits(path: string): number;
  close(): Promise<void>;
}

export async function harness(
  opts: {
    world?: string | WorldInput;
    client?: Partial<WyzeClientOptions>;
    realClock?: boolean;
  } = {},
): Promise<Harness> {
  const clock = fakeClock();
  const now = opts.realClock ? Date.now : clock.now;
  const emulator = await startEmulator({ world: opts.world ?? DEMO_WORLD, now });
  const logs: LogRecord[] = [];
  const persisted: SessionTokens[] = [];
  const sleeps: number[] = [];
  const expired = { count: 0 };
  const client = createWyzeClient({
    baseUrls: { auth: emulator.url, api: emulator.url },
    phoneId: '3f2a6c1e-8b4d-4e2f-9a7c-5d1e0b9f8a21',
    appVersion: '0.1.0-test',
    now,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
    },
    random: () => 0.5,
    logger: createLogger({ level: 'debug', sink: (r) => logs.push(r), now }),
    onTokens: (t) => {
      persisted.push(t);
    },
    onSessionExpired: () => {
      expired.count++;
    },
    ...opts.client,
  });
  return {
    emulator,
    client,
    clock,
    logs,
    persisted,
    sleeps,
    expired,
    hits: (path) => emulator.state.requestCounts.get(path) ?? 0,
    close: async () => {
      client.signOut();
      await emulator.close();
    },
  };
}

/** Reads a world file as an object so a test can vary it. */
export async function demoWorld(): Promise<WorldInput> {
  const { readFile } = await import('node:fs/promises');
  return JSON.parse(await readFile(DEMO_WORLD, 'utf8')) as WorldInput;
}

/** The error code a call fails with, or 'resolved': lets a table of cases read as one line each. */
export const codeOf = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'resolved',
    (e: { code?: string }) => e.code ?? 'thrown',
  );
