import type { SessionView } from '../../common/view';
import type { LastEvent } from '../../common/watch';
import type { Scheduler } from '../cameras/refresh-pace';
import { realScheduler } from '../cameras/refresh-pace';
import type { Logger } from '../logging/logger';
import type { WatchService } from '../watch/types';
import type { WyzeClient } from '../wyze/client';
import { WyzeError } from '../wyze/errors';
import { backgroundHoldUntil } from '../wyze/ratelimit';
import type { CloudPage } from './service';

/** The event poll never runs more often than this (docs/protocol.md, "Events"). */
export const MIN_POLL_INTERVAL_MS = 60_000;
/** After sign-in (or the window coming back), the first poll waits this long: the list goes first. */
export const FIRST_POLL_DELAY_MS = 5_000;

export interface PollerOptions {
  session: {
    view(): SessionView;
    onChange(listener: (view: SessionView) => void): () => void;
    client(): Pick<WyzeClient, 'rateLimitStatus'>;
  };
  /** The account's newest page of events (EventsService's `newest`). */
  newest: () => Promise<CloudPage>;
  watch: Pick<WatchService, 'state' | 'setLastEvents'>;
  /** The user's refresh interval in ms; the poll runs at this pace, never under a minute. */
  intervalMs: () => number;
  logger: Logger;
  scheduler?: Scheduler;
  now?: () => number;
}

/**
 * Polls the account's newest events while signed in and the window is visible (or the user
 * keeps watching with it closed), at most once a minute, held back first when Wyze's budget runs
 * low or it said "limit exceeded" (1011); hands each camera's newest event to the watch service.
 */
export function createEventPoller(opts: PollerOptions) {
  const scheduler = opts.scheduler ?? realScheduler;
  const now = opts.now ?? Date.now;
  let visible = true;
  let stopped = false;
  let cancelTimer: (() => void) | null = null;
  let lastPollAt: number | null = null;
  let generation = 0;
  let polling = false;
  /** Each camera's newest event seen this session. */
  let lastEvents: Record<string, LastEvent> = {};

  const period = (): number => Math.max(MIN_POLL_INTERVAL_MS, opts.intervalMs());

  const shouldRun = (): boolean =>
    !stopped &&
    opts.session.view().status === 'signedIn' &&
    (visible || opts.watch.state().prefs.keepWatchingWhenClosed === true);

  function holdUntil(): number | null {
    const app = opts.session
      .client()
      .rateLimitStatus()
      .find((s) => s.host === 'app');
    return backgroundHoldUntil(app, now());
  }

  function schedule(delayMs: number): void {
    cancelTimer?.();
    cancelTimer = null;
    if (!shouldRun()) return;
    cancelTimer = scheduler.schedule(() => {
      cancelTimer = null;
      void tick();
    }, delayMs);
  }

  /** Schedules the next poll a period after the last, or soon when there was none. */
  function resume(): void {
    if (cancelTimer || polling || !shouldRun()) return;
    const sinceLast = lastPollAt === null ? Infinity : now() - lastPollAt;
    schedule(Math.max(FIRST_POLL_DELAY_MS, period() - sinceLast));
  }

  function merge(page: CloudPage): void {
    const next = { ...lastEvents };
    for (const event of page.events) {
      const known = next[event.mac];
      if (!known || known.at < event.at) {
        next[event.mac] = { kind: event.kind, label: event.label, at: event.at };
      }
    }
    lastEvents = next;
    opts.watch.setLastEvents(next);
  }

  async function tick(): Promise<void> {
    if (!shouldRun()) return;
    const hold = holdUntil();
    if (hold !== null) {
      schedule(Math.max(period(), hold - now()));
      return;
    }
    const at = generation;
    polling = true;
    lastPollAt = now();
    try {
      const page = await opts.newest();
      if (at === generation) merge(page);
    } catch (err) {
      const code = err instanceof WyzeError ? err.code : 'INTERNAL';
      opts.logger.warn('event poll failed', { code });
    } finally {
      polling = false;
    }
    // Signed out (and maybe in again) meanwhile: the new session's poll starts afresh.
    if (at !== generation) return resume();
    const after = holdUntil();
    schedule(after === null ? period() : Math.max(period(), after - now()));
  }

  const offSession = opts.session.onChange((view) => {
    if (view.status === 'signedIn') return resume();
    if (Object.keys(lastEvents).length > 0) opts.watch.setLastEvents({});
    generation++;
    lastEvents = {};
    lastPollAt = null;
    cancelTimer?.();
    cancelTimer = null;
  });

  return {
    /** Starts polling when signed in (call once the services are up). */
    start(): void {
      resume();
    },
    /** The window was shown or hidden. */
    setVisible(next: boolean): void {
      visible = next;
      if (shouldRun()) resume();
      else {
        cancelTimer?.();
        cancelTimer = null;
      }
    },
    /** The keep-watching preference may have changed: start or stop accordingly. */
    prefsChanged(): void {
      this.setVisible(visible);
    },
    /** Shutdown: no more polls. */
    stop(): void {
      stopped = true;
      generation++;
      offSession();
      cancelTimer?.();
      cancelTimer = null;
    },
  };
}

export type EventPoller = ReturnType<typeof createEventPoller>;
