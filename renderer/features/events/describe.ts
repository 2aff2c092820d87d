import type { CameraEvent } from '../../../common/camera-events';
import { formatDateTime, formatMoment, isShowableTime } from '../../format';
import { sinceEvent } from './clock';

/** "Porch"; a camera no longer on the account has no name in the list. */
export const eventCamera = (e: Pick<CameraEvent, 'cameraName'>): string =>
  e.cameraName || 'a removed camera';

/** "Motion at Porch, 4:12 PM" (a date too when not today): the picture's text alternative. */
export const eventTitle = (e: CameraEvent, now: number): string =>
  `${e.label} at ${eventCamera(e)}, ${formatMoment(e.at, now)}`;

/** The machine-readable time for `<time dateTime>`; undefined for a time that cannot be shown. */
export const isoTime = (at: number): string | undefined =>
  isShowableTime(at) ? new Date(at).toISOString() : undefined;

/** Up to this age a card says "5 h ago" before the date; past it, "ago" would be the date again. */
const RELATIVE_FOR_MS = 48 * 3_600_000;

/** "4 min ago · 27 Nov 2026, 16:12"; only the date once it is two days old (or in the future). */
export function eventWhen(at: number, now: number): string {
  const date = formatDateTime(at);
  const age = now - at;
  if (!isShowableTime(at) || !isShowableTime(now) || age >= RELATIVE_FOR_MS || age < -60_000) {
    return date;
  }
  return `${sinceEvent(at, now)} · ${date}`;
}
