/**
 * Node-side helpers around one bench page: reading what PAGE_PROBES recorded, the heap, a CPU
 * profile. Page results arrive as `unknown` and are checked here, so a changed page gives a clear
 * error instead of a wrong figure.
 */
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { DEMO_ACCOUNT } from '../../emulator/demo-account';
import { PAGE_PROBES } from './probes';

/**
 * What PAGE_PROBES puts on the page's global object. Functions handed to the page use it through
 * `globalThis` (the page's CSP forbids evaluating strings there; these folders have no DOM types).
 */
export interface BenchGlobal {
  __bench: {
    firstRow: number | null;
    lastClick: number | null;
    longTasks(): unknown[];
    search(input: unknown, opts: { queries: string[]; settleMs: number }): Promise<unknown>;
    scroll(opts: { stepPx: number; maxMs: number }): Promise<unknown>;
    eventTimings: unknown[];
    afterFrames(n: number): Promise<number>;
  };
}

/** A number the page returned; throws when it is not one. */
export function num(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`bench: ${what} is not a number (${String(value)})`);
  }
  return value;
}

/** The page time (ms since its navigation) when the first camera row was painted. */
export async function firstRowAt(page: Page, timeoutMs = 120_000): Promise<number> {
  await page.waitForFunction(
    () => (globalThis as unknown as BenchGlobal).__bench.firstRow !== null,
    null,
    { timeout: timeoutMs },
  );
  return num(
    await page.evaluate(() => (globalThis as unknown as BenchGlobal).__bench.firstRow),
    'first row time',
  );
}

/** The page time of the last trusted click (its event's time stamp); throws when none came. */
export async function lastClickAt(page: Page): Promise<number> {
  return num(
    await page.evaluate(() => (globalThis as unknown as BenchGlobal).__bench.lastClick),
    'click time',
  );
}

/**
 * The longest task the page started after `since` (page time), up to two frames from now, in ms:
 * 0 when none took 50 ms or more (the Long Tasks API reports no shorter one). A task that began
 * before `since` is not counted: with `since` a first-row time, that is the frame painting it.
 */
export async function longestTaskSince(page: Page, since: number): Promise<number> {
  const tasks = await page.evaluate(async () => {
    const bench = (globalThis as unknown as BenchGlobal).__bench;
    await bench.afterFrames(2);
    return bench.longTasks();
  });
  let longest = 0;
  for (const task of tasks) {
    if (!Array.isArray(task)) throw new Error('bench: a long task is not [start, duration]');
    const start = num(task[0], 'long task start');
    const duration = num(task[1], 'long task duration');
    if (start >= since) longest = Math.max(longest, duration);
  }
  return longest;
}

/** The page's time origin (ms since the epoch), to put its times on the Node clock. */
export async function timeOrigin(page: Page): Promise<number> {
  return num(await page.evaluate(() => performance.timeOrigin), 'time origin');
}

/** Now, in ms since the epoch, at sub-millisecond resolution (comparable with timeOrigin). */
export const epochNow = (): number => performance.timeOrigin + performance.now();

/**
 * Waits until the list has settled: a row is shown, nothing says it is busy, and the filter menus
 * offer their values (counted after the first paint; the heap figure includes them).
 */
export async function settled(page: Page): Promise<void> {
  await page.getByRole('table', { name: 'Cameras' }).locator('tbody tr').first().waitFor();
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 120_000 });
  await page
    .locator('#filter-model option')
    .nth(1)
    .waitFor({ state: 'attached', timeout: 120_000 });
}

/** The renderer's JavaScript heap in use after a full garbage collection, in bytes. */
export async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/**
 * When each request of the page's start finished (ms since navigation): the app's JavaScript and
 * the first session and camera-list answers. null where there was no such request.
 */
export async function requestTimes(page: Page): Promise<Record<string, number | null>> {
  const entries: unknown = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => [e.name, (e as unknown as { responseEnd: number }).responseEnd]),
  );
  const list = Array.isArray(entries) ? (entries as [string, number][]) : [];
  const first = (match: (url: string) => boolean): number | null =>
    list.find(([url]) => match(url))?.[1] ?? null;
  return {
    script: first((u) => /\/assets\/[^/]+\.js$/.test(u)),
    session: first((u) => u.includes(encodeURIComponent('session:get'))),
    cameras: first((u) => u.includes(encodeURIComponent('cameras:get'))),
  };
}

/** The sign-in form filled with the demo account, not yet sent. */
export async function fillSignIn(page: Page): Promise<void> {
  await page.getByLabel('Email').fill(DEMO_ACCOUNT.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_ACCOUNT.password);
  await page.getByLabel('API key ID').fill(DEMO_ACCOUNT.keyId);
  await page.getByLabel('API key', { exact: true }).fill(DEMO_ACCOUNT.apiKey);
}

/** A new context (the bench's window size) and page, with PAGE_PROBES installed. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.addInitScript(PAGE_PROBES);
  return { context, page };
}

/**
 * How long the bench waits before each navigation (or click) it times: the run before has just
 * closed its page and host, and what that leaves running (Chromium ending a renderer process,
 * the host's last writes, the garbage collector) would otherwise share the two cores with the
 * page measured. A user's relaunch does not start while the previous one is being torn down.
 * Every page measured waits the same (scripts/README.md, "The fourteenth pass").
 */
export const QUIET_MS = 1_000;

/** Waits QUIET_MS. */
export const quiet = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, QUIET_MS));

/** Navigation to `url` → first row painted, `runs` times, each in a page of its own after quiet. */
export async function paintTimes(browser: Browser, url: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const { context, page } = await newPage(browser);
    await quiet();
    await page.goto(url);
    times.push(await firstRowAt(page));
    await context.close();
  }
  return times;
}

/** Polls `ok` until it holds; throws "bench: <failure>" after `timeoutMs`. */
export async function until(ok: () => boolean, timeoutMs: number, failure: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`bench: ${failure}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
