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

/** How many page boundaries the service remembers the ids of (one per list the page reads). */
const MAX_BOUNDARIES = 64;

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

  /**
   * Ids already handed out at a page's boundary millisecond, by list (camera and page size: two
   * lists of one camera paging by different sizes have different boundaries) and `before`: the
   * next page asks for `end_time` = `before` itself and drops these, so events sharing that
   * millisecond are neither lost nor repeated (the cloud has no cursor; docs/protocol.md, "Events").
   */
  const boundaries = new Map<string, ReadonlySet<string>>();
  const boundaryKey = (list: string, before: number): string => `${list}@${before}`;

  function rememberBoundary(list: string, events: readonly CloudEvent[], before: number | null) {
    const oldest = events.at(-1);
    if (!oldest) return;
    const ids = new Set(events.filter((e) => e.at === oldest.at).map((e) => e.id));
    // A page whose events all share the boundary millisecond carries the earlier ones forward.
    if (before === oldest.at)
      for (const id of boundaries.get(boundaryKey(list, before)) ?? []) ids.add(id);
    boundaries.delete(boundaryKey(list, oldest.at));
    boundaries.set(boundaryKey(list, oldest.at), ids);
    while (boundaries.size > MAX_BOUNDARIES) {
      const first = boundaries.keys().next().value;
      if (first === undefined) break;
      boundaries.delete(first);
    }
  }

  async function askCloud(
    mac: string | null,
    end: number,
    count: number,
    skip: ReadonlySet<string>,
  ) {
    // Ask for as many more as will be dropped, so the page still holds `count` when it can.
    const asked = Math.min(count + skip.size, MAX_EVENTS_PER_CALL);
    const result = await opts.session.client().getEventList({
      macs: mac === null ? [] : [mac],
      begin: Math.max(0, end - EVENT_WINDOW_MS),
      end,
      count: asked,
    });
    // Newest first whatever order the cloud used; nothing newer than asked for; none handed out;
    // one camera's page only its events; an id the cloud repeated only once.
    const ids = new Set<string>();
    const events = result.events
      .filter((e) => {
        if (e.at > end || skip.has(e.id) || ids.has(e.id) || (mac !== null && e.mac !== mac)) {
          return false;
        }
        ids.add(e.id);
        return true;
      })
      .sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // Those cut off here are older than (or as old as) the last kept: the next page has them.
    return {
      events: events.slice(0, count),
      full: result.received >= asked || events.length > count,
    };
  }

  /** A page; `paging` when the page reads it (the poll's pages set no boundary for it). */
  async function fetchPage(
    mac: string | null,
    before: number | null,
    limit: number,
    paging: boolean,
  ) {
    signedIn();
    const count = Math.min(limit, MAX_EVENTS_PER_CALL);
    if (before !== null && before - 1 < 0) return { events: [], full: false };
    const list = `${mac ?? '*'}/${count}`;
    const seen = before === null ? undefined : boundaries.get(boundaryKey(list, before));
    // Without the boundary's ids (a `before` this service did not give) the page starts just
    // before it; with them it starts at it and drops them.
    let page = await askCloud(
      mac,
      before === null ? now() : seen ? before : before - 1,
      count,
      seen ?? new Set(),
    );
    if (before !== null && seen && page.full && page.events.length === 0) {
      // Every event the cloud gave was handed out already: more events share that millisecond
      // than a page holds, and the rest of it cannot be reached without a cursor; go on from
      // just before it rather than stall.
      page = await askCloud(mac, before - 1, count, new Set());
    }
    for (const event of page.events) {
      opts.media.remember(event.id, { picture: event.pictureUrl, clip: event.clipUrl });
    }
    if (paging) rememberBoundary(list, page.events, before);
    return page;
  }

  async function list(query: EventQuery): Promise<EventPage> {
    const cameras = opts.cameras();
    if (query.mac !== null && !cameras.some((c) => c.isCamera && c.mac === query.mac)) {
      throw new WyzeError('INVALID_ARGUMENT', 'That camera is not on the account.');
    }
    const page = await fetchPage(query.mac, query.before, query.limit, true);
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

  return {
    list,
    // An account with no camera has no events to watch: the poll spends none of the budget on it.
    newest: () =>
      opts.cameras().some((c) => c.isCamera)
        ? fetchPage(null, null, MAX_EVENTS_PER_CALL, false)
        : Promise.resolve({ events: [], full: false }),
  };
}
