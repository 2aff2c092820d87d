import { compareCameras } from '../../common/camera-query';
import type { WyzeDevice } from '../../common/device';
import type { CameraListView, DeviceDto, SessionView } from '../../common/view';
import { emptyCameraList } from '../../common/view';
import type { Logger } from '../logging/logger';
import type { WyzeClient } from '../wyze/client';
import { WyzeError, wyzeError } from '../wyze/errors';
import type { CameraCache } from './cache';
import { createCacheWrites } from './cache-writes';
import type { Scheduler } from './refresh-pace';
import {
  boundedIntervalMs,
  createFirstPaintHold,
  nextRefreshDelay,
  realScheduler,
} from './refresh-pace';

export type { Scheduler } from './refresh-pace';
export { boundedIntervalMs, realScheduler } from './refresh-pace';

export const toDto = ({ thumbnail, ...rest }: WyzeDevice): DeviceDto => ({
  ...rest,
  thumbnailTakenAt: thumbnail?.takenAt ?? null,
});

/** What the inventory needs of the session service (narrow, so tests can drive it by hand). */
export interface InventorySession {
  view(): SessionView;
  client(): Pick<WyzeClient, 'listDevices' | 'rateLimitStatus'>;
  onChange(listener: (view: SessionView) => void): () => void;
}

export interface InventoryOptions {
  session: InventorySession;
  cache: CameraCache;
  logger: Logger;
  now?: () => number;
  scheduler?: Scheduler;
  /**
   * After a cached list is shown at start-up, the refresh waits until a window has painted it
   * (`listShown`), or at most this long, so parsing and sending the fresh list does not compete
   * with the first paint. 0 (the default): no wait.
   */
  firstPaintGraceMs?: number;
  /** Automatic refresh period; no faster than once per 60 s (docs/protocol.md, "Rate limits"). */
  intervalMs?: number;
  /**
   * Whether to keep refreshing at the interval while no window shows the list (keeping watch from
   * the tray: main/watch/). By default refreshing stops while hidden.
   */
  refreshWhileHidden?: () => boolean;
}

/**
 * The camera inventory: shows the cached list at once, refreshes on demand and every minute
 * while the window is visible, slows or pauses for Wyze's rate limit, and keeps the last list
 * (marked stale) through failures and expired sessions.
 */
export function createInventory(opts: InventoryOptions) {
  const { session, cache, logger } = opts;
  const now = opts.now ?? Date.now;
  const scheduler = opts.scheduler ?? realScheduler;
  let intervalMs = boundedIntervalMs((opts.intervalMs ?? 60_000) / 1000);
  let view: CameraListView = emptyCameraList();
  let visible = true;
  let inFlight: Promise<CameraListView> | null = null;
  /** The refresh in flight has shown its list and is saving it (a new ask fetches again). */
  let inFlightShown = false;
  let cancelTimer: (() => void) | null = null;
  let generation = 0;
  /** The first refresh's wait for a window to paint the cached list (see `firstPaintGraceMs`). */
  const firstPaint = createFirstPaintHold(scheduler, opts.firstPaintGraceMs ?? 0);
  /**
   * Each camera's latest picture URL from the last list, by MAC. Kept here in main and never in
   * the list the page gets: a pre-signed URL is a credential (docs/security.md, S8).
   */
  let thumbnails = new Map<string, { url: string; takenAt: number | null }>();
  const listeners = new Set<(view: CameraListView) => void>();
  const watching = (): boolean => visible || (opts.refreshWhileHidden?.() ?? false);

  const set = (patch: Partial<CameraListView>): CameraListView => {
    view = { ...view, ...patch };
    for (const listener of listeners) listener(view);
    return view;
  };

  const cacheWrites = createCacheWrites(cache, logger);

  function nextDelay(): number {
    const app = session
      .client()
      .rateLimitStatus()
      .find((s) => s.host === 'app');
    return nextRefreshDelay({
      intervalMs,
      rateLimitedUntil: view.rateLimitedUntil,
      now: now(),
      appRemaining: app?.remaining,
    });
  }

  function schedule(): void {
    cancelTimer?.();
    cancelTimer = null;
    if (!watching() || session.view().status !== 'signedIn') return;
    cancelTimer = scheduler.schedule(() => {
      void refresh().catch(() => undefined);
    }, nextDelay());
  }

  /** Fetches the list now; concurrent callers share one request. */
  function refresh(): Promise<CameraListView> {
    if (inFlight && !inFlightShown) return inFlight;
    if (inFlight) {
      // Its list is already on the screen and only being saved: whoever asks now (Refresh,
      // Ctrl+R) wants what the cloud says now, so one more fetch follows this one.
      return inFlight.catch(() => undefined).then(() => refresh());
    }
    if (session.view().status !== 'signedIn') {
      return Promise.reject(
        wyzeError(session.view().status === 'expired' ? 'SESSION_EXPIRED' : 'NOT_SIGNED_IN'),
      );
    }
    const at = generation;
    set({ refreshing: true });
    inFlightShown = false;
    inFlight = (async () => {
      try {
        const list = await session.client().listDevices();
        if (at !== generation) return view;
        // In the list's default order (online first, then by name): the page sorts what it gets,
        // and sorting a list already in order is one pass instead of ~60,000 locale-aware
        // comparisons at 5,000 cameras, on the way to the first rows (and the cache keeps it).
        const devices = list.devices.map(toDto).sort(compareCameras);
        thumbnails = new Map(
          list.devices.flatMap((d) => (d.thumbnail ? [[d.mac, d.thumbnail] as const] : [])),
        );
        const fetchedAt = now();
        const email = session.view().email;
        // Shown first, then saved: the first rows after a sign-in do not wait for the file
        // (3 MB at 5,000 cameras, written with an fsync). The refresh is over once it is saved.
        set({ devices, fetchedAt, stale: false, error: null, rateLimitedUntil: null });
        inFlightShown = true;
        if (email && !session.view().demo) {
          await cacheWrites.save({ email, fetchedAt, devices });
          if (at !== generation) return view; // signed out while saving: the list is gone
        }
      } catch (err) {
        if (at !== generation) return view;
        const error = err instanceof WyzeError ? err : wyzeError('INTERNAL');
        if (!(err instanceof WyzeError)) logger.error('camera refresh failed', { err });
        set({
          error: error.toDto(),
          stale: view.devices.length > 0,
          rateLimitedUntil:
            error.code === 'RATE_LIMITED' ? (error.retryAt ?? null) : view.rateLimitedUntil,
        });
        throw error;
      } finally {
        if (at === generation) {
          inFlight = null;
          set({ refreshing: false });
          schedule();
        }
      }
      return view; // after `finally`: the answer says the refresh is over
    })();
    return inFlight;
  }

  /** Drops the list and anything in flight for it. */
  function reset(): void {
    generation++;
    firstPaint.release(); // a refresh held for the first paint ends (its generation is gone)
    thumbnails = new Map();
    inFlight = null;
    cancelTimer?.();
    cancelTimer = null;
    if (view.fetchedAt !== null || view.devices.length || view.error || view.refreshing) {
      set(emptyCameraList());
    }
  }

  /** Settles once the last sign-in's cached list is in the view, or known not to be there. */
  let cachedStep: Promise<void> = Promise.resolve();

  /** Signed in: show the cached list at once (if the screen is empty), then refresh. */
  async function showAndRefresh(email: string | null, demo: boolean): Promise<void> {
    let cachedDone = (): void => undefined;
    cachedStep = new Promise<void>((resolve) => (cachedDone = resolve));
    try {
      if (view.fetchedAt === null && email && !demo) {
        const at = generation;
        const cached = await cache.load(email);
        if (cached && at === generation && view.fetchedAt === null) {
          set({ devices: cached.devices, fetchedAt: cached.fetchedAt, stale: true });
          cachedDone();
          await firstPaint.untilShown();
          if (at !== generation) return;
        }
      }
    } finally {
      cachedDone();
    }
    await refresh().catch(() => undefined);
  }

  let last = { status: '', demo: false, email: null as string | null };
  let listEmail: string | null = null;

  function onSession(): Promise<void> {
    const s = session.view();
    const prev = last;
    last = { status: s.status, demo: s.demo, email: s.email };
    if (s.status === 'signedIn' && prev.status !== 'signedIn') {
      const sameList =
        s.demo === prev.demo && (s.email ?? '').toLowerCase() === (listEmail ?? '').toLowerCase();
      if (!sameList) reset();
      listEmail = s.email;
      return showAndRefresh(s.email, s.demo);
    }
    if (s.status === 'expired') {
      cancelTimer?.();
      cancelTimer = null;
      set({ stale: view.devices.length > 0, refreshing: false });
    } else if (s.status === 'signedOut' && prev.status !== 'signedOut') {
      reset();
      listEmail = null;
      // A real sign-out forgets the cached list too; ending the demo leaves the real one alone.
      if (!prev.demo) return cacheWrites.clear();
    }
    return Promise.resolve();
  }

  /**
   * Every reaction to a session change so far, so callers can wait for them all (e.g. sign-out):
   * chained, because a later change must not let `settled()` resolve before an earlier cache
   * clear has finished.
   */
  let settling: Promise<void> = Promise.resolve();
  session.onChange(() => {
    const reaction = onSession().catch((err: unknown) =>
      logger.error('inventory update failed', { err }),
    );
    settling = Promise.all([settling, reaction]).then(() => undefined);
  });

  /**
   * Forgets the cached list, on disk and in memory, then (when signed in) fetches it again. The
   * way out when a cached list cannot be shown (the renderer's error boundary). Resolves with
   * the new view even when the refresh fails: its error is in `view.error`.
   */
  async function resetCache(): Promise<CameraListView> {
    reset();
    await cacheWrites.clear();
    if (session.view().status === 'signedIn') await refresh().catch(() => undefined);
    return view;
  }

  return {
    view: (): CameraListView => view,
    /**
     * Resolves once a sign-in's cached list is in `view()` (or known not to be there): the first
     * screen written into the page waits for it (main/first-screen.ts).
     */
    cachedListShown: (): Promise<void> => cachedStep,
    /** A window has painted the list: a refresh held back for its first paint may start. */
    listShown: (): void => firstPaint.listShown(),
    /** A camera's latest picture URL and time from the last list (for main/thumbnails only). */
    thumbnail: (mac: string): { url: string; takenAt: number | null } | null =>
      thumbnails.get(mac) ?? null,
    refresh,
    resetCache,
    /** Called from the window (or page) visibility: refresh only while someone can see it. */
    setVisible(next: boolean): void {
      const wasHidden = !visible;
      visible = next;
      if (!watching()) {
        cancelTimer?.();
        cancelTimer = null;
      } else if (wasHidden) {
        const due = view.fetchedAt === null || now() - view.fetchedAt >= intervalMs;
        if (due && session.view().status === 'signedIn') void refresh().catch(() => undefined);
        else schedule();
      }
    },
    /**
     * Sets the automatic refresh period (the user's setting), held to 60 s – 24 h. A refresh
     * already waiting is rescheduled at the new pace, counted from now.
     */
    setRefreshInterval(seconds: number): void {
      const next = boundedIntervalMs(seconds);
      if (next === intervalMs) return;
      intervalMs = next;
      if (cancelTimer) schedule();
    },
    /** The automatic refresh period in use, in seconds. */
    refreshIntervalSec: (): number => intervalMs / 1000,
    /** Resolves when the inventory has caught up with the last session change. */
    settled: (): Promise<void> => settling,
    /** Starts from the session's current state (after session.init()). */
    start: (): Promise<void> => onSession(),
    stop(): void {
      generation++;
      cancelTimer?.();
      cancelTimer = null;
    },
    /** Resolves once the cache writes in flight are over: the process may exit without losing them. */
    flushed: (): Promise<void> => cacheWrites.idle(),
    onChange(listener: (view: CameraListView) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type Inventory = ReturnType<typeof createInventory>;
