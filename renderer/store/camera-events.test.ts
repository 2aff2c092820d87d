import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cameraEvent, installEventsBridge, nthCall } from '../features/events/events-fakes';
import type { EventsCall } from '../features/events/events-fakes';
import { session } from '../test-support';
import {
  EVENTS_PAGE_SIZE,
  checkNewEvents,
  connectCameraEvents,
  eventsKey,
  loadEvents,
  loadMoreEvents,
  retryEvents,
  showNewEvents,
  showingEvents,
} from './camera-events';
import { initialState, useStore } from './index';

let calls: EventsCall[] = [];
let disconnect: () => void = () => undefined;
beforeEach(() => {
  useStore.setState(initialState());
  calls = installEventsBridge();
  useStore.getState().setSession(session());
  disconnect = connectCameraEvents();
});
afterEach(() => disconnect());

const list = (mac: string | null = null) => useStore.getState().cameraEvents[eventsKey(mac)];
const ids = (mac: string | null = null) => list(mac)?.events.map((e) => e.id);

describe('camera events in the store', () => {
  it('reads the newest page once, for every camera or one camera', async () => {
    const first = loadEvents(null);
    await loadEvents(null);
    expect(calls).toHaveLength(1);
    expect(nthCall(calls, 0).query).toEqual({ mac: null, before: null, limit: EVENTS_PAGE_SIZE });
    expect(list()?.status).toBe('loading');
    nthCall(calls, 0).answer({ events: [cameraEvent('e2'), cameraEvent('e1')], nextBefore: 5 });
    await first;
    expect(list()?.status).toBe('ready');
    expect(ids()).toEqual(['e2', 'e1']);

    void loadEvents('A1');
    expect(nthCall(calls, 1).query).toEqual({ mac: 'A1', before: null, limit: EVENTS_PAGE_SIZE });
    await loadEvents(null);
    expect(calls).toHaveLength(2);
  });

  it('pages back by nextBefore, leaving out events it already has, until there are no more', async () => {
    const first = loadEvents(null);
    nthCall(calls, 0).answer({ events: [cameraEvent('e3'), cameraEvent('e2')], nextBefore: 200 });
    await first;
    const more = loadMoreEvents(null);
    await loadMoreEvents(null);
    expect(calls).toHaveLength(2);
    expect(list()?.loadingMore).toBe(true);
    expect(nthCall(calls, 1).query.before).toBe(200);
    nthCall(calls, 1).answer({ events: [cameraEvent('e2'), cameraEvent('e1')], nextBefore: null });
    await more;
    expect(ids()).toEqual(['e3', 'e2', 'e1']);
    expect(list()?.nextBefore).toBeNull();
    expect(list()?.loadingMore).toBe(false);
    await loadMoreEvents(null);
    expect(calls).toHaveLength(2);
  });

  it.each([
    [
      'main answers with an error',
      (c: EventsCall) =>
        c.answer({
          ok: false,
          error: { code: 'RATE_LIMITED', message: 'Wyze asked the app to slow down.' },
        }),
      'Wyze asked the app to slow down.',
    ],
    [
      'the bridge throws',
      (c: EventsCall) => c.fail(),
      'The app stopped answering. Restart it and try again.',
    ],
  ])('keeps the error when %s, and Retry reads again', async (_, failWith, message) => {
    const first = loadEvents(null);
    failWith(nthCall(calls, 0));
    await first;
    expect(list()).toMatchObject({ status: 'error', error: message, events: [] });
    const again = retryEvents(null);
    expect(list()?.status).toBe('loading');
    nthCall(calls, 1).answer({ events: [cameraEvent('e1')], nextBefore: null });
    await again;
    expect(list()).toMatchObject({ status: 'ready', error: null });
  });

  it('keeps the list when "Load more" fails, with its own error', async () => {
    const first = loadEvents(null);
    nthCall(calls, 0).answer({ events: [cameraEvent('e2')], nextBefore: 100 });
    await first;
    const more = loadMoreEvents(null);
    nthCall(calls, 1).answer({ ok: false, error: { code: 'NETWORK', message: 'No network.' } });
    await more;
    expect(list()).toMatchObject({ status: 'ready', moreError: 'No network.', nextBefore: 100 });
    expect(ids()).toEqual(['e2']);
  });

  it('holds newer events until shown, and replaces the list when a whole page is newer', async () => {
    const first = loadEvents(null);
    nthCall(calls, 0).answer({ events: [cameraEvent('e2'), cameraEvent('e1')], nextBefore: 10 });
    await first;
    const check = checkNewEvents(null);
    nthCall(calls, 1).answer({
      events: [cameraEvent('e4'), cameraEvent('e3'), cameraEvent('e2')],
      nextBefore: 20,
    });
    await check;
    expect(ids()).toEqual(['e2', 'e1']);
    expect(list()?.fresh.map((e) => e.id)).toEqual(['e4', 'e3']);
    showNewEvents(null);
    expect(ids()).toEqual(['e4', 'e3', 'e2', 'e1']);
    expect(list()?.nextBefore).toBe(10);
    expect(list()?.fresh).toEqual([]);

    const gap = checkNewEvents(null);
    nthCall(calls, 2).answer({ events: [cameraEvent('e6'), cameraEvent('e5')], nextBefore: 30 });
    await gap;
    showNewEvents(null);
    expect(ids()).toEqual(['e6', 'e5']);
    expect(list()?.nextBefore).toBe(30);
  });

  it('takes newer events at once into an empty list', async () => {
    const first = loadEvents('A1');
    nthCall(calls, 0).answer({ events: [], nextBefore: null });
    await first;
    const check = checkNewEvents('A1');
    nthCall(calls, 1).answer({ events: [cameraEvent('e1')], nextBefore: null });
    await check;
    expect(ids('A1')).toEqual(['e1']);
    expect(list('A1')?.fresh).toEqual([]);
  });

  it('forgets every list at sign-out, and drops an answer that comes after it', async () => {
    const first = loadEvents(null);
    nthCall(calls, 0).answer({ events: [cameraEvent('e1')], nextBefore: null });
    await first;
    const late = loadEvents('A1');
    useStore.getState().setSession(session({ status: 'signedOut' }));
    expect(useStore.getState().cameraEvents).toEqual({});
    nthCall(calls, 1).answer({ events: [cameraEvent('e9')], nextBefore: null });
    await late;
    expect(useStore.getState().cameraEvents).toEqual({});
  });

  it('looks for new events only in the lists on screen when main’s poll found some, and forgets the others', async () => {
    const all = loadEvents(null);
    nthCall(calls, 0).answer({ events: [cameraEvent('e1')], nextBefore: null });
    await all;
    const porch = loadEvents('A1');
    nthCall(calls, 1).answer({ events: [cameraEvent('p1')], nextBefore: null });
    await porch;
    const release = showingEvents(null);
    useStore.setState((s) => ({ watch: { ...s.watch, eventsRevision: 1 } }));
    expect(calls.map((c) => c.query.mac)).toEqual([null, 'A1', null]);
    expect(list('A1')).toBeUndefined();
    nthCall(calls, 2).answer({ events: [cameraEvent('e2'), cameraEvent('e1')], nextBefore: null });
    await vi.waitFor(() => expect(list()?.fresh.map((e) => e.id)).toEqual(['e2']));
    release();
    useStore.setState((s) => ({ watch: { ...s.watch, eventsRevision: 2 } }));
    expect(calls).toHaveLength(3);
    expect(useStore.getState().cameraEvents).toEqual({});
  });

  it('drops the answer of a read that Retry overtook', async () => {
    const first = loadEvents(null);
    const again = retryEvents(null);
    nthCall(calls, 1).answer({ events: [cameraEvent('new')], nextBefore: null });
    await again;
    nthCall(calls, 0).answer({ events: [cameraEvent('old')], nextBefore: null });
    await first;
    expect(ids()).toEqual(['new']);
  });
});
