/**
 * The camera list's view preferences: what the user searched, how the list is sorted, filtered
 * and grouped, which columns it shows and whether it is a table or pictures. Main keeps them in
 * settings.json (main/session/settings.ts) so they survive a refresh and a relaunch; the strict
 * schema that checks them at the IPC boundary is in common/ipc.ts (no zod here: the page bundles
 * this file).
 */

/** The columns of the camera table, in the order they are shown. */
export const COLUMN_IDS = [
  'name',
  'model',
  'status',
  'ip',
  'publicIp',
  'ssid',
  'firmware',
  'hardware',
  'mac',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** What each column is called in headers, chips and settings. */
export const COLUMN_LABELS: Readonly<Record<ColumnId, string>> = Object.freeze({
  name: 'Name',
  model: 'Model',
  status: 'Status',
  ip: 'IP address',
  publicIp: 'Public IP',
  ssid: 'Wi-Fi network',
  firmware: 'Firmware',
  hardware: 'Hardware',
  mac: 'MAC',
});

export const SORT_DIRECTIONS = ['ascending', 'descending'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export interface SortSpec {
  column: ColumnId;
  direction: SortDirection;
}

/** The statuses a filter can pick (the cloud's "not reported" is not offered). */
export const STATUS_FILTERS = ['online', 'offline', 'privacy'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** Each filter narrows the list; null (or false) means "any". Filters combine with AND. */
export interface CameraFilters {
  status: StatusFilter | null;
  /** A model code (e.g. WYZE_CAKP2JFUS). */
  model: string | null;
  firmware: string | null;
  /** A Wi-Fi network name (SSID). */
  ssid: string | null;
  sharedWithMe: boolean;
}

export const GROUP_BY = ['none', 'status', 'model', 'firmware', 'ssid'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export const VIEW_MODES = ['table', 'pictures'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];

/** Longest search text kept (and accepted over IPC). */
export const MAX_SEARCH_LENGTH = 200;
/**
 * Longest filter value accepted over IPC, in characters (zod counts code points): main bounds every
 * text the cloud sends to 256 of them (main/wyze/normalise.ts), so any value shown can be kept.
 */
export const MAX_FILTER_VALUE_LENGTH = 256;

/** The app's look: follow the system, or always light, or always dark. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Automatic refresh period bounds, in seconds: no faster than once a minute (docs/protocol.md,
 * "Rate limits"), no slower than once a day.
 */
export const MIN_REFRESH_INTERVAL_SEC = 60;
export const MAX_REFRESH_INTERVAL_SEC = 24 * 60 * 60;

export interface ViewPrefs {
  search: string;
  sort: SortSpec;
  filters: CameraFilters;
  groupBy: GroupBy;
  /** The columns shown; the name column is always shown whatever this says. */
  columns: ColumnId[];
  mode: ViewMode;
  theme: Theme;
  /** How often the list refreshes itself while the window is visible, in whole seconds. */
  refreshIntervalSec: number;
}

/** A change to some preferences; each one given replaces that preference whole. */
export type ViewPrefsPatch = Partial<ViewPrefs>;

export const NO_FILTERS: Readonly<CameraFilters> = Object.freeze({
  status: null,
  model: null,
  firmware: null,
  ssid: null,
  sharedWithMe: false,
});

/** The columns the table showed before they could be chosen. */
export const DEFAULT_COLUMNS: readonly ColumnId[] = Object.freeze([
  'name',
  'model',
  'status',
  'ip',
  'firmware',
  'mac',
]);

/** A fresh install's preferences: online first then by name (sorted by status), nothing hidden. */
export const defaultViewPrefs = (): ViewPrefs => ({
  search: '',
  sort: { column: 'status', direction: 'ascending' },
  filters: { ...NO_FILTERS },
  groupBy: 'none',
  columns: [...DEFAULT_COLUMNS],
  mode: 'table',
  theme: 'system',
  refreshIntervalSec: MIN_REFRESH_INTERVAL_SEC,
});

/** True when any filter narrows the list. */
export const hasActiveFilters = (f: CameraFilters): boolean =>
  f.status !== null || f.model !== null || f.firmware !== null || f.ssid !== null || f.sharedWithMe;
