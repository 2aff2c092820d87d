import type { ExportResult } from '../../common/export';
import type { ErrorDto, Result } from '../../common/result';
import { initialWatchState } from '../../common/watch';
import type {
  ActivityKind,
  ActivityPage,
  ActivityQuery,
  WatchEvent,
  WatchPrefsPatch,
  WatchState,
} from '../../common/watch';
import { wyze } from '../api';

/**
 * Keeping watch, page side (docs/protocol.md, "Status history"): main's WatchState as it last
 * pushed it (`getWatch`, then `event:watch`), which view of the camera screen is shown, and the
 * actions on the watch preferences and the Activity history. Only this slice calls those verbs.
 */

/** The views of the camera screen, in the navigation's order (Alt+1…4). */
export const APP_VIEWS = ['cameras', 'activity', 'events', 'firmware'] as const;
export type AppView = (typeof APP_VIEWS)[number];

export const APP_VIEW_LABELS: Readonly<Record<AppView, string>> = {
  cameras: 'Cameras',
  activity: 'Activity',
  events: 'Events',
  firmware: 'Firmware',
};

/** Where the view shown is kept, so it survives a reload of the page (not a relaunch). */
export const VIEW_STORAGE_KEY = 'wyzecam.view';

const isAppView = (value: unknown): value is AppView =>
  typeof value === 'string' && (APP_VIEWS as readonly string[]).includes(value);

function storedView(): AppView {
  try {
    const value = window.sessionStorage.getItem(VIEW_STORAGE_KEY);
    return isAppView(value) ? value : 'cameras';
  } catch {
    return 'cameras'; // storage refused (a locked-down profile): the first view
  }
}

function keepView(view: AppView): void {
  try {
    window.sessionStorage.setItem(VIEW_STORAGE_KEY, view);
  } catch {
    // Not kept across a reload; the view still changes.
  }
}

/** The camera and kinds the Activity view shows (and its export writes). */
export interface ActivityFilter {
  mac: string | null;
  kinds: ActivityKind[];
}

export interface WatchSlice {
  /** What main last said about keeping watch. */
  watch: WatchState;
  appView: AppView;
  /** The Activity view's filter, kept while the user visits other views. */
  activityFilter: ActivityFilter;
  /** The watch-preference change on its way, and the last one's failure (settings, mute). */
  savingWatchPrefs: boolean;
  watchPrefsError: ErrorDto | null;
  /** "Remind me later" on the API key reminder: for this session of the page only. */
  apiKeyReminderDismissed: boolean;
  /** Reads main's watch state (once, at start). */
  loadWatch(): Promise<void>;
  /** Applies main's `event:watch`: a new state, or a clicked notification's camera. */
  receiveWatch(event: WatchEvent): void;
  showView(view: AppView): void;
  setActivityFilter(filter: ActivityFilter): void;
  /** Applies at once and asks main to keep it; resolves false when main refused (see watchPrefsError). */
  setWatchPrefs(patch: WatchPrefsPatch): Promise<boolean>;
  setCameraMuted(mac: string, muted: boolean): Promise<boolean>;
  /** "Now" becomes the user's last look: the "while you were away" banner empties. */
  markActivitySeen(): Promise<void>;
  /** One page of the history (the Activity view, a camera's timeline, the Firmware view). */
  listActivity(query: ActivityQuery): Promise<Result<ActivityPage>>;
  /** The Activity view as filtered, as CSV (main's save dialog, or a download in the preview). */
  exportActivity(filter: ActivityFilter): Promise<Result<ExportResult>>;
  dismissApiKeyReminder(): void;
}

/** The watch fields a fresh page starts with (also what tests reset to). */
export const initialWatch = () => ({
  watch: initialWatchState(),
  appView: storedView(),
  activityFilter: { mac: null, kinds: [] } as ActivityFilter,
  savingWatchPrefs: false,
  watchPrefsError: null,
  apiKeyReminderDismissed: false,
});

const UNREACHABLE: ErrorDto = {
  code: 'INTERNAL',
  message: 'The app stopped answering. Restart it and try again.',
};

/** A bridge call that throws (the app is gone) as a failed Result, so callers handle one shape. */
async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, error: UNREACHABLE };
  }
}

const UNEXPECTED: ErrorDto = {
  code: 'INTERNAL',
  message: 'The app answered something this page cannot read. Restart it and try again.',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * The shape checks the page makes of main's answers before it keeps them (main validates what it
 * sends; an answer from a mismatched or broken bridge is refused here, never rendered).
 */
const looksLikeState = (value: unknown): value is WatchState =>
  isRecord(value) && isRecord(value.prefs) && isRecord(value.unseen) && isRecord(value.lastEvents);

const looksLikePage = (value: unknown): value is ActivityPage =>
  isRecord(value) && Array.isArray(value.records) && typeof value.total === 'number';

/** A Result whose value failed its shape check as a failed one. */
function checked<T>(result: Result<unknown>, looksRight: (v: unknown) => v is T): Result<T> {
  if (!result.ok) return result;
  return looksRight(result.value)
    ? { ok: true, value: result.value }
    : { ok: false, error: UNEXPECTED };
}

/** What this slice needs from the rest of the store: the details pane's selection. */
interface Host extends WatchSlice {
  selectCamera(mac: string): void;
}

type Set = (partial: Partial<WatchSlice> | ((s: Host) => Partial<WatchSlice>)) => void;
type Get = () => Host;

export function createWatchSlice(set: Set, get: Get): WatchSlice {
  /** Bumped by every state main sends: an older read's answer must not replace a newer state. */
  let stateSeq = 0;
  /** Bumped by every preference change, so only the newest one's answer is applied. */
  let prefsSeq = 0;

  function applyState(state: WatchState): void {
    if (!looksLikeState(state)) return;
    stateSeq += 1;
    set({ watch: state });
  }

  return {
    ...initialWatch(),
    async loadWatch() {
      const seq = stateSeq;
      const result = await settle(() => wyze().getWatch());
      // A state pushed while this read was on its way is newer.
      if (result.ok && seq === stateSeq) applyState(result.value);
    },
    receiveWatch(event) {
      if (event.kind === 'state') {
        applyState(event.state);
        return;
      }
      // A notification was clicked: show that camera's details on the camera list.
      get().showView('cameras');
      get().selectCamera(event.mac);
    },
    showView(view) {
      keepView(view);
      set({ appView: view });
    },
    setActivityFilter: (activityFilter) => set({ activityFilter }),
    async setWatchPrefs(patch) {
      const seq = ++prefsSeq;
      const before = get().watch;
      set({
        watch: { ...before, prefs: { ...before.prefs, ...patch } },
        savingWatchPrefs: true,
        watchPrefsError: null,
      });
      const result = checked(await settle(() => wyze().setWatchPrefs(patch)), looksLikeState);
      if (seq !== prefsSeq) return result.ok; // a newer change answers for the screen
      if (result.ok) {
        applyState(result.value);
        set({ savingWatchPrefs: false });
      } else {
        // Show what main keeps, not what it refused.
        set((s) => ({
          watch: { ...s.watch, prefs: before.prefs },
          savingWatchPrefs: false,
          watchPrefsError: result.error,
        }));
      }
      return result.ok;
    },
    setCameraMuted(mac, muted) {
      const current = get().watch.prefs.mutedMacs.filter((m) => m !== mac);
      return get().setWatchPrefs({ mutedMacs: muted ? [...current, mac] : current });
    },
    async markActivitySeen() {
      const result = await settle(() => wyze().markActivitySeen());
      if (result.ok) applyState(result.value);
    },
    listActivity: async (query) =>
      checked(await settle(() => wyze().listActivity(query)), looksLikePage),
    exportActivity: ({ mac, kinds }) =>
      settle(() => wyze().exportActivity({ mac, kinds: [...kinds] })),
    dismissApiKeyReminder: () => set({ apiKeyReminderDismissed: true }),
  };
}
