/**
 * Camera events as the page shows them (docs/protocol.md, "Events"): one list per question (every
 * camera, or one camera), newest first, read from main a page at a time. The state lives in the
 * one store (`cameraEvents`, `eventsCamera`); these actions and the subscription that keeps the
 * lists current load with the Events view or a details pane, not with the first screen
 * (renderer/README.md, "Bundle budget"). Pictures and clips are paths on the app's own origin
 * that main answers (docs/security.md, S27): nothing here fetches them.
 */
import type { CameraEvent, EventPage } from '../../common/camera-events';
import { MAX_EVENT_PAGE } from '../../common/camera-events';
import type { Result } from '../../common/result';
import { wyze } from '../api';
import { useStore } from './index';
import type { Store } from './index';

/** One question's events, as far as the page has read them. */
export interface EventList {
  /** Newest first, without duplicates. */
  events: readonly CameraEvent[];
  /** Where "Load more" continues; null when the cloud has no older events. */
  nextBefore: number | null;
  /** The first page: on its way, shown, or failed (with `error`). */
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  /** "Load more" is on its way; `moreError` says why the last one failed. */
  loadingMore: boolean;
  moreError: string | null;
  /**
   * Events newer than the list, found after main's poll saw new ones: shown when the user asks
   * ("N new events — show"), so the list never moves under the reader.
   */
  fresh: readonly CameraEvent[];
  /**
   * Set when the newer events do not reach the list (a whole page of them): showing them
   * replaces the list, and paging continues from here.
   */
  freshNextBefore: number | null | undefined;
}

/** The store's part for camera events (declared in store/index.ts, filled in here). */
export interface CameraEventsSlice {
  /** By `eventsKey(mac)`. */
  cameraEvents: Readonly<Record<string, EventList>>;
  /** The camera the Events view shows; null for every camera. */
  eventsCamera: string | null;
}

/** How many events one read asks for: one cloud call's worth (docs/protocol.md, "Events"). */
export const EVENTS_PAGE_SIZE = Math.min(20, MAX_EVENT_PAGE);

const ALL_CAMERAS = '*';

/** The key of a question's list: a camera's MAC, or '*' for every camera. */
export const eventsKey = (mac: string | null): string => mac ?? ALL_CAMERAS;

const UNREACHABLE = 'The app stopped answering. Restart it and try again.';

/** A list before its first page has come. */
const emptyList = (): EventList => ({
  events: [],
  nextBefore: null,
  status: 'loading',
  error: null,
  loadingMore: false,
  moreError: null,
  fresh: [],
  freshNextBefore: undefined,
});

/** Bumped when every list is forgotten (sign-out): answers to older reads are dropped. */
let generation = 0;
/** Per list, bumped by each first-page read: an older read's answer is dropped. */
const firstReads = new Map<string, number>();

function listOf(key: string): EventList | undefined {
  return useStore.getState().cameraEvents[key];
}

function update(key: string, patch: Partial<EventList>): void {
  useStore.setState((s) => {
    const current = s.cameraEvents[key];
    if (!current) return {};
    return { cameraEvents: { ...s.cameraEvents, [key]: { ...current, ...patch } } };
  });
}

/** Asks main for one page; a bridge that throws reads as a plain error. */
async function read(mac: string | null, before: number | null): Promise<Result<EventPage>> {
  try {
    const result = await wyze().listEvents({ mac, before, limit: EVENTS_PAGE_SIZE });
    // An answer of the wrong shape (a broken or mismatched bridge) is a failure, never rendered.
    if (result.ok && !Array.isArray((result.value as Partial<EventPage> | null)?.events)) {
      return { ok: false, error: { code: 'INTERNAL', message: UNREACHABLE } };
    }
    return result;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: UNREACHABLE } };
  }
}

/** `older` after `newer`, leaving out what `newer` already has. */
function join(newer: readonly CameraEvent[], older: readonly CameraEvent[]): CameraEvent[] {
  const seen = new Set(newer.map((e) => e.id));
  return [...newer, ...older.filter((e) => !seen.has(e.id))];
}

/** Reads a question's first page (again), replacing what it showed. */
async function readFirstPage(mac: string | null): Promise<void> {
  const key = eventsKey(mac);
  const token = (firstReads.get(key) ?? 0) + 1;
  firstReads.set(key, token);
  const started = generation;
  useStore.setState((s) => ({
    cameraEvents: { ...s.cameraEvents, [key]: emptyList() },
  }));
  const result = await read(mac, null);
  if (started !== generation || firstReads.get(key) !== token) return;
  if (result.ok) {
    update(key, {
      events: join(result.value.events, []),
      nextBefore: result.value.nextBefore,
      status: 'ready',
    });
  } else {
    update(key, { status: 'error', error: result.error.message });
  }
}

/** Shows a question's events: reads the first page unless it is shown or on its way already. */
export function loadEvents(mac: string | null): Promise<void> {
  const current = listOf(eventsKey(mac));
  if (current && current.status !== 'error') return Promise.resolve();
  return readFirstPage(mac);
}

/** Reads the first page again (the error state's "Retry"). */
export function retryEvents(mac: string | null): Promise<void> {
  return readFirstPage(mac);
}

/** Reads the next older page ("Load more"). */
export async function loadMoreEvents(mac: string | null): Promise<void> {
  const key = eventsKey(mac);
  const current = listOf(key);
  if (!current || current.status !== 'ready' || current.loadingMore) return;
  if (current.nextBefore === null) return;
  const started = generation;
  const token = firstReads.get(key);
  update(key, { loadingMore: true, moreError: null });
  const result = await read(mac, current.nextBefore);
  if (started !== generation || firstReads.get(key) !== token) return;
  const now = listOf(key);
  if (!now) return;
  if (result.ok) {
    update(key, {
      events: join(now.events, result.value.events),
      nextBefore: result.value.nextBefore,
      loadingMore: false,
    });
  } else {
    update(key, { loadingMore: false, moreError: result.error.message });
  }
}

/**
 * Reads the newest page of a shown list and keeps what is newer than the list as `fresh`. An
 * empty list takes them at once (there is nothing to keep still).
 */
export async function checkNewEvents(mac: string | null): Promise<void> {
  const key = eventsKey(mac);
  const current = listOf(key);
  if (!current || current.status !== 'ready') return;
  const started = generation;
  const token = firstReads.get(key);
  const result = await read(mac, null);
  if (started !== generation || firstReads.get(key) !== token || !result.ok) return;
  const now = listOf(key);
  if (!now) return;
  const page = result.value;
  const known = new Set(now.events.map((e) => e.id));
  const fresh = page.events.filter((e) => !known.has(e.id));
  if (fresh.length === 0) return;
  if (now.events.length === 0) {
    update(key, { events: join(page.events, []), nextBefore: page.nextBefore, fresh: [] });
    return;
  }
  // A page with nothing the list has, and more behind it: there may be a gap between the two.
  const reaches = fresh.length < page.events.length || page.nextBefore === null;
  update(key, { fresh, freshNextBefore: reaches ? undefined : page.nextBefore });
}

/** Puts the newer events at the top of the list ("N new events — show"). */
export function showNewEvents(mac: string | null): void {
  const key = eventsKey(mac);
  const current = listOf(key);
  if (!current || current.fresh.length === 0) return;
  if (current.freshNextBefore === undefined) {
    update(key, { events: join(current.fresh, current.events), fresh: [] });
  } else {
    update(key, {
      events: join(current.fresh, []),
      nextBefore: current.freshNextBefore,
      fresh: [],
      freshNextBefore: undefined,
      moreError: null,
    });
  }
}

/** Points the Events view at one camera, or every camera (null). */
export function setEventsCamera(mac: string | null): void {
  useStore.setState({ eventsCamera: mac });
}

/** Forgets every list (sign-out: another account must not see these). */
function forgetAll(): void {
  generation += 1;
  firstReads.clear();
  useStore.setState({ cameraEvents: {}, eventsCamera: null });
}

/** The number main bumps whenever its poll found new events (WatchState, store/watch.ts). */
const eventsRevision = (s: Store): number => s.watch.eventsRevision;

/** How many views show each list now (the Events view, details panes). */
const shown = new Map<string, number>();

/**
 * Says a list is on the screen until the returned function is called: only such lists are
 * checked for new events, so visiting many cameras' details does not make as many reads a minute.
 */
export function showingEvents(mac: string | null): () => void {
  const key = eventsKey(mac);
  shown.set(key, (shown.get(key) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (shown.get(key) ?? 1) - 1;
    if (left > 0) shown.set(key, left);
    else shown.delete(key);
  };
}

/** Main's poll found new events: the lists on screen look for them, the others are forgotten. */
function onNewEvents(lists: Readonly<Record<string, EventList>>): void {
  const hidden = Object.keys(lists).filter((key) => !shown.has(key));
  if (hidden.length > 0) {
    // Read afresh when shown again, rather than shown out of date.
    for (const key of hidden) firstReads.set(key, (firstReads.get(key) ?? 0) + 1);
    useStore.setState((s) => ({
      cameraEvents: Object.fromEntries(
        Object.entries(s.cameraEvents).filter(([key]) => !hidden.includes(key)),
      ),
    }));
  }
  for (const key of Object.keys(lists)) {
    if (shown.has(key)) void checkNewEvents(key === ALL_CAMERAS ? null : key);
  }
}

let disconnect: (() => void) | null = null;

/**
 * Keeps the lists current: each bump of main's events revision checks the lists on screen for
 * newer events (and forgets the others), and sign-out forgets them all. Idempotent; returns what undoes it (for tests).
 */
export function connectCameraEvents(): () => void {
  if (disconnect) return disconnect;
  const off = useStore.subscribe((state, prev) => {
    if (state.session.status !== 'signedIn' && prev.session.status === 'signedIn') {
      forgetAll();
    } else if (eventsRevision(state) !== eventsRevision(prev)) {
      onNewEvents(state.cameraEvents);
    }
  });
  disconnect = () => {
    off();
    disconnect = null;
  };
  return disconnect;
}
