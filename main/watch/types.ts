/**
 * What the IPC handlers and the Electron layer need of keeping watch (main/watch/): the status
 * history, the notifications and the watch preferences. Implemented by main/watch/service.ts.
 */
import type { ExportResult } from '../../common/export';
import type {
  ActivityKind,
  ActivityPage,
  ActivityQuery,
  LastEvent,
  WatchEvent,
  WatchPrefsPatch,
  WatchState,
} from '../../common/watch';

export interface WatchService {
  state(): WatchState;
  setPrefs(patch: WatchPrefsPatch): Promise<WatchState>;
  listActivity(query: ActivityQuery): Promise<ActivityPage>;
  exportActivity(req: { mac: string | null; kinds: ActivityKind[] }): Promise<ExportResult>;
  markSeen(): Promise<WatchState>;
  /** Pauses notifications for NOTIFY_PAUSE_MS (tray menu), or resumes them (null). */
  pauseNotifications(until: number | null): void;
  /**
   * The event poll's newest event per camera (main/events/poller.ts): kept in the state for the
   * list's "Motion 4 min ago"; bumps eventsRevision when anything is newer than before.
   */
  setLastEvents(lastEvents: Record<string, LastEvent>): void;
  /** Every change of state, and clicked notifications; returns an unsubscribe. */
  onEvent(listener: (event: WatchEvent) => void): () => void;
}

/** A notification as main decides it (main/watch/notify.ts). */
export interface Notice {
  title: string;
  body: string;
  /** The cameras it is about (one, or several for a summary). */
  macs: string[];
}

/**
 * Shows native notifications: Electron's Notification in the app (main/notifier.ts); none in
 * the browser preview and the tests, where the Activity view is the record of what was shown.
 * `onClick` runs after the window is brought up, when the user clicks the notification.
 */
export interface Notifier {
  show(notice: Notice, onClick: () => void): void;
  /**
   * Takes back the notifications still on screen or in the notification centre (sign-out: they
   * name the account's cameras; docs/security.md, S26). Optional: a notifier may have none.
   */
  dismissAll?(): void;
}

/** Opens the app at login, or stops doing so (Electron's login-item API; main/login-item.ts). */
export type ApplyLoginItem = (openAtLogin: boolean) => Promise<void>;
