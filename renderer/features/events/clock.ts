import { useSyncExternalStore } from 'react';
import { ago, isShowableTime } from '../../format';

/** How often relative times ("4 min ago") are written again. */
export const CLOCK_TICK_MS = 30_000;

let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, CLOCK_TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** While nothing ticks, the time to the second (a render reads it twice and must get one value). */
function read(): number {
  if (timer === undefined) now = Math.floor(Date.now() / 1000) * 1000;
  return now;
}

/**
 * The time, shared by every relative time on the screen: one timer for all of them (not one per
 * camera row), ticking while any is shown.
 */
export function useClock(): number {
  // The same on a server and while hydrating: the time, read once per render.
  return useSyncExternalStore(subscribe, read, read);
}

/** "just now" under a minute (the list's clock ticks by the half minute), else "4 min ago". */
export function sinceEvent(at: number, now: number): string {
  if (isShowableTime(at) && isShowableTime(now) && now - at < 60_000) return 'just now';
  return ago(at, now);
}
