import type { CameraEvent } from '../../../common/camera-events';
import { formatDateTime, formatMoment, isShowableTime } from '../../format';

/** "Porch"; a camera no longer on the account has no name in the list. */
export const eventCamera = (e: Pick<CameraEvent, 'cameraName'>): string =>
  e.cameraName || 'a removed camera';

/** "Motion at Porch, 4:12 PM" (a date too when not today): the picture's text alternative. */
export const eventTitle = (e: CameraEvent, now: number): string =>
  `${e.label} at ${eventCamera(e)}, ${formatMoment(e.at, now)}`;

/** The machine-readable time for `<time dateTime>`; undefined for a time that cannot be shown. */
export const isoTime = (at: number): string | undefined =>
  isShowableTime(at) ? new Date(at).toISOString() : undefined;

/** "27 Nov 2026, 16:12" */
export const eventDate = (at: number): string => formatDateTime(at);
