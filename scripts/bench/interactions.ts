/**
 * The bench's measurements on a page that shows the whole list: scrolling it end to end, and
 * search keystrokes. The timing itself happens in the page (probes.ts); this side checks and
 * summarises what comes back.
 */
import type { Page } from '@playwright/test';
import { num } from './page';
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
    )) as { samples?: unknown; unchanged?: unknown };
  if (!Array.isArray(result.samples)) throw new Error('bench: search returned no samples');
  const samples = result.samples.map((v) => num(v, 'keystroke time'));
  return {
    measured: samples.length,
    p95: percentile(samples, 95),
    unchanged: num(result.unchanged, 'unchanged keystrokes'),
  };
}
