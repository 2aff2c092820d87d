/**
 * Keeping watch over time: the status history main records between refreshes, the notifications
 * it shows, the Activity view's query, and the watch preferences (docs/protocol.md, "Status
 * history"; docs/security.md, S26). No zod here: the preload and the renderer bundle this file;
 * the strict schemas are in common/ipc.ts.
 */

/** What a change between two refreshes can be. */
export const CHANGE_KINDS = [
  'offline',
  'online',
  'privacy-on',
  'privacy-off',
  'firmware',
  'ip',
  'ssid',
  'name',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** What the Activity view lists: the changes, and every notification the app showed. */
export const ACTIVITY_KINDS = [...CHANGE_KINDS, 'notification'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** How each kind is named in filters, the timeline and the CSV file. */
export const ACTIVITY_KIND_LABELS: Readonly<Record<ActivityKind, string>> = Object.freeze({
  offline: 'Went offline',
  online: 'Came online',
  'privacy-on': 'Privacy mode on',
  'privacy-off': 'Privacy mode off',
  firmware: 'Firmware changed',
  ip: 'IP address changed',
  ssid: 'Wi-Fi network changed',
  name: 'Renamed',
  notification: 'Notification',
});

/** One line of the history: a change main saw, or a notification it showed. */
export interface ActivityRecord {
  /** Unique and ordered: a later record has a greater id (compare as strings). */
  id: string;
  kind: ActivityKind;
  /** Epoch ms when the app saw the change (or showed the notification). */
  at: number;
  /** The cloud's own time of an online/offline change (conn_state_ts), when it gave one. */
  cloudAt: number | null;
  /** The cameras it is about: one for a change; one or more for a notification. */
  macs: string[];
  /** The camera's name when it happened (for a summary notification: "3 cameras"). */
  cameraName: string;
  /** The value before and after, in plain words (e.g. firmware versions); null when none. */
  from: string | null;
  to: string | null;
  /** A notification's title and text as shown; null for a change. */
  title: string | null;
  body: string | null;
}

/** The most records one Activity page may ask for. */
export const MAX_ACTIVITY_PAGE = 500;
/** How long history is kept by default, in days. */
export const HISTORY_RETENTION_DAYS = 90;
/** The longest record id accepted over IPC. */
export const MAX_ACTIVITY_ID_LENGTH = 40;

/** The Activity view's question: newest first, narrowed by camera and kind, one page at a time. */
export interface ActivityQuery {
  /** One camera's timeline; null for every camera. */
  mac: string | null;
  /** The kinds shown; empty for all. */
  kinds: ActivityKind[];
  /** Records older than this id (the last page's nextCursor); null for the newest. */
  before: string | null;
  limit: number;
}

export interface ActivityPage {
  records: ActivityRecord[];
  /** Pass as `before` for the next page; null when there is none. */
  nextCursor: string | null;
  /** How many records match the query in all. */
  total: number;
}

/** What changed since the user last looked (the list's "while you were away" line). */
export interface UnseenSummary {
  /** Epoch ms the user last looked; null before the first look (nothing is "unseen" then). */
  lastSeenAt: number | null;
  /** Cameras that went offline since then and are still offline. */
  wentOffline: string[];
  /** How many changes were recorded since then. */
  changes: number;
}

/** Offline notification delay bounds, in minutes (default 5: flapping Wi-Fi is common). */
export const MIN_OFFLINE_AFTER_MIN = 1;
export const MAX_OFFLINE_AFTER_MIN = 120;
export const DEFAULT_OFFLINE_AFTER_MIN = 5;
/** At most one notification per camera per this many minutes. */
export const NOTIFY_COOLDOWN_MIN = 15;
/** How long "Pause notifications" lasts (tray menu). */
export const NOTIFY_PAUSE_MS = 60 * 60_000;
/** The most cameras that can be muted. */
export const MAX_MUTED = 10_000;
/** From this many days after a key ID was first used here, the app reminds that keys last a year. */
export const API_KEY_REMIND_AFTER_DAYS = 330;
export const API_KEY_LIFETIME_DAYS = 365;

export interface WatchPrefs {
  /** The global switch: notifications on camera changes. */
  notifications: boolean;
  /** A camera must stay offline this long before "offline" is notified, in minutes. */
  offlineAfterMin: number;
  /** Cameras whose changes never notify (they are still recorded). */
  mutedMacs: string[];
  /** Closing the window keeps watching from the tray; null until the user has been asked. */
  keepWatchingWhenClosed: boolean | null;
  /** Open the app (hidden, in the tray) when the user logs in. */
  startAtLogin: boolean;
}

export type WatchPrefsPatch = Partial<WatchPrefs>;

export const defaultWatchPrefs = (): WatchPrefs => ({
  notifications: true,
  offlineAfterMin: DEFAULT_OFFLINE_AFTER_MIN,
  mutedMacs: [],
  keepWatchingWhenClosed: null,
  startAtLogin: false,
});

/** The API key's age, for the yearly reminder; null in the demo or before a key was used. */
export interface ApiKeyAge {
  /** Epoch ms this key ID was first used on this computer. */
  firstUsedAt: number;
  ageDays: number;
  /** True from day API_KEY_REMIND_AFTER_DAYS. */
  remind: boolean;
}

/** A camera's newest event, for the list ("Motion 4 min ago"). */
export interface LastEvent {
  kind: string;
  /** The cloud's label in plain words ("Motion", "Person"). */
  label: string;
  at: number;
}

/** Everything the page shows about keeping watch, pushed on `event:watch` whenever it changes. */
export interface WatchState {
  prefs: WatchPrefs;
  /** Notifications are paused (tray menu) until this epoch ms; null when not paused. */
  pausedUntil: number | null;
  unseen: UnseenSummary;
  apiKey: ApiKeyAge | null;
  /** Newest event per camera MAC, from the last event poll. */
  lastEvents: Record<string, LastEvent>;
  /** Bumped whenever a record is added to the history (the Activity view re-reads its page). */
  historyRevision: number;
  /** Bumped whenever the event poll found new events. */
  eventsRevision: number;
}

/** What main pushes on `event:watch`. */
export type WatchEvent =
  | { kind: 'state'; state: WatchState }
  /** A notification was clicked: the window is up; show this camera. */
  | { kind: 'focus-camera'; mac: string };

/** The state before main has said anything (the page's initial store, tests). */
export const initialWatchState = (): WatchState => ({
  prefs: defaultWatchPrefs(),
  pausedUntil: null,
  unseen: { lastSeenAt: null, wentOffline: [], changes: 0 },
  apiKey: null,
  lastEvents: {},
  historyRevision: 0,
  eventsRevision: 0,
});
