/**
 * `npm run bench`: for the demo world and a generated 5,000-camera world, prints
 *  - cloud requests before the first camera row is painted (cold sign-in; relaunch with a stored
 *    session),
 *  - time to the first row painted, against a static HTML page of the same rows in the same
 *    browser (ratios within one run),
 *  - after a cold sign-in's first row, the longest task until the list settles (input waits),
 *  - for the relaunch, where the time goes (host start, the app's script, the first answers),
 *  - the renderer's JavaScript heap once the list is shown, scrolling the list end to end (fps,
 *    dropped frames; and the static page, scrolled the same way) and a search keystroke → updated
 *    rows (p95),
 *  - the renderer's gzipped JavaScript size,
 *  - live view: click → first decoded frame for one camera and for 4 at once, and the services
 *    process's CPU while 4 streams play (bench/live.ts; inside scripts/with-netns only).
 * Runs the real preview host, the real emulator and Debian's Chromium, on loopback; medians of
 * BENCH_RUNS runs (5). BENCH_ONLY=live measures live view alone. See scripts/README.md for each
 * figure and the findings.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { generateWorld } from '../emulator/generate';
import type { WorldInput } from '../emulator/world';
import { CHROMIUM_ARGS } from '../playwright.config';
import { measureLive } from './bench/live';
import type { LiveFigures } from './bench/live';
import { firstScreenChunks } from './bench/bundle';
import { measureWorld } from './bench/run-world';
import type { WorldFigures } from './bench/run-world';
import type { TypingFigures } from './bench/interactions';
import { EVENT_TIMING_THRESHOLD_MS } from './bench/probes';
import { median, ms, ratio } from './bench/stats';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Where the built renderer is (default dist/); ends with a slash. */
const DIST = process.env.BENCH_DIST ?? join(ROOT, 'dist/');
const CAMERAS = Number(process.env.BENCH_CAMERAS ?? 5000);
/** The live view's goal for click → first frame on loopback (the issue: ≤ 1 s). */
const FIRST_FRAME_GOAL_MS = 1000;
/** A search keystroke's goal (the issue: updated rows p95 ≤ 16 ms, one frame at 60 Hz). */
const SEARCH_GOAL_MS = 16;
/** The first screen's JavaScript budget (the issue: ≤ 90 KB gzipped; kB = 1,000 bytes here). */
const JS_BUDGET_KB = 90;

/** All the renderer's JavaScript (every chunk), and the chunks the page loads first. */
function rendererJsGzip(): { files: number; bytes: number; gzip: number; entryGzip: number } {
  const dir = join(DIST, 'renderer/assets');
  const js = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const first = new Set(firstScreenChunks(readFileSync(join(DIST, 'renderer/index.html'), 'utf8')));
  const missing = [...first].filter((f) => !js.includes(f));
  if (first.size === 0 || missing.length > 0) {
    throw new Error(
      `bench: index.html's scripts are not all built (missing: ${missing.join(', ')})`,
    );
  }
  let bytes = 0;
  let gzip = 0;
  let entryGzip = 0;
  for (const f of js) {
    const content = readFileSync(join(dir, f));
    const zipped = gzipSync(content, { level: 9 }).length;
    bytes += content.length;
    gzip += zipped;
    // The first screen's: what the built page loads before anything is used (bench/bundle.ts).
    if (first.has(f)) entryGzip += zipped;
  }
  return { files: js.length, bytes, gzip, entryGzip };
}

const line = (label: string, value: string): void => console.log(`  ${label.padEnd(60)} ${value}`);
const medianOf = <T>(xs: readonly T[], pick: (x: T) => number | null): number =>
  median(xs.map(pick).filter((v): v is number => v !== null));
/** The median of figures a world may not have measured: null when there are none. */
const medianIfAny = (xs: readonly number[]): number | null => (xs.length > 0 ? median(xs) : null);

/** Typing figures as one line: the p95 and how many keystrokes reached the browser's threshold. */
function typingLine(label: string, runs: readonly TypingFigures[]): void {
  if (!runs.length) return;
  const p95 = medianOf(runs, (t) => t.p95);
  const slow = medianOf(runs, (t) => t.slow);
  const n = medianOf(runs, (t) => t.measured);
  const typed = runs.every((t) => t.typedAll) ? '' : '; SOME KEYS DID NOT ARRIVE';
  line(
    label,
    `${p95 === 0 ? `< ${EVENT_TIMING_THRESHOLD_MS} ms` : ms(p95)}  (${slow} of ${n} keystrokes took ${EVENT_TIMING_THRESHOLD_MS} ms or more${typed})`,
  );
}

function report(r: WorldFigures): void {
  const staticNav = medianOf(r.staticPage, (s) => s.navigationMs);
  const staticTotal = medianOf(r.staticPage, (s) => s.totalMs);
  const cold = medianOf(r.cold, (c) => c.ms);
  const relaunchNav = medianOf(r.relaunch, (x) => x.navigationMs);
  const relaunchTotal = medianOf(r.relaunch, (x) => x.totalMs);
  console.log(`${r.name}  [secrets: ${r.persistence}]`);
  line(
    'cloud requests before the first row, cold sign-in:',
    `${medianOf(r.cold, (c) => c.cloudRequests)}`,
  );
  line(
    'cloud requests before the first row, relaunch (stored):',
    `${medianOf(r.relaunch, (x) => x.cloudRequests)}`,
  );
  line(`static HTML page of the same ${r.staticRows} rows, navigation → painted:`, ms(staticNav));
  line('static HTML page, goto → painted:', ms(staticTotal));
  const staticHttp = medianOf(r.staticHttp, (s) => s);
  line('  the same page over loopback HTTP, navigation → painted:', ms(staticHttp));
  const ownPage = medianIfAny(r.firstScreenFile);
  line(
    "the relaunch's own page as a file (first screen, no script), navigation → painted:",
    ownPage === null
      ? 'not measured (the relaunch was served no first screen)'
      : `${ms(ownPage)}  (${ratio(ownPage, staticNav)} static)`,
  );
  line(
    'first row, cold sign-in (click → painted):',
    `${ms(cold)}  (${ratio(cold, staticNav)} static)`,
  );
  line(
    '  then the longest task until the list settled (input waits):',
    ms(medianOf(r.blockedAfterFirstRow, (b) => b)),
  );
  line(
    'first row, relaunch (navigation → painted):',
    `${ms(relaunchNav)}  (${ratio(relaunchNav, staticNav)} static, ${ratio(relaunchNav, staticHttp)} static over HTTP${ownPage === null ? '' : `, ${ratio(relaunchNav, ownPage)} its own page as a file`})`,
  );
  line(
    'first row, relaunch (host start → painted):',
    `${ms(relaunchTotal)}  (${ratio(relaunchTotal, staticTotal)} static goto → painted)`,
  );
  line(
    '  of which host start (keychain, settings, services):',
    ms(medianOf(r.relaunch, (x) => x.hostMs)),
  );
  for (const [what, key] of [
    ['app script loaded', 'script'],
    ['session answer', 'session'],
    ['camera list answer', 'cameras'],
  ] as const) {
    line(`  navigation → ${what}:`, ms(medianOf(r.relaunch, (x) => x.requests[key] ?? null)));
  }
  const fresh = medianIfAny(r.freshRelaunch);
  line(
    'first row, relaunch, host in a fresh process (navigation → painted):',
    fresh === null
      ? 'not measured (BENCH_DIST: the fresh host serves dist/)'
      : `${ms(fresh)}  (${ratio(fresh, staticNav)} static, ${ratio(fresh, staticHttp)} static over HTTP)`,
  );
  line(
    'renderer JS heap after the list is shown (after GC):',
    `${(medianOf(r.heapBytes, (b) => b) / 1048576).toFixed(1)} MiB`,
  );
  const scrolled = r.scroll.every((s) => s.reachedEnd) ? 'end to end' : 'NOT to the end';
  line(
    `scrolling the list ${scrolled}:`,
    `${medianOf(r.scroll, (s) => s.fps).toFixed(1)} fps, ${medianOf(r.scroll, (s) => s.dropped)} dropped of ${medianOf(r.scroll, (s) => s.frames)} frames (> 20 ms)`,
  );
  const staticFrames = medianOf(r.staticScroll, (s) => s.frames);
  line(
    'scrolling the static page of the same rows (no script):',
    staticFrames > 0
      ? `${medianOf(r.staticScroll, (s) => s.fps).toFixed(1)} fps, ${medianOf(r.staticScroll, (s) => s.dropped)} dropped of ${staticFrames} frames`
      : 'not measured (it fits the window)',
  );
  if (!r.search) line('search:', 'not available (no box labelled "Search cameras")');
  else {
    const p95 = medianOf(r.search, (s) => s.p95);
    const n = medianOf(r.search, (s) => s.measured);
    const unchanged = medianOf(r.search, (s) => s.unchanged);
    line(
      'search keystroke → next frame after the update, p95:',
      `${ms(p95)}  (${n} input events at a frame's start, so one frame at least; ${unchanged} changed nothing)`,
    );
    const updated = medianOf(r.search, (s) => s.updatedP95);
    line(
      'search keystroke → rows updated (the page’s work), p95:',
      `${ms(updated)}  (${SEARCH_GOAL_MS} ms: ${updated <= SEARCH_GOAL_MS ? 'within' : 'OVER'}; the ${n - unchanged} that changed the rows; no rendering in it: the paint is the next lines' figure)`,
    );
  }
  typingLine('search keystroke → painted (key presses, Event Timing), p95:', r.typing);
  typingLine('  the same keys in the static page’s box (no script), p95:', r.staticTyping);
  console.log('');
}

function reportLive(r: LiveFigures): void {
  const single = median(r.single);
  console.log('live view (demo cameras, H.264 over WebRTC in scripts/with-netns)');
  line(
    'click → first decoded frame, one camera:',
    `${ms(single)}  (goal ${FIRST_FRAME_GOAL_MS} ms: ${single <= FIRST_FRAME_GOAL_MS ? 'met' : 'MISSED'})`,
  );
  line('click → first decoded frame of all 4, live wall:', ms(median(r.four)));
  const cpu = (xs: number[]): string =>
    xs.length ? `${median(xs).toFixed(1)} % of a core` : 'n/a (no /proc)';
  line('services process (main) CPU while 4 streams play:', cpu(r.hostCpu));
  line('  beside it, the emulator and its 4 encoding cameras:', cpu(r.emulatorCpu));
  console.log('');
}

/** The live-view figures, or why there are none (they need scripts/with-netns). */
async function live(browser: Browser): Promise<void> {
  const refused = process.env.WYZECAM_NO_NETNS;
  if (refused || !process.env.WYZECAM_NETNS) {
    console.log(`live view: not measured (${refused ?? 'not inside scripts/with-netns'})\n`);
    return;
  }
  reportLive(
    await measureLive(browser, join(ROOT, 'emulator/worlds/demo.json'), {
      runs: RUNS,
      root: ROOT,
      cpuWindowMs: 5000,
    }),
  );
}

async function main(): Promise<void> {
  const cpuProfileDir = process.env.BENCH_CPU_PROFILE ?? null;
  if (cpuProfileDir) mkdirSync(cpuProfileDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const worlds: [string, string | WorldInput][] = [
    ['demo (13 cameras + 5 other devices)', join(ROOT, 'emulator/worlds/demo.json')],
    [`generated (${CAMERAS.toLocaleString('en')} cameras)`, generateWorld(CAMERAS)],
  ];
  const only = process.env.BENCH_WORLD;
  const liveOnly = process.env.BENCH_ONLY === 'live';
  console.log(
    `\nWyzecam Desktop benchmark — medians of ${RUNS} runs, Debian Chromium, preview host\n`,
  );
  try {
    // Each world's figures are printed as soon as they are measured: a long run that is cut
    // short still leaves what it measured.
    for (const [name, world] of worlds) {
      if (liveOnly || (only && !name.startsWith(only))) continue;
      report(
        await measureWorld(browser, name, world, {
          runs: RUNS,
          distDir: DIST,
          cpuProfileDir,
          search: true,
          // preview/cli.ts serves the repository's dist/, not BENCH_DIST's.
          freshHostRoot: process.env.BENCH_DIST ? null : ROOT,
        }),
      );
    }
    // BENCH_WORLD picks one world of the list figures; live view has its own switch.
    if (!only || liveOnly) await live(browser);
  } finally {
    await browser.close();
  }
  if (liveOnly) return;
  const size = rendererJsGzip();
  // The budget is the first screen's script (renderer/README.md, "Bundle budget"): the other
  // chunks load when a view, a dialog or live view is first used.
  const entryKb = size.entryGzip / 1000;
  console.log(
    `renderer JavaScript: ${size.files} file(s), ${(size.bytes / 1000).toFixed(1)} kB, ${(size.gzip / 1000).toFixed(1)} kB gzipped in all; the first screen's (entry and app chunks) ${entryKb.toFixed(1)} kB gzipped (budget ${JS_BUDGET_KB} kB: ${entryKb <= JS_BUDGET_KB ? 'within' : 'OVER'})`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
