import type { ErrorDto, Result } from '../../common/result';
import { initialWatchState } from '../../common/watch';
import type { ActivityKind, WatchEvent, WatchState } from '../../common/watch';
import { wyze } from '../api';

/**
 * Keeping watch, page side (docs/protocol.md, "Status history"): main's WatchState as it last
 * pushed it (`getWatch`, then `event:watch`) and which view of the camera screen is shown. The
 * actions on the watch preferences and the Activity history are in store/watch-actions.ts, which
 * loads with the views that offer them.
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
export async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, error: UNREACHABLE };
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * The shape check the page makes of main's watch state before it keeps it (main validates what it
 * sends; an answer from a mismatched or broken bridge is refused here, never rendered).
 */
export const looksLikeWatchState = (value: unknown): value is WatchState =>
  isRecord(value) && isRecord(value.prefs) && isRecord(value.unseen) && isRecord(value.lastEvents);

/** What this slice needs from the rest of the store: the details pane's selection. */
interface Host extends WatchSlice {
  selectCamera(mac: string): void;
}

type Set = (partial: Partial<WatchSlice> | ((s: Host) => Partial<WatchSlice>)) => void;
type Get = () => Host;

export function createWatchSlice(set: Set, get: Get): WatchSlice {
  /** Bumped by every state main sends: an older read's answer must not replace a newer state. */
  let stateSeq = 0;

  function applyState(state: WatchState): void {
    if (!looksLikeWatchState(state)) return;
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
    dismissApiKeyReminder: () => set({ apiKeyReminderDismissed: true }),
  };
}
