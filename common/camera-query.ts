/**
 * Find and order cameras: sort, filter and group as pure functions over the device list, plus the
 * search of camera-search.ts, re-exported here (the renderer memoises them in
 * renderer/store/selectors.ts). No zod, no DOM: the page bundles it.
 */
import type { CameraFilters, ColumnId, GroupBy, SortSpec, StatusFilter, ViewPrefs } from './prefs';
import { searchCameras } from './camera-search';
import type { DeviceDto } from './view';

export {
  createSearchCache,
  foldText,
  matchesSearch,
  prepareSearch,
  searchCameras,
  searchTerms,
} from './camera-search';

export type StatusKind = StatusFilter | 'unknown';

/**
 * What the cloud says of a camera's state: privacy mode is a camera that is online but switched
 * off in the Wyze app; "unknown" when the cloud did not say (docs/protocol.md, "Device list").
 */
export function statusKind(d: Pick<DeviceDto, 'online' | 'poweredOn'>): StatusKind {
  if (d.online === true) return d.poweredOn === false ? 'privacy' : 'online';
  return d.online === false ? 'offline' : 'unknown';
}

/**
 * How the status column sorts: online first, then offline, then not reported. A camera in privacy
 * mode is online (the cloud says so; it is only switched off), so it sorts with the online ones.
 */
const STATUS_RANK: Readonly<Record<StatusKind, number>> = {
  online: 0,
  privacy: 0,
  offline: 1,
  unknown: 2,
};

/** The order of the groups when grouped by status: privacy mode gets its own, after online. */
const STATUS_GROUP_RANK: Readonly<Record<StatusKind, number>> = {
  online: 0,
  privacy: 1,
  offline: 2,
  unknown: 3,
};

export const STATUS_LABELS: Readonly<Record<StatusKind, string>> = {
  online: 'Online',
  privacy: 'Privacy mode',
  offline: 'Offline',
  unknown: 'Not reported',
};

// ----- Sort --------------------------------------------------------------------------------------

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** An IPv4 address as a number, so 10.0.0.9 sorts before 10.0.0.10; null for anything else. */
function ipv4Value(ip: string): number | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

function compareIps(a: string, b: string): number {
  const va = ipv4Value(a);
  const vb = ipv4Value(b);
  if (va !== null && vb !== null) return va - vb;
  if (va !== null || vb !== null) return va !== null ? -1 : 1;
  return collator.compare(a, b);
}

type Key = (d: DeviceDto) => string | null;
const KEYS: Readonly<Record<Exclude<ColumnId, 'status'>, Key>> = {
  name: (d) => d.name,
  model: (d) => d.modelName,
  ip: (d) => d.lanIp,
  publicIp: (d) => d.publicIp,
  ssid: (d) => d.ssid,
  firmware: (d) => d.firmware,
  hardware: (d) => d.hardware,
  mac: (d) => d.mac,
};

/** Name, then MAC: the order between cameras a column says nothing about. */
const byName = (a: DeviceDto, b: DeviceDto): number =>
  collator.compare(a.name, b.name) || (a.mac < b.mac ? -1 : a.mac > b.mac ? 1 : 0);

/**
 * Compares two cameras on one column only; null when one of them has no value (those go last
 * whatever the direction: "not reported" is never the answer to "the highest firmware").
 */
function compareColumn(column: ColumnId, a: DeviceDto, b: DeviceDto): number | null {
  if (column === 'status') return STATUS_RANK[statusKind(a)] - STATUS_RANK[statusKind(b)];
  const va = KEYS[column](a);
  const vb = KEYS[column](b);
  if (va === null || vb === null) return null;
  if (column === 'ip' || column === 'publicIp') return compareIps(va, vb);
  if (column === 'model') return collator.compare(va, vb) || collator.compare(a.model, b.model);
  return collator.compare(va, vb);
}

/** A comparator for a sort: the column in its direction, then by name and MAC, ascending. */
export function cameraComparator(sort: SortSpec): (a: DeviceDto, b: DeviceDto) => number {
  const sign = sort.direction === 'descending' ? -1 : 1;
  const column = sort.column;
  const missing = column === 'status' ? null : KEYS[column];
  return (a, b) => {
    const primary = compareColumn(column, a, b);
    if (primary === null && missing) {
      const aMissing = missing(a) === null;
      const bMissing = missing(b) === null;
      if (aMissing !== bMissing) return aMissing ? 1 : -1;
    }
    return (primary ?? 0) * sign || byName(a, b);
  };
}

/** The default order: online first (privacy mode too), then offline, not reported; then by name. */
export const compareCameras = cameraComparator({ column: 'status', direction: 'ascending' });

/** A sorted copy; the input is left as it was. */
export function sortCameras(devices: readonly DeviceDto[], sort: SortSpec): DeviceDto[] {
  return [...devices].sort(cameraComparator(sort));
}

// ----- Filter ------------------------------------------------------------------------------------

/** The devices every active filter lets through (filters combine with AND), in the order given. */
export function filterCameras(devices: readonly DeviceDto[], f: CameraFilters): DeviceDto[] {
  return devices.filter(
    (d) =>
      (f.status === null || statusKind(d) === f.status) &&
      (f.model === null || d.model === f.model) &&
      (f.firmware === null || d.firmware === f.firmware) &&
      (f.ssid === null || d.ssid === f.ssid) &&
      (!f.sharedWithMe || d.shared),
  );
}

export interface FilterOption {
  value: string;
  label: string;
  count: number;
}

function optionsOf(devices: readonly DeviceDto[], key: Key, labelOf: Key = key): FilterOption[] {
  const found = new Map<string, FilterOption>();
  for (const d of devices) {
    const value = key(d);
    if (value === null || value === '') continue;
    const option = found.get(value);
    if (option) option.count++;
    else found.set(value, { value, label: labelOf(d) ?? value, count: 1 });
  }
  return [...found.values()].sort(
    (a, b) => collator.compare(a.label, b.label) || collator.compare(a.value, b.value),
  );
}

/** The values each filter can take on this list, with how many cameras have each. */
export function filterOptions(devices: readonly DeviceDto[]): {
  models: FilterOption[];
  firmware: FilterOption[];
  ssids: FilterOption[];
} {
  return {
    models: optionsOf(
      devices,
      (d) => d.model,
      (d) => (d.modelName === d.model ? d.model : `${d.modelName} (${d.model})`),
    ),
    firmware: optionsOf(devices, (d) => d.firmware),
    ssids: optionsOf(devices, (d) => d.ssid),
  };
}

// ----- Group -------------------------------------------------------------------------------------

export interface CameraGroup {
  /** Stable across refreshes: the value grouped on, or "" for cameras without one. */
  key: string;
  label: string;
  count: number;
  devices: DeviceDto[];
}

/** The label of the group of cameras that did not report what is grouped on. */
export const NOT_REPORTED = 'Not reported';

function groupKey(d: DeviceDto, by: Exclude<GroupBy, 'none'>): { key: string; label: string } {
  switch (by) {
    case 'status': {
      const kind = statusKind(d);
      return { key: kind, label: STATUS_LABELS[kind] };
    }
    case 'model':
      return { key: d.model, label: d.modelName };
    case 'firmware':
      return { key: d.firmware ?? '', label: d.firmware ?? NOT_REPORTED };
    case 'ssid':
      return { key: d.ssid ?? '', label: d.ssid ?? NOT_REPORTED };
  }
}

/**
 * Cameras in groups, each keeping the order given, with its count. "none" gives one group of all
 * (none when there is no camera). Groups go by status rank, else by label, "Not reported" last.
 */
export function groupCameras(devices: readonly DeviceDto[], by: GroupBy): CameraGroup[] {
  if (by === 'none') {
    return devices.length === 0
      ? []
      : [{ key: '', label: 'All cameras', count: devices.length, devices: [...devices] }];
  }
  const groups = new Map<string, CameraGroup>();
  for (const d of devices) {
    const { key, label } = groupKey(d, by);
    const group = groups.get(key);
    if (group) {
      group.devices.push(d);
      group.count++;
    } else {
      groups.set(key, { key, label, count: 1, devices: [d] });
    }
  }
  const rank = (g: CameraGroup): number =>
    by === 'status' ? STATUS_GROUP_RANK[g.key as StatusKind] : g.key === '' ? 1 : 0;
  return [...groups.values()].sort(
    (a, b) => rank(a) - rank(b) || collator.compare(a.label, b.label) || (a.key < b.key ? -1 : 1),
  );
}

// ----- All together ------------------------------------------------------------------------------

export interface CameraQueryResult {
  groups: CameraGroup[];
  /** Cameras on the account (other Wyze devices are not listed). */
  total: number;
  /** Cameras left after filters and search. */
  shown: number;
}

/** Cameras only, sorted, filtered, searched and grouped as the preferences say. */
export function queryCameras(
  devices: readonly DeviceDto[],
  prefs: Pick<ViewPrefs, 'search' | 'sort' | 'filters' | 'groupBy'>,
): CameraQueryResult {
  const cameras = devices.filter((d) => d.isCamera);
  const found = searchCameras(
    filterCameras(sortCameras(cameras, prefs.sort), prefs.filters),
    prefs.search,
  );
  return { groups: groupCameras(found, prefs.groupBy), total: cameras.length, shown: found.length };
}
