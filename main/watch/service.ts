/**
 * Keeping watch (main/watch/types.ts WatchService): records each fresh camera list's changes in
 * the status history, decides the notifications, answers the Activity view, and keeps the watch
 * preferences (docs/protocol.md, "Status history"; docs/security.md, S26). No Electron here: the
 * Electron layer hands in a Notifier and an ApplyLoginItem.
 */
import type { ExportResult } from '../../common/export';
import type { CameraListView, SessionView } from '../../common/view';
import type { ActivityKind, LastEvent, WatchEvent, WatchState } from '../../common/watch';
import type { Scheduler } from '../cameras/refresh-pace';
import { realScheduler } from '../cameras/refresh-pace';
import type { SaveFile } from '../export/export-cameras';
import { downloadInPage } from '../export/save-file';
import type { Logger } from '../logging/logger';
import { wyzeError } from '../wyze/errors';
import { activityCsv, activityFileName, pageOf, selectionOf } from './activity';
import { apiKeyAge, apiKeyRecordFor } from './api-key';
import { createBaselines } from './baseline';
import { camerasOf } from './changes';
import { memoryHistory, openHistory } from './history';
import { mergeLastEvents } from './last-events';
import type { HistoryStore } from './history';
import { createNotifyPlanner, noticeRecord } from './notify';
import type { ApplyLoginItem, Notice, Notifier, WatchService } from './types';
import { unseenSince } from './unseen';
import { emptyWatchFile, watchFiles } from './watch-file';

export interface WatchServiceOptions {
  userDataDir: string;
  logger: Logger;
  session: {
    view(): SessionView;
    onChange(listener: (view: SessionView) => void): () => void;
    /** The signed-in account's API key ID (main/session/session.ts); null when none. */
    apiKeyId(): string | null;
  };
  inventory: {
    view(): CameraListView;
    onChange(listener: (view: CameraListView) => void): () => void;
  };
  notifier?: Notifier;
  applyLoginItem?: ApplyLoginItem;
  /** Where the Activity export goes (as the camera export's); by default a download in the page. */
  saveFile?: SaveFile;
  scheduler?: Scheduler;
  now?: () => number;
  /** Development and tests only: the offline delay in ms instead of the user's minutes. */
  offlineAfterMs?: number | null;
}

/** Opens the watch files and starts listening to the session and the camera list. */
export async function createWatchService(opts: WatchServiceOptions) {
  const { logger, session, inventory } = opts;
  const now = opts.now ?? Date.now;
  const files = watchFiles(opts.userDataDir);
  let file = (await files.watch.read()) ?? emptyWatchFile();
  const accountHistory = await openHistory({ path: files.historyPath, logger, now });
  const baselines = createBaselines(files.baseline, logger);
  /** The demo's history and last look live in memory and end with it. */
  let demo: { history: HistoryStore; lastSeenAt: number | null } | null = null;
  let lastEvents: Record<string, LastEvent> = {};
  let historyRevision = 0;
  let eventsRevision = 0;
  let listFetchedAt: number | null = null;
  let offline = new Set<string>();
  const listeners = new Set<(event: WatchEvent) => void>();
  let work: Promise<void> = Promise.resolve();
  let saving: Promise<void> = Promise.resolve();

  /** Whose camera list the planner's waits and cooldowns are about (the last signed in). */
  let watchedEmail: string | null = null;
  const history = (): HistoryStore => demo?.history ?? accountHistory;
  const signedIn = (): boolean => session.view().status === 'signedIn';
  const paused = (): boolean => file.pausedUntil !== null && now() < file.pausedUntil;
  const lastSeenAt = (): number | null => (demo ? demo.lastSeenAt : file.lastSeenAt);
  function setLastSeen(at: number | null): void {
    if (demo) demo.lastSeenAt = at;
    else {
      file = { ...file, lastSeenAt: at };
      persist();
    }
  }

  function state(): WatchState {
    const view = session.view();
    return {
      prefs: file.prefs,
      pausedUntil: paused() ? file.pausedUntil : null,
      unseen: unseenSince(history().all(), lastSeenAt(), (mac) => offline.has(mac)),
      apiKey:
        file.apiKey && view.status === 'signedIn' && !view.demo
          ? apiKeyAge(file.apiKey, now())
          : null,
      lastEvents,
      historyRevision,
      eventsRevision,
    };
  }

  function emit(event: WatchEvent = { kind: 'state', state: state() }): void {
    for (const listener of listeners) listener(event);
  }

  function persist(): void {
    const snapshot = file;
    saving = saving
      .then(() => files.watch.write(snapshot))
      .catch((err: unknown) => logger.warn('could not save the watch settings', { err }));
  }

  /** Runs a reaction after the ones before it; `settled()` waits for all of them. */
  function enqueue(job: () => Promise<void>): void {
    work = work.then(job).catch((err: unknown) => logger.error('keeping watch failed', { err }));
  }

  const scheduler = opts.scheduler ?? realScheduler;
  /** The pause's end: the state is sent again then (it says "not paused" from that moment). */
  let cancelPauseEnd: (() => void) | null = null;
  /** The app is quitting (stop()): nothing more is shown or waited for. */
  let stopped = false;
  const planner = createNotifyPlanner({
    scheduler,
    now,
    offlineAfterMs: () => opts.offlineAfterMs ?? file.prefs.offlineAfterMin * 60_000,
    canNotify: (mac) =>
      !stopped &&
      file.prefs.notifications &&
      !paused() &&
      signedIn() &&
      !file.prefs.mutedMacs.includes(mac),
    isOffline: (mac) => offline.has(mac),
    show: (notice, mac) => {
      const account = watchedEmail;
      // A click after that account signed out only brings the window up: its camera is not shown.
      const focus = (): void => {
        if (signedIn() && account !== null && watchedEmail === account) {
          emit({ kind: 'focus-camera', mac });
        }
      };
      try {
        opts.notifier?.show(notice, focus);
      } catch (err) {
        // The system refused it (no notification server): it is still in the Activity view.
        logger.warn('could not show a notification', { err });
      }
      void recordNotice(notice);
    },
  });

  async function recordNotice(notice: Notice): Promise<void> {
    const nameOf = (mac: string) => inventory.view().devices.find((d) => d.mac === mac)?.name;
    await history().append([noticeRecord(notice, nameOf, now())]);
    historyRevision++;
    emit();
  }

  /** Compares a fresh list with the one before (or the last one recorded, after a launch). */
  async function recordList(view: CameraListView): Promise<void> {
    const s = session.view();
    if (s.status !== 'signedIn' || !s.email) return;
    const cameras = camerasOf(view.devices);
    offline = new Set(cameras.filter((c) => c.online === false).map((c) => c.mac));
    const who = { email: s.email, demo: s.demo };
    const before = s.demo ? null : await baselines.accountEmail();
    if (before !== null && before.toLowerCase() !== s.email.toLowerCase()) {
      // Another account signed in without a sign-out between (after an expired session): the
      // history on this computer is the previous account's, and goes as a sign-out would take it.
      await accountHistory.clear();
      setLastSeen(null);
      historyRevision++;
    }
    const changes = await baselines.compare(cameras, view.fetchedAt ?? now(), who);
    await history().append(
      changes.map(({ mac, ...c }) => ({ ...c, macs: [mac], title: null, body: null })),
    );
    if (changes.length) historyRevision++;
    if (!stopped) planner.onChanges(changes);
    if (lastSeenAt() === null) setLastSeen(now()); // a fresh install: nothing unseen before this
    emit();
  }

  let last: SessionView = session.view();
  session.onChange((s) => {
    const prev = last;
    last = s;
    if (s.demo && !demo) demo = { history: memoryHistory({ logger, now }), lastSeenAt: null };
    if (s.status === 'signedIn' && s.email) {
      // Another account after an expired session: the waits of the one before are not its own
      // (a camera of that account would otherwise be notified to this one).
      if (watchedEmail !== null && watchedEmail !== s.email.toLowerCase()) forgetSession();
      watchedEmail = s.email.toLowerCase();
    }
    if (s.status === 'signedIn' && !s.demo && prev.status !== 'signedIn') {
      const record = apiKeyRecordFor(file.apiKey, session.apiKeyId(), now());
      if (record !== file.apiKey) {
        file = { ...file, apiKey: record };
        persist();
      }
    }
    if (prev.demo && !s.demo) {
      demo = null;
      baselines.forgetDemo();
      forgetSession();
    } else if (
      s.status === 'signedOut' &&
      !prev.demo &&
      !['starting', 'signedOut'].includes(prev.status)
    ) {
      forgetSession();
      watchedEmail = null;
      // The history goes at sign-out (docs/security.md, S26); the preferences and the key's
      // first use stay: they are about this computer and the key, not the account's cameras.
      // A pause was the signed-in user's: it ends with the session.
      setLastSeen(null);
      endPause();
      enqueue(async () => {
        await Promise.all([accountHistory.clear(), baselines.clear()]);
      });
    }
    emit();
  });

  function setPause(until: number | null): void {
    cancelPauseEnd?.();
    cancelPauseEnd = until === null ? null : scheduler.schedule(() => emit(), until - now());
    if (file.pausedUntil === until) return;
    file = { ...file, pausedUntil: until };
    persist();
  }

  function endPause(): void {
    if (file.pausedUntil !== null || cancelPauseEnd) setPause(null);
  }

  /** Drops what belonged to the session that ended: timers, the last events, the list. */
  function forgetSession(): void {
    planner.reset();
    opts.notifier?.dismissAll?.();
    lastEvents = {};
    offline = new Set();
    listFetchedAt = null;
  }

  inventory.onChange((view) => {
    if (view.fetchedAt === null || view.fetchedAt === listFetchedAt || view.stale || view.error) {
      return;
    }
    listFetchedAt = view.fetchedAt;
    enqueue(() => recordList(view));
  });

  const service = {
    state,
    async setPrefs(patch): Promise<WatchState> {
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const prefs = { ...file.prefs, ...defined };
      if (prefs.startAtLogin !== file.prefs.startAtLogin && opts.applyLoginItem) {
        try {
          await opts.applyLoginItem(prefs.startAtLogin);
        } catch (err) {
          logger.warn('could not change the login item', { err });
          throw wyzeError('INTERNAL');
        }
      }
      file = { ...file, prefs };
      persist();
      emit();
      return state();
    },
    listActivity: (query) => Promise.resolve(pageOf(history().all(), query)),
    async exportActivity(req: {
      mac: string | null;
      kinds: ActivityKind[];
    }): Promise<ExportResult> {
      const records = selectionOf(history().all(), req.mac, req.kinds);
      const outcome = await (opts.saveFile ?? downloadInPage)({
        suggestedName: activityFileName(new Date(now())),
        content: activityCsv(records),
        format: 'csv',
      });
      return outcome.kind === 'cancelled' ? outcome : { ...outcome, count: records.length };
    },
    markSeen(): Promise<WatchState> {
      setLastSeen(now());
      emit();
      return Promise.resolve(state());
    },
    pauseNotifications(until: number | null): void {
      setPause(until);
      emit();
    },
    setLastEvents(next: Record<string, LastEvent>): void {
      const onList = new Set(inventory.view().devices.map((d) => d.mac));
      const merged = mergeLastEvents(lastEvents, next, onList);
      if (!merged.changed) return;
      lastEvents = merged.lastEvents;
      if (merged.newer) eventsRevision++;
      emit();
    },
    onEvent(listener: (event: WatchEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } satisfies WatchService;

  return {
    ...service,
    /**
     * Whether the camera list should keep refreshing while no window shows it: the user chose to
     * keep watching from the tray (main/cameras/inventory.ts). A window merely minimised does not
     * count: the refresh then waits, as it always has, until it is shown again.
     */
    keepsWatching: (): boolean => file.prefs.keepWatchingWhenClosed === true,
    /** Quit: no timer runs on and nothing more is notified (what is recorded stays). */
    stop(): void {
      planner.reset();
      cancelPauseEnd?.();
      cancelPauseEnd = null;
      stopped = true;
    },
    /** Resolves once every reaction so far is done (sign-out: the history is gone from disk). */
    settled: (): Promise<void> => work,
    /** Resolves once every write so far is on disk (quit). */
    flushed: async (): Promise<void> => {
      await work;
      await saving;
      await accountHistory.idle();
    },
  };
}

export type AppWatchService = Awaited<ReturnType<typeof createWatchService>>;
