/**
 * The bench's measurements on a page that shows the whole list: scrolling it end to end, and
 * search keystrokes. The timing itself happens in the page (probes.ts); this side checks and
 * summarises what comes back.
 */
import type { Page } from '@playwright/test';
import { num } from './page';
import { EVENT_TIMING_THRESHOLD_MS } from './probes';
import type { BenchGlobal } from './page';
import { percentile } from './stats';

/** A frame interval longer than this is a dropped frame (at 60 Hz a frame takes 16.7 ms). */
export const DROPPED_FRAME_MS = 20;
/** Scroll speed: pixels per animation frame (about 12 rows, a fast flick at 60 fps). */
const SCROLL_STEP_PX = 400;
/** A bound on one scroll, whatever the page does. */
const SCROLL_MAX_MS = 30_000;

export interface ScrollFigures {
  frames: number;
  fps: number;
  dropped: number;
  reachedEnd: boolean;
}

export interface SearchFigures {
  /** Keystrokes measured, and their p95 input → results painted time. */
  measured: number;
  p95: number;
  /** Of those, keystrokes that left the results as they were (timed to the next frame). */
  unchanged: number;
  /** The p95 input → rows updated (the page's own work, no frame in it), of the others. */
  updatedP95: number;
}

/** Scrolls the camera list end to end, one step per frame; frames, fps and dropped frames. */
export async function measureScroll(page: Page): Promise<ScrollFigures> {
  const result = (await page.evaluate(
    (opts) => (globalThis as unknown as BenchGlobal).__bench.scroll(opts),
    { stepPx: SCROLL_STEP_PX, maxMs: SCROLL_MAX_MS },
  )) as { intervals?: unknown; durationMs?: unknown; reachedEnd?: unknown } | null;
  if (!result || !Array.isArray(result.intervals)) throw new Error('bench: no table to scroll');
  const intervals = result.intervals.map((v) => num(v, 'frame interval'));
  const durationMs = num(result.durationMs, 'scroll duration');
  return {
    frames: intervals.length,
    fps: durationMs > 0 ? (intervals.length * 1000) / durationMs : NaN,
    dropped: intervals.filter((v) => v > DROPPED_FRAME_MS).length,
    reachedEnd: result.reachedEnd === true,
  };
}

/**
 * Words typed letter by letter, then erased: each keystroke is one input event; 50 in all, and the
 * box ends empty (the search is kept across relaunches, and the relaunch must show every row).
 */
const WORDS = ['Gate 12', 'front 3', 'HL_PAN', '4.5', 'HL'];

/** One keystroke's values: each word typed and erased again (ending with an empty box). */
export function keystrokes(words: readonly string[] = WORDS): string[] {
  const values: string[] = [];
  for (const word of words) {
    for (let i = 1; i <= word.length; i++) values.push(word.slice(0, i));
    for (let i = word.length - 1; i >= 0; i--) values.push(word.slice(0, i));
  }
  return values;
}

/**
 * Types into the box labelled "Search cameras" and times each keystroke until its results are
 * painted (p95); null when the page has no such box.
 */
export async function measureSearch(page: Page): Promise<SearchFigures | null> {
  const box = page.getByLabel('Search cameras', { exact: true });
  if ((await box.count()) === 0) return null;
  const queries = keystrokes();
  const result = (await box
    .first()
    .evaluate(
      (el: unknown, opts) => (globalThis as unknown as BenchGlobal).__bench.search(el, opts),
      { queries, settleMs: 500 },
    )) as { samples?: unknown; updated?: unknown; unchanged?: unknown };
  if (!Array.isArray(result.samples) || !Array.isArray(result.updated)) {
    throw new Error('bench: search returned no samples');
  }
  const samples = result.samples.map((v) => num(v, 'keystroke time'));
  const updated = result.updated.map((v) => num(v, 'keystroke → rows updated'));
  return {
    measured: samples.length,
    p95: percentile(samples, 95),
    unchanged: num(result.unchanged, 'unchanged keystrokes'),
    updatedP95: updated.length ? percentile(updated, 95) : NaN,
  };
}

export interface TypingFigures {
  /** Keystrokes typed. */
  measured: number;
  /**
   * The p95 keystroke → next paint in ms (Event Timing, 8 ms steps); 0 when at least 95 % of the
   * keystrokes painted in under EVENT_TIMING_THRESHOLD_MS (the browser reports no figure for them).
   */
  p95: number;
  /** Keystrokes that took EVENT_TIMING_THRESHOLD_MS or more. */
  slow: number;
  /** Whether the box held what was typed at the end (every keystroke arrived). */
  typedAll: boolean;
}

/** One keystroke's Event Timing entries: what the page's observer recorded. */
interface TimingEntry {
  start: number;
  duration: number;
}

function timingEntries(value: unknown): TimingEntry[] {
  if (!Array.isArray(value)) throw new Error('bench: the page recorded no event timings');
  return value.map((e: { start?: unknown; duration?: unknown }) => ({
    start: num(e.start, 'event start'),
    duration: num(e.duration, 'event duration'),
  }));
}

const afterFrames = (page: Page, n: number): Promise<number> =>
  page
    .evaluate((frames) => (globalThis as unknown as BenchGlobal).__bench.afterFrames(frames), n)
    .then((t) => num(t, 'frame time'));

/**
 * Types the same keystrokes as `measureSearch` into the box labelled "Search cameras", as real
 * key presses (trusted input, one at a time, two frames apart), and reads the browser's Event
 * Timing entries for them: from each key's timestamp to the next paint after its handlers ran,
 * whatever the frame phase it came in. null when the page has no such box.
 */
export async function measureTyping(page: Page): Promise<TypingFigures | null> {
  const box = page.getByLabel('Search cameras', { exact: true });
  if ((await box.count()) === 0) return null;
  await box.first().focus();
  const queries = keystrokes();
  const bounds: number[] = [];
  let previous = '';
  for (const query of queries) {
    bounds.push(await afterFrames(page, 2));
    if (query.length > previous.length) await page.keyboard.type(query.slice(-1));
    else await page.keyboard.press('Backspace');
    previous = query;
  }
  bounds.push(await afterFrames(page, 2));
  // Entries reach the observer after their paint, in a task of their own.
  await page.waitForTimeout(200);
  const entries = timingEntries(
    await page.evaluate(() => (globalThis as unknown as BenchGlobal).__bench.eventTimings),
  );
  const durations = queries.map((_, i) => {
    const from = bounds[i] ?? Infinity;
    const to = bounds[i + 1] ?? Infinity;
    const own = entries.filter((e) => e.start >= from && e.start < to).map((e) => e.duration);
    return own.length ? Math.max(...own) : 0;
  });
  return {
    measured: queries.length,
    p95: percentile(durations, 95),
    slow: durations.filter((d) => d >= EVENT_TIMING_THRESHOLD_MS).length,
    typedAll: (await box.first().inputValue()) === previous,
  };
}
