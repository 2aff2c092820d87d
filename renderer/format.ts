import type { DeviceDto } from '../common/view';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export const formatDateTime = (ms: number): string => dateTime.format(ms);
export const formatTime = (ms: number): string => time.format(ms);

export type StatusKind = 'online' | 'offline' | 'privacy' | 'unknown';

/** What the cloud says about a camera, and nothing it does not (Part A, "Online"). */
export function cameraStatus(d: Pick<DeviceDto, 'online' | 'poweredOn' | 'statusChangedAt'>): {
  kind: StatusKind;
  label: string;
} {
  if (d.online === true && d.poweredOn === false) return { kind: 'privacy', label: 'Privacy mode' };
  if (d.online === true) return { kind: 'online', label: 'Online' };
  if (d.online === false) {
    return {
      kind: 'offline',
      label: d.statusChangedAt ? `Offline since ${formatDateTime(d.statusChangedAt)}` : 'Offline',
    };
  }
  return { kind: 'unknown', label: 'Not reported' };
}

const rank = (d: DeviceDto): number => (d.online === true ? 0 : d.online === false ? 1 : 2);
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Online first, then by name; the MAC breaks ties between cameras with the same name. */
export function compareCameras(a: DeviceDto, b: DeviceDto): number {
  return rank(a) - rank(b) || collator.compare(a.name, b.name) || a.mac.localeCompare(b.mac);
}

/** "12 s ago", "5 min ago", "3 h ago". */
export function ago(ms: number, now: number): string {
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ago`;
  return `on ${formatDateTime(ms)}`;
}

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n} ${n === 1 ? one : many}`;
