import type { DeviceDto } from '../../common/view';
import {
  createSearchCache,
  filterCameras,
  filterOptions,
  groupCameras,
  sortCameras,
} from '../../common/camera-query';
import type { CameraGroup } from '../../common/camera-query';
import type { SortSpec } from '../../common/prefs';
import type { Store } from './index';

/**
 * Derived data, computed from the list main sent rather than stored beside it. Each selector is
 * memoised on the device array, which keeps its identity while no device changes (the delta
 * logic reuses it), so an unchanged list gives the same results, and the same arrays.
 */
function fromDevices<T>(compute: (devices: DeviceDto[], previous: T | undefined) => T) {
  let lastDevices: DeviceDto[] | undefined;
  let lastResult: T | undefined;
  return (state: Pick<Store, 'list'>): T => {
    const devices = state.list.devices;
    if (devices !== lastDevices || lastResult === undefined) {
      lastResult = compute(devices, lastResult);
      lastDevices = devices;
    }
    return lastResult;
  };
}

const sameStrings = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * Devices by MAC. A Map, not an object: built before the first rows are drawn, and an object of
 * 5,000 keys took 15 ms there in a relaunch profile (a Map builds about 4× faster, cold).
 */
export const selectDevicesByMac = fromDevices(
  (devices): ReadonlyMap<string, DeviceDto> => new Map(devices.map((d) => [d.mac, d])),
);

/** One device by MAC; undefined when it is gone. */
export const selectDevice =
  (mac: string) =>
  (state: Pick<Store, 'list'>): DeviceDto | undefined =>
    selectDevicesByMac(state).get(mac);

/** One argument's last result: the same output object while the inputs are the same objects. */
function memoLast<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | undefined;
  let lastResult: R | undefined;
  return (...args: A): R => {
    if (!lastArgs || args.some((a, i) => a !== lastArgs?.[i])) {
      lastResult = compute(...args);
      lastArgs = args;
    }
    return lastResult as R;
  };
}

/** A row of the camera table: a group's header, or one camera. */
export type ListRow =
  { kind: 'group'; key: string; label: string; count: number } | { kind: 'camera'; mac: string };

const sameRow = (a: ListRow, b: ListRow): boolean =>
  a === b ||
  (a.kind === 'group'
    ? b.kind === 'group' && a.key === b.key && a.label === b.label && a.count === b.count
    : b.kind === 'camera' && a.mac === b.mac);

// Each step is memoised on its own inputs, so a search keystroke does not sort again and a
// device that changed without moving keeps every array below (its row re-renders, not the table).
const sortedCameras = memoLast((devices: DeviceDto[], sort: SortSpec) =>
  sortCameras(
    devices.filter((d) => d.isCamera),
    sort,
  ),
);
const filteredCameras = memoLast(filterCameras);
// A search being typed or erased reuses what the last keystrokes found (camera-search.ts).
const searchedCameras = createSearchCache();
const groupedCameras = memoLast(groupCameras);
// One row object per device object, made once: a keystroke that shows all 5,000 cameras again
// builds no 5,000 new objects (and compares each with itself first, in selectListRows).
const cameraRows = new WeakMap<DeviceDto, ListRow>();
function cameraRow(d: DeviceDto): ListRow {
  let row = cameraRows.get(d);
  if (!row) {
    row = { kind: 'camera', mac: d.mac };
    cameraRows.set(d, row);
  }
  return row;
}
const groupedRows = memoLast((groups: CameraGroup[]): ListRow[] => {
  const rows: ListRow[] = [];
  for (const g of groups) {
    rows.push({ kind: 'group', key: g.key, label: g.label, count: g.count });
    for (const d of g.devices) rows.push(cameraRow(d));
  }
  return rows;
});
// Not grouped, the rows of one array of cameras shown are made once: the search cache gives the
// same array for a search typed again (erasing back) and for the empty search, so a keystroke
// back to all 5,000 cameras builds no row array (up to ~4 ms a keystroke in a profile).
const ungroupedRowCache = new WeakMap<readonly DeviceDto[], ListRow[]>();
function ungroupedRows(shown: readonly DeviceDto[]): ListRow[] {
  let rows = ungroupedRowCache.get(shown);
  if (!rows) {
    rows = shown.map(cameraRow);
    ungroupedRowCache.set(shown, rows);
  }
  return rows;
}

type ViewState = Pick<Store, 'list' | 'viewPrefs'>;

/** The cameras the view shows: sorted, filtered and searched as the preferences say. */
export function selectShownCameras(state: ViewState): DeviceDto[] {
  const { sort, filters, search } = state.viewPrefs;
  return searchedCameras(filteredCameras(sortedCameras(state.list.devices, sort), filters), search);
}

/** The shown cameras in groups (one group of all when not grouped), with counts. */
export function selectCameraGroups(state: ViewState): CameraGroup[] {
  return groupedCameras(selectShownCameras(state), state.viewPrefs.groupBy);
}

let previousRows: ListRow[] = [];
/**
 * The table's rows: group headers (when grouped) and cameras, in display order. The same array
 * as before while the rows are the same, even when a device changed.
 */
export function selectListRows(state: ViewState): ListRow[] {
  const rows =
    state.viewPrefs.groupBy === 'none'
      ? ungroupedRows(selectShownCameras(state))
      : groupedRows(selectCameraGroups(state));
  if (rows !== previousRows) {
    const same =
      rows.length === previousRows.length &&
      rows.every((r, i) => sameRow(r, previousRows[i] as ListRow));
    if (!same) previousRows = rows;
  }
  return previousRows;
}

let previousOrder: string[] = [];
/**
 * Camera MACs in display order (after search, filters, sort and grouping): what is exported and
 * what arrow keys move through. The same array while the order is the same.
 */
export function selectCameraOrder(state: ViewState): string[] {
  const order = selectCameraGroups(state).flatMap((g) => g.devices.map((d) => d.mac));
  if (!sameStrings(previousOrder, order)) previousOrder = order;
  return previousOrder;
}

/** How many cameras the view shows after search and filters. */
export const selectShownCount = (state: ViewState): number => selectShownCameras(state).length;

/** The values the model, firmware and Wi-Fi network filters can take on this account. */
export const selectFilterOptions = fromDevices((devices) =>
  filterOptions(devices.filter((d) => d.isCamera)),
);

/** No values yet: what the filters offer before their values are computed (after the first paint). */
export const NO_FILTER_OPTIONS: ReturnType<typeof selectFilterOptions> = Object.freeze({
  models: [],
  firmware: [],
  ssids: [],
});

export interface CameraCounts {
  cameras: number;
  online: number;
  /** Wyze devices on the account that are not cameras (plugs, sensors…). */
  others: number;
}

/** How many cameras, how many of them online, and how many other devices. */
export const selectCameraCounts = fromDevices((devices): CameraCounts => {
  let cameras = 0;
  let online = 0;
  for (const d of devices) {
    if (!d.isCamera) continue;
    cameras++;
    if (d.online === true) online++;
  }
  return { cameras, online, others: devices.length - cameras };
});
