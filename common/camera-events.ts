/**
 * Camera events (motion, sound, person…) as the page sees them: from the cloud's get_event_list,
 * fetched and paged by main (docs/protocol.md, "Events"). The pictures and clips' cloud URLs are
 * pre-signed credentials and stay in main: the page gets paths on the app's own origin, which
 * main answers from its cache (docs/security.md, S27). No zod here: the page bundles this file.
 */

/** The kinds the app names; anything else the cloud labels is 'other' with the cloud's label. */
export const EVENT_KINDS = [
  'motion',
  'sound',
  'person',
  'vehicle',
  'pet',
  'package',
  'doorbell',
  'face',
  'smoke',
  'co',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface CameraEvent {
  /** The cloud's event id (bounded and checked by main). */
  id: string;
  mac: string;
  /** The camera's name in the current list ("" when it is no longer on the account). */
  cameraName: string;
  kind: EventKind;
  /** In plain words: "Motion", "Person", "Doorbell ring"; for 'other', the cloud's own label. */
  label: string;
  /** Epoch ms of the event. */
  at: number;
  /** A path on the app's origin for the event's picture (EVENT_MEDIA_PATH_PREFIX…); null if none. */
  picture: string | null;
  /** A path on the app's origin for the event's video clip (MP4); null if the event has none. */
  clip: string | null;
}

/** The path prefix event media is served under, on the app's own origin. */
export const EVENT_MEDIA_PATH_PREFIX = '/event-media/';

/** The most events one page may ask for. */
export const MAX_EVENT_PAGE = 50;
/** The longest event id main accepts from the cloud or the page. */
export const MAX_EVENT_ID_LENGTH = 128;

/** Which events: one camera's or the account's, newest first, older than `before`. */
export interface EventQuery {
  /** One camera; null for every camera on the account. */
  mac: string | null;
  /** Only events before this epoch ms (the last page's nextBefore); null for the newest. */
  before: number | null;
  limit: number;
}

export interface EventPage {
  events: CameraEvent[];
  /** Pass as `before` for the next page; null when the cloud has no more. */
  nextBefore: number | null;
}
