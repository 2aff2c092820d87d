/**
 * Camera-list changes as main sends them to a renderer: a full snapshot first, then only what
 * changed. A refresh of 5,000 unchanged cameras sends three small metadata deltas instead of the
 * whole list three times. Pure functions, bundled by the renderer (no zod here).
 */
import type { DeviceDto, CameraListView } from './view';

/** Everything in a CameraListView but its devices. */
export type CameraListMeta = Omit<CameraListView, 'devices'>;

/**
 * The whole list. `revision` numbers the list states main has produced; it only grows, so a
 * renderer can tell an old snapshot or delta from a new one.
 */
export interface CamerasSnapshot {
  kind: 'snapshot';
  revision: number;
  list: CameraListView;
}

/** What changed between the list at revision `base` and the list at `revision`. */
export interface CamerasDelta {
  kind: 'delta';
  base: number;
  revision: number;
  meta: CameraListMeta;
  /** Devices that are new or differ from the base, whole. */
  changed: DeviceDto[];
  /** MACs of devices that are gone. */
  removed: string[];
  /**
   * Every MAC in list order, only when applying the above would not give the right order
   * (e.g. the cloud reordered its list, or a new device is not last).
   */
  order?: string[];
}

export type CamerasEvent = CamerasSnapshot | CamerasDelta;

/** What a delta carries besides its revisions: the result of comparing two lists. */
export type CameraListDiff = Pick<CamerasDelta, 'meta' | 'changed' | 'removed' | 'order'>;

/** Structural equality of JSON-like values (what a DeviceDto is made of). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  const bRecord = b as Record<string, unknown>;
  const aRecord = a as Record<string, unknown>;
  return aKeys.every((key) => Object.hasOwn(bRecord, key) && sameJson(aRecord[key], bRecord[key]));
}

/** A list's metadata: everything but its devices. */
export const metaOf = (view: CameraListView): CameraListMeta => ({
  fetchedAt: view.fetchedAt,
  stale: view.stale,
  refreshing: view.refreshing,
  error: view.error,
  rateLimitedUntil: view.rateLimitedUntil,
});

function hasDuplicateMacs(devices: readonly DeviceDto[]): boolean {
  return new Set(devices.map((d) => d.mac)).size !== devices.length;
}

/**
 * What changed from `prev` to `next`; null when the change cannot be told as a delta (a list with
 * the same MAC twice), in which case the caller sends a snapshot. Cost: O(devices), and nothing
 * at all when the device array is the same object (a change of metadata only).
 */
export function diffCameraLists(prev: CameraListView, next: CameraListView): CameraListDiff | null {
  const meta = metaOf(next);
  if (prev.devices === next.devices) return { meta, changed: [], removed: [] };
  if (hasDuplicateMacs(prev.devices) || hasDuplicateMacs(next.devices)) return null;
  const before = new Map(prev.devices.map((d) => [d.mac, d]));
  const nextMacs = new Set(next.devices.map((d) => d.mac));
  const removed = prev.devices.filter((d) => !nextMacs.has(d.mac)).map((d) => d.mac);
  const changed = next.devices.filter((d) => {
    const old = before.get(d.mac);
    return !old || !sameJson(old, d);
  });
  const diff: CameraListDiff = { meta, changed, removed };
  const applied = applyDeviceChanges(prev.devices, diff).map((d) => d.mac);
  const inOrder = applied.length === next.devices.length;
  if (!inOrder || applied.some((mac, i) => mac !== next.devices[i]?.mac)) {
    diff.order = next.devices.map((d) => d.mac);
  }
  return diff;
}

/**
 * The devices after a diff: removed ones dropped, changed ones replaced where they stood, new ones
 * appended, then put in `order` when the diff gives one. Unchanged devices keep their objects.
 */
function applyDeviceChanges(devices: readonly DeviceDto[], diff: CameraListDiff): DeviceDto[] {
  const byMac = new Map(devices.map((d) => [d.mac, d]));
  for (const mac of diff.removed) byMac.delete(mac);
  for (const device of diff.changed) byMac.set(device.mac, device);
  if (!diff.order) return [...byMac.values()];
  return diff.order.flatMap((mac) => {
    const device = byMac.get(mac);
    return device ? [device] : [];
  });
}

/** The list a delta describes, built on the list at its base revision. */
export function applyCameraDelta(list: CameraListView, delta: CameraListDiff): CameraListView {
  const devices =
    delta.changed.length || delta.removed.length || delta.order
      ? applyDeviceChanges(list.devices, delta)
      : list.devices;
  return { ...delta.meta, devices };
}
