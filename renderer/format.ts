import type { DeviceDto } from '../common/view';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** The farthest a JavaScript Date reaches either side of 1970, in ms (ECMAScript, "Time Values"). */
const MAX_TIME = 8.64e15;

/** What every formatter says of a time it cannot show (NaN, ±Infinity, 1e17…). */
export const UNKNOWN_TIME = 'unknown';

/** A time a Date can hold; anything else makes Intl throw or shows "Invalid Date". */
export const isShowableTime = (ms: number): boolean =>
  Number.isFinite(ms) && Math.abs(ms) <= MAX_TIME;

/** "27 Nov 2026, 14:05"; "unknown" for a time that cannot be shown. Never throws. */
export const formatDateTime = (ms: number): string =>
  isShowableTime(ms) ? dateTime.format(ms) : UNKNOWN_TIME;

const dayOf = (ms: number): string => new Date(ms).toDateString();

/**
 * The time of day when `ms` falls on the same day as `now`, else the date and time (a rate limit
 * that lifts tomorrow must not read as a time today). "unknown" when it cannot be shown.
 */
export function formatMoment(ms: number, now: number): string {
  if (!isShowableTime(ms)) return UNKNOWN_TIME;
  return isShowableTime(now) && dayOf(ms) === dayOf(now) ? time.format(ms) : dateTime.format(ms);
}

export type StatusKind = 'online' | 'offline' | 'privacy' | 'unknown';

/**
 * What the cloud says about a camera, and nothing it does not (docs/protocol.md, "Device list").
 */
export function cameraStatus(d: Pick<DeviceDto, 'online' | 'poweredOn' | 'statusChangedAt'>): {
  kind: StatusKind;
  label: string;
} {
  if (d.online === true && d.poweredOn === false) return { kind: 'privacy', label: 'Privacy mode' };
  if (d.online === true) return { kind: 'online', label: 'Online' };
  if (d.online === false) {
    return {
      kind: 'offline',
      label:
        d.statusChangedAt !== null && d.statusChangedAt !== 0
          ? `Offline since ${formatDateTime(d.statusChangedAt)}`
          : 'Offline',
    };
  }
  return { kind: 'unknown', label: 'Not reported' };
}

/** Online first, then by name; the MAC breaks ties (common/camera-query.ts sorts every column). */
export { compareCameras } from '../common/camera-query';

/** "12 s ago", "5 min ago", "3 h ago", "on <date>"; "at an unknown time" when it cannot tell. */
export function ago(ms: number, now: number): string {
  if (!isShowableTime(ms) || !isShowableTime(now)) return `at an ${UNKNOWN_TIME} time`;
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
