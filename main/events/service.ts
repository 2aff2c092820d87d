import { EVENT_MEDIA_PATH_PREFIX } from '../../common/camera-events';
import type { CameraEvent, EventPage, EventQuery } from '../../common/camera-events';
import type { SessionView } from '../../common/view';
import { WyzeError, wyzeError } from '../wyze/errors';
import { MAX_EVENTS_PER_CALL } from '../wyze/reads';
import type { WyzeClient } from '../wyze/client';
import type { CloudEvent } from './normalise';
import type { EventMedia } from './media';
import type { EventsService } from './types';

/** How far back one page looks from its `before` (docs/protocol.md, "Events"). */
export const EVENT_WINDOW_MS = 30 * 86_400_000;

/** A camera as the service needs it: from the inventory's current list. */
export interface EventCamera {
  mac: string;
  name: string;
  isCamera: boolean;
}

export interface EventsSession {
  view(): SessionView;
  client(): Pick<WyzeClient, 'getEventList'>;
}

export interface EventsServiceOptions {
  session: EventsSession;
  /** The current camera list. */
  cameras: () => readonly EventCamera[];
  media: Pick<EventMedia, 'remember'>;
  now?: () => number;
}

/** The path the page loads an event's picture or clip from (docs/security.md, S27). */
export const eventMediaPath = (id: string, part: 'picture' | 'clip'): string =>
  `${EVENT_MEDIA_PATH_PREFIX}${encodeURIComponent(id)}/${part === 'picture' ? 'picture.jpg' : 'clip.mp4'}`;

/** A page of events as the cloud gave it, with how many items it sent (to tell a full page). */
export interface CloudPage {
  events: CloudEvent[];
  /** The page was full: older events may follow. */
  full: boolean;
}

/**
 * Camera events for the page (docs/protocol.md, "Events"): one camera's (it must be on the
 * current list) or the account's, newest first, paging backwards in time; each event's file
 * URLs kept by main and replaced by paths on the app's origin.
 */
export function createEventsService(opts: EventsServiceOptions): EventsService & {
  /** The newest page of the whole account, for the poller; its media is remembered too. */
  newest(): Promise<CloudPage>;
} {
  const now = opts.now ?? Date.now;

  function signedIn(): void {
    const { status } = opts.session.view();
    if (status === 'signedIn') return;
    throw wyzeError(status === 'expired' ? 'SESSION_EXPIRED' : 'NOT_SIGNED_IN');
  }

  async function fetchPage(mac: string | null, before: number | null, limit: number) {
    signedIn();
    const end = before === null ? now() : before - 1;
    const count = Math.min(limit, MAX_EVENTS_PER_CALL);
    if (end < 0) return { events: [], full: false };
    const result = await opts.session.client().getEventList({
      macs: mac === null ? [] : [mac],
      begin: Math.max(0, end - EVENT_WINDOW_MS),
      end,
      count,
    });
    // Newest first whatever order the cloud used; nothing newer than asked for.
    const events = result.events.filter((e) => e.at <= end).sort((a, b) => b.at - a.at);
    for (const event of events) {
      opts.media.remember(event.id, { picture: event.pictureUrl, clip: event.clipUrl });
    }
    return { events, full: result.received >= count };
  }

  async function list(query: EventQuery): Promise<EventPage> {
    const cameras = opts.cameras();
    if (query.mac !== null && !cameras.some((c) => c.isCamera && c.mac === query.mac)) {
      throw new WyzeError('INVALID_ARGUMENT', 'That camera is not on the account.');
    }
    const page = await fetchPage(query.mac, query.before, query.limit);
    const names = new Map(cameras.map((c) => [c.mac, c.name]));
    const events = page.events.map((e): CameraEvent => ({
      id: e.id,
      mac: e.mac,
      cameraName: names.get(e.mac) ?? '',
      kind: e.kind,
      label: e.label,
      at: e.at,
      picture: e.pictureUrl ? eventMediaPath(e.id, 'picture') : null,
      clip: e.clipUrl ? eventMediaPath(e.id, 'clip') : null,
    }));
    const oldest = events.at(-1);
    return { events, nextBefore: page.full && oldest ? oldest.at : null };
  }

  return { list, newest: () => fetchPage(null, null, MAX_EVENTS_PER_CALL) };
}
