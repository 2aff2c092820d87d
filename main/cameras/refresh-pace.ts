/**
 * When the camera inventory refreshes: the timer it runs on, the bounded refresh period, the
 * pacing under Wyze's rate limit, and the hold of the first refresh until a window has painted
 * the cached list. Composed by inventory.ts.
 */
import { MAX_REFRESH_INTERVAL_SEC, MIN_REFRESH_INTERVAL_SEC } from '../../common/prefs';

export interface Scheduler {
  /** Runs fn after ms; returns a cancel function. */
  schedule(fn: () => void, ms: number): () => void;
}

export const realScheduler: Scheduler = {
  schedule(fn, ms) {
    const timer = setTimeout(fn, ms);
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};

/** Below this many app-host requests left, automatic refresh slows to a third of its pace. */
const LOW_BUDGET = 30;

/** A refresh period in ms, held between the bounds; anything that is not a number is the minimum. */
export function boundedIntervalMs(seconds: number): number {
  const s = Number.isFinite(seconds) ? seconds : MIN_REFRESH_INTERVAL_SEC;
  return Math.round(
    Math.min(MAX_REFRESH_INTERVAL_SEC, Math.max(MIN_REFRESH_INTERVAL_SEC, s)) * 1000,
  );
}

/**
 * How long until the next automatic refresh: the period, or longer while rate-limited (until the
 * limit ends), or three periods when few app-host requests are left (docs/protocol.md, "Rate
 * limits").
 */
export function nextRefreshDelay(pace: {
  intervalMs: number;
  rateLimitedUntil: number | null;
  now: number;
  /** Requests left on the app host, when known. */
  appRemaining: number | null | undefined;
}): number {
  const { intervalMs, rateLimitedUntil: until, now, appRemaining } = pace;
  if (until !== null && until > now) return Math.max(intervalMs, until - now);
  const low = appRemaining !== null && appRemaining !== undefined && appRemaining <= LOW_BUDGET;
  return low ? intervalMs * 3 : intervalMs;
}

/**
 * Holds the refresh after a cached list is shown at start-up until a window has painted it, or
 * at most `graceMs` (0: no hold), so parsing and sending the fresh list does not compete with the
 * first paint.
 */
export function createFirstPaintHold(scheduler: Scheduler, graceMs: number) {
  /** Whether a window has shown the list (it then also gets every change as an event). */
  let windowShown = false;
  /** Ends the wait of a refresh held back for the first paint. */
  let releaseHeld: (() => void) | null = null;

  return {
    /**
     * Resolves once a window has shown the cached list (now, or before it was loaded: then the
     * list went to that window as an event), or after the grace period, whichever comes first.
     */
    untilShown(): Promise<void> {
      if (graceMs <= 0) return Promise.resolve();
      return new Promise((resolve) => {
        let cancelGrace = (): void => undefined;
        const release = (): void => {
          releaseHeld = null;
          cancelGrace();
          // After the current task: the answer that carries the list goes out before the refresh.
          setImmediate(resolve);
        };
        if (windowShown) return release();
        releaseHeld = release;
        cancelGrace = scheduler.schedule(release, graceMs);
      });
    },
    /** A window has painted the list: a refresh held back for its first paint may start. */
    listShown(): void {
      windowShown = true;
      releaseHeld?.();
    },
    /** Ends any wait now (the list it was for is gone). */
    release(): void {
      releaseHeld?.();
    },
  };
}
