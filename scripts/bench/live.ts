/**
 * The live-view figures of `npm run bench`, measured inside scripts/with-netns against the demo
 * world's emulated cameras (real H.264 over WebRTC):
 *  - click "Watch … live" → the first decoded frame, for one camera (each run a new session);
 *  - the same for 4 cameras at once on the live wall (→ the 4th camera's first frame);
 *  - the CPU time of the services process (the preview host: main's code, a child process here)
 *    while those 4 streams play. Media never passes through main, so it should stay near idle;
 *    the bench process (the emulator and its 4 encoding cameras) is given beside it.
 */
import { spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { DEMO_ACCOUNT } from '../../emulator/demo-account';
import { startEmulator } from '../../emulator/server';
import type { RunningEmulator } from '../../emulator/server';
import { childHostEnv, spawnChildHost, stopChildHost } from '../../preview/child-host';
import { num } from './page';

export interface LiveOptions {
  runs: number;
  /** The repository's root (the host is started from preview/cli.ts there). */
  root: string;
  /** How long to measure the CPU while 4 streams play, in ms. */
  cpuWindowMs: number;
}

export interface LiveFigures {
  /** Click → first decoded frame, one camera, per run (ms). */
  single: number[];
  /** First click → the 4th camera's first decoded frame, per run (ms). */
  four: number[];
  /** The services process's CPU while 4 streams play, per run, in % of one core. */
  hostCpu: number[];
  /** The bench process's (emulator and cameras) CPU over the same windows, in % of one core. */
  emulatorCpu: number[];
}

/** One camera for the single-camera runs, and four for the wall (all streamable demo cameras). */
export const LIVE_CAMERAS = {
  single: 'Front Door',
  wall: ['Front Door', 'Backyard', 'Nursery', "Mom's Kitchen"],
} as const;

/** CPU seconds (user + system) a Linux process has used, from /proc; null elsewhere. */
function cpuSecondsOf(pid: number): number | null {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return ticks / clockTicksPerSecond();
  } catch {
    return null;
  }
}

let ticksPerSecond: number | null = null;
function clockTicksPerSecond(): number {
  ticksPerSecond ??=
    Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
  return ticksPerSecond;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `ok` until it holds; throws after `timeoutMs`. */
async function until(ok: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`bench: ${what}`);
    await sleep(20);
  }
}

const openSockets = (emulator: RunningEmulator): number =>
  Object.values(emulator.state.liveSockets?.counts() ?? {}).reduce((a, b) => a + b, 0);

/**
 * The page time when `count` videos have each decoded a frame, polled every animation frame (so
 * up to one frame late). Runs in the page; this folder is type-checked without the DOM.
 */
async function framesDecodedAt(page: Page, count: number): Promise<number> {
  const handle = await page.waitForFunction(
    (wanted: number) => {
      interface Video {
        getVideoPlaybackQuality(): { totalVideoFrames: number };
      }
      const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): Video[] } })
        .document;
      const playing = [...doc.querySelectorAll('video')].filter(
        (v) => v.getVideoPlaybackQuality().totalVideoFrames > 0,
      );
      return playing.length >= wanted ? performance.now() : false;
    },
    count,
    { polling: 'raf', timeout: 30_000 },
  );
  return num(await handle.jsonValue(), 'first frame time');
}

const pageNow = async (page: Page): Promise<number> =>
  num(await page.evaluate(() => performance.now()), 'page time');

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('Email').fill(DEMO_ACCOUNT.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_ACCOUNT.password);
  await page.getByLabel('API key ID').fill(DEMO_ACCOUNT.keyId);
  await page.getByLabel('API key', { exact: true }).fill(DEMO_ACCOUNT.apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** One camera: click → first frame, then close the viewer and wait until its socket is gone. */
async function singleRun(page: Page, emulator: RunningEmulator): Promise<number> {
  const name = LIVE_CAMERAS.single;
  const watch = page.getByRole('button', { name: `Watch ${name} live`, exact: true });
  await watch.waitFor();
  const clickedAt = await pageNow(page);
  await watch.click();
  const firstFrame = await framesDecodedAt(page, 1);
  await page
    .getByRole('region', { name: `${name} live`, exact: true })
    .getByRole('button', { name: 'Close live view' })
    .click();
  await until(() => openSockets(emulator) === 0, 'the viewer closed but its socket stayed open');
  return firstFrame - clickedAt;
}

/** The wall: the first click → all 4 first frames; then the CPU while they play; then close. */
async function wallRun(
  page: Page,
  emulator: RunningEmulator,
  hostPid: number,
  cpuWindowMs: number,
): Promise<{ ms: number; hostCpu: number | null; emulatorCpu: number }> {
  await page.getByRole('button', { name: 'Live wall' }).click();
  const wall = page.getByRole('dialog', { name: 'Live wall' });
  const labels = LIVE_CAMERAS.wall.map((name) => `Show ${name} on the wall`);
  await wall.getByRole('checkbox', { name: labels[0] }).waitFor();
  // All four ticked in one task, so their sessions start together (four Playwright clicks
  // would add their own round trips to the figure).
  const clickedAt = num(
    await page.evaluate((wanted: string[]) => {
      interface Box {
        click(): void;
      }
      const doc = (globalThis as unknown as { document: { querySelector(s: string): Box | null } })
        .document;
      const at = performance.now();
      for (const label of wanted) doc.querySelector(`input[aria-label="${label}"]`)?.click();
      return at;
    }, labels),
    'wall click time',
  );
  const allPlaying = await framesDecodedAt(page, LIVE_CAMERAS.wall.length);

  const hostBefore = cpuSecondsOf(hostPid);
  const selfBefore = process.cpuUsage();
  const startedAt = performance.now();
  await sleep(cpuWindowMs); // a measuring window, not a wait for something to happen
  const elapsedS = (performance.now() - startedAt) / 1000;
  const hostAfter = cpuSecondsOf(hostPid);
  const self = process.cpuUsage(selfBefore);
  await framesDecodedAt(page, LIVE_CAMERAS.wall.length); // still playing at the end

  await wall.getByRole('button', { name: 'Close live wall' }).click();
  await until(() => openSockets(emulator) === 0, 'the wall closed but sockets stayed open');
  return {
    ms: allPlaying - clickedAt,
    hostCpu:
      hostBefore === null || hostAfter === null
        ? null
        : ((hostAfter - hostBefore) / elapsedS) * 100,
    emulatorCpu: ((self.user + self.system) / 1e6 / elapsedS) * 100,
  };
}

/** Measures the live-view figures: `opts.runs` single-camera runs, then `opts.runs` walls. */
export async function measureLive(
  browser: Browser,
  demoWorld: string,
  opts: LiveOptions,
): Promise<LiveFigures> {
  const emulator = await startEmulator({ world: demoWorld });
  const profile = mkdtempSync(join(tmpdir(), 'wyzecam-bench-live-'));
  const keychainService = `Wyzecam Bench live ${process.pid}`;
  let host: ChildProcess | null = null;
  const figures: LiveFigures = { single: [], four: [], hostCpu: [], emulatorCpu: [] };
  try {
    const started = await spawnChildHost(
      opts.root,
      childHostEnv({ cloudUrl: emulator.url, userDataDir: profile, keychainService }),
    );
    host = started.child;
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.goto(started.url);
    await signIn(page);
    for (let run = 0; run < opts.runs; run++) figures.single.push(await singleRun(page, emulator));
    for (let run = 0; run < opts.runs; run++) {
      const wall = await wallRun(page, emulator, host.pid ?? 0, opts.cpuWindowMs);
      figures.four.push(wall.ms);
      if (wall.hostCpu !== null) figures.hostCpu.push(wall.hostCpu);
      figures.emulatorCpu.push(wall.emulatorCpu);
    }
    await context.close();
    return figures;
  } finally {
    await stopChildHost(host);
    await emulator.close();
    // The host's keychain entries, through secret-tool, which only Linux has.
    if (process.platform === 'linux') {
      spawnSync('secret-tool', ['clear', 'service', keychainService], { stdio: 'ignore' });
    }
    rmSync(profile, { recursive: true, force: true });
  }
}
