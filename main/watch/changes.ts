/**
 * Change detection: one camera list against the one before it, as status-history records
 * (docs/protocol.md, "Status history"). Pure functions; the store and the ids are elsewhere.
 */
import type { ChangeKind } from '../../common/watch';
import type { DeviceDto } from '../../common/view';

/** What the history remembers of a camera between lists (the baseline file holds these). */
export interface CameraSighting {
  mac: string;
  name: string;
  online: boolean | null;
  statusChangedAt: number | null;
  poweredOn: boolean | null;
  firmware: string | null;
  lanIp: string | null;
  ssid: string | null;
}

/** A change before it has an id: the store gives it one when it is appended. */
export interface Change {
  kind: ChangeKind;
  at: number;
  cloudAt: number | null;
  mac: string;
  cameraName: string;
  from: string | null;
  to: string | null;
}

/** The fields of a device the history compares. */
export function sightingOf(
  d: Pick<DeviceDto, keyof CameraSighting> & Partial<DeviceDto>,
): CameraSighting {
  return {
    mac: d.mac,
    name: d.name,
    online: d.online,
    statusChangedAt: d.statusChangedAt,
    poweredOn: d.poweredOn,
    firmware: d.firmware,
    lanIp: d.lanIp,
    ssid: d.ssid,
  };
}

/** The cameras of a device list (a plug or a sensor has no history here), as sightings. */
export function camerasOf(devices: readonly DeviceDto[]): CameraSighting[] {
  return devices.filter((d) => d.isCamera).map(sightingOf);
}

/**
 * A sighting carried forward: a field the cloud did not report this time (null) keeps the value
 * it last reported, so a later report is compared with that value and not with "nothing".
 */
function carried(prev: CameraSighting, next: CameraSighting): CameraSighting {
  return {
    mac: next.mac,
    name: next.name,
    online: next.online ?? prev.online,
    statusChangedAt: next.statusChangedAt ?? prev.statusChangedAt,
    poweredOn: next.poweredOn ?? prev.poweredOn,
    firmware: next.firmware ?? prev.firmware,
    lanIp: next.lanIp ?? prev.lanIp,
    ssid: next.ssid ?? prev.ssid,
  };
}

type ValueField = 'firmware' | 'lanIp' | 'ssid';
const VALUE_FIELDS: readonly [ValueField, ChangeKind][] = [
  ['firmware', 'firmware'],
  ['lanIp', 'ip'],
  ['ssid', 'ssid'],
];

/**
 * The changes from `previous` to `next` (both lists of cameras), seen at `at`, and the baseline
 * to compare the next list with. Rules:
 * - a camera new to the list, or gone from it, is no change (it was added, removed or unshared);
 * - a field the cloud did not report (null) on either side is no change: null → value is the
 *   cloud reporting again, value → null is the cloud not saying, and the baseline keeps the last
 *   reported value for the next comparison;
 * - online/offline records carry the cloud's own time of the change (`statusChangedAt`).
 */
export function detectChanges(
  previous: readonly CameraSighting[],
  next: readonly CameraSighting[],
  at: number,
): { changes: Change[]; baseline: CameraSighting[] } {
  const before = new Map(previous.map((c) => [c.mac, c]));
  const changes: Change[] = [];
  const baseline: CameraSighting[] = [];
  for (const raw of next) {
    const prev = before.get(raw.mac);
    if (!prev) {
      baseline.push(raw);
      continue;
    }
    const cur = carried(prev, raw);
    baseline.push(cur);
    const base = { at, cloudAt: null, mac: cur.mac, cameraName: cur.name };
    if (prev.online !== null && raw.online !== null && prev.online !== raw.online) {
      changes.push({
        ...base,
        kind: raw.online ? 'online' : 'offline',
        cloudAt: raw.statusChangedAt,
        from: null,
        to: null,
      });
    }
    if (prev.poweredOn !== null && raw.poweredOn !== null && prev.poweredOn !== raw.poweredOn) {
      changes.push({
        ...base,
        kind: raw.poweredOn ? 'privacy-off' : 'privacy-on',
        from: null,
        to: null,
      });
    }
    for (const [field, kind] of VALUE_FIELDS) {
      const was = prev[field];
      const now = raw[field];
      if (was !== null && now !== null && was !== now) {
        changes.push({ ...base, kind, from: was, to: now });
      }
    }
    if (prev.name !== raw.name) {
      changes.push({ ...base, kind: 'name', from: prev.name, to: raw.name });
    }
  }
  return { changes, baseline };
}
