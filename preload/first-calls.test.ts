import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENTS } from '../common/channels';
import type { Channel, EventChannel } from '../common/channels';
import type { Transport } from './api';
import { FIRST_CALLS, GIVE_UP_AFTER_MS, MAX_HELD_EVENTS, withFirstCalls } from './first-calls';

/** A transport whose answers the test settles, and whose events the test emits. */
function fakeTransport() {
  const calls: {
    channel: Channel;
    arg: unknown;
    settle: (v: unknown) => void;
    fail: (e: unknown) => void;
  }[] = [];
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const transport: Transport = {
    invoke(channel, arg) {
      return new Promise((settle, fail) => calls.push({ channel, arg, settle, fail }));
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  const emit = (event: EventChannel, payload: unknown) => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };
  const answer = (channel: Channel, value: unknown) => {
    const call = calls.find((c) => c.channel === channel);
    if (!call) throw new Error(`no call of ${channel}`);
    call.settle(value);
  };
  return { transport, calls, emit, answer };
}

/** Runs what `schedule` was given only when the test says so. */
function manualSchedule() {
  const queued: (() => void)[] = [];
  return {
    schedule: (run: () => void) => queued.push(run),
    runAll: () => queued.splice(0).forEach((run) => run()),
    get pending() {
      return queued.length;
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A first-calls transport over a fake one, released only when the test runs its timer. */
function started() {
  const fake = fakeTransport();
  const timer = manualSchedule();
  return { fake, timer, api: withFirstCalls(fake.transport, FIRST_CALLS, timer.schedule) };
}

describe('FIRST_CALLS', () => {
  it('are the calls the page starts with (renderer/store/events.test.ts checks the page side)', () => {
    expect(FIRST_CALLS.map((c) => c.channel)).toEqual([
      'session:get',
      'cameras:get',
      'view:get-prefs',
    ]);
  });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('withFirstCalls', () => {
  it('sends the page start calls at once, without an argument, each once', () => {
    const fake = fakeTransport();
    withFirstCalls(fake.transport);
    expect(fake.calls.map((c) => [c.channel, c.arg])).toEqual(
      FIRST_CALLS.map((c) => [c.channel, undefined]),
    );
  });

  it('answers the page first call of a channel with the early answer, and later calls anew', async () => {
    const fake = fakeTransport();
    const api = withFirstCalls(fake.transport);
    fake.answer(CHANNELS.getSession, 'early');
    await expect(api.invoke(CHANNELS.getSession, undefined)).resolves.toBe('early');
    expect(fake.calls.filter((c) => c.channel === CHANNELS.getSession)).toHaveLength(1);

    const again = api.invoke(CHANNELS.getSession, undefined);
    expect(fake.calls.filter((c) => c.channel === CHANNELS.getSession)).toHaveLength(2);
    fake.calls.at(-1)?.settle('fresh');
    await expect(again).resolves.toBe('fresh');
  });

  it('sends a call with an argument, and a channel it did not call early, as usual', () => {
    const fake = fakeTransport();
    const api = withFirstCalls(fake.transport);
    void api.invoke(CHANNELS.getViewPrefs, { x: 1 });
    void api.invoke(CHANNELS.refreshCameras, undefined);
    expect(fake.calls.slice(FIRST_CALLS.length).map((c) => [c.channel, c.arg])).toEqual([
      [CHANNELS.getViewPrefs, { x: 1 }],
      [CHANNELS.refreshCameras, undefined],
    ]);
  });

  it('gives the page its answers first, then the events that came after them, in order', async () => {
    const { fake, timer, api } = started();
    const seen: string[] = [];
    // Before its answer: already in the answer, so never handed over.
    fake.emit(EVENTS.sessionChanged, 'older than the answer');
    fake.answer(CHANNELS.getSession, 'answer');
    await flush(); // the answer has arrived
    fake.emit(EVENTS.sessionChanged, 'newer 1');

    // The page: subscribe, ask, apply the answers once all are in (renderer/store/events.ts).
    api.on(EVENTS.sessionChanged, (p) => seen.push(`event ${String(p)}`));
    const page = Promise.all(FIRST_CALLS.map((c) => api.invoke(c.channel, undefined))).then(
      ([session]) => seen.push(`applied ${String(session)}`),
    );
    fake.emit(EVENTS.sessionChanged, 'newer 2');
    fake.answer(CHANNELS.getCameras, 'cameras');
    fake.answer(CHANNELS.getViewPrefs, 'prefs');
    await page;
    await flush();
    expect(seen).toEqual(['applied answer']);
    expect(timer.pending).toBe(1);

    timer.runAll();
    expect(seen).toEqual(['applied answer', 'event newer 1', 'event newer 2']);
    // From now on events go straight through.
    fake.emit(EVENTS.sessionChanged, 'later');
    expect(seen.at(-1)).toBe('event later');
  });

  it('holds events until the page has asked for every early answer', async () => {
    const { fake, timer, api } = started();
    for (const c of FIRST_CALLS) fake.answer(c.channel, c.channel);
    await flush();
    fake.emit(EVENTS.camerasChanged, 'delta');
    expect(timer.pending).toBe(0); // the page's script has not run yet

    const seen: unknown[] = [];
    api.on(EVENTS.camerasChanged, (p) => seen.push(p));
    await api.invoke(CHANNELS.getSession, undefined);
    await api.invoke(CHANNELS.getCameras, undefined);
    expect(timer.pending).toBe(0);
    await api.invoke(CHANNELS.getViewPrefs, undefined);
    expect(timer.pending).toBe(1);
    timer.runAll();
    expect(seen).toEqual(['delta']);
  });

  it('keeps the events of a call that failed, and passes the failure on', async () => {
    const { fake, timer, api } = started();
    const seen: unknown[] = [];
    api.on(EVENTS.sessionChanged, (p) => seen.push(p));
    fake.emit(EVENTS.sessionChanged, 'kept');
    fake.calls[0]?.fail(new Error('gone'));
    fake.answer(CHANNELS.getCameras, 'cameras');
    fake.answer(CHANNELS.getViewPrefs, 'prefs');
    await expect(api.invoke(CHANNELS.getSession, undefined)).rejects.toThrow('gone');
    await api.invoke(CHANNELS.getCameras, undefined);
    await api.invoke(CHANNELS.getViewPrefs, undefined);
    await flush();
    timer.runAll();
    expect(seen).toEqual(['kept']);
  });

  it(`keeps at most ${MAX_HELD_EVENTS} events of a kind, the newest`, async () => {
    const { fake, timer, api } = started();
    const seen: unknown[] = [];
    api.on(EVENTS.camerasChanged, (p) => seen.push(p));
    for (const c of FIRST_CALLS) fake.answer(c.channel, null);
    await flush();
    for (let i = 0; i < MAX_HELD_EVENTS + 10; i++) fake.emit(EVENTS.camerasChanged, i);
    for (const c of FIRST_CALLS) await api.invoke(c.channel, undefined);
    timer.runAll();
    expect(seen).toHaveLength(MAX_HELD_EVENTS);
    expect(seen[0]).toBe(10);
    expect(seen.at(-1)).toBe(MAX_HELD_EVENTS + 9);
  });

  it('passes other events straight through, and unsubscribes', () => {
    const fake = fakeTransport();
    const api = withFirstCalls(fake.transport);
    const live: unknown[] = [];
    const off = api.on(EVENTS.live, (p) => live.push(p));
    fake.emit(EVENTS.live, 'now');
    off();
    fake.emit(EVENTS.live, 'after');
    expect(live).toEqual(['now']);

    const session: unknown[] = [];
    const offSession = api.on(EVENTS.sessionChanged, (p) => session.push(p));
    offSession();
    fake.emit(EVENTS.sessionChanged, 'nobody listens');
    expect(session).toEqual([]);
  });
  it('keeps camera events that came before the answer: the page drops the ones not newer', async () => {
    const { fake, timer, api } = started();
    const seen: unknown[] = [];
    api.on(EVENTS.camerasChanged, (p) => seen.push(p));
    // In the preview a change can overtake the answer it came after (stream and call travel apart).
    fake.emit(EVENTS.camerasChanged, 'delta 5 → 6');
    for (const c of FIRST_CALLS) fake.answer(c.channel, c.channel);
    await flush();
    for (const c of FIRST_CALLS) await api.invoke(c.channel, undefined);
    timer.runAll();
    expect(seen).toEqual(['delta 5 → 6']);
  });

  it('does not hand over an early failure: the page asks afresh, and no event is dropped for it', async () => {
    const { fake, timer, api } = started();
    const seen: unknown[] = [];
    api.on(EVENTS.sessionChanged, (p) => seen.push(p));
    fake.emit(EVENTS.sessionChanged, 'before the refusal');
    const refused = { ok: false, error: { code: 'FORBIDDEN', message: 'not yet' } };
    fake.answer(CHANNELS.getSession, refused);
    fake.answer(CHANNELS.getCameras, 'cameras');
    fake.answer(CHANNELS.getViewPrefs, 'prefs');
    await flush();
    const session = api.invoke(CHANNELS.getSession, undefined);
    await flush();
    const fresh = fake.calls.filter((c) => c.channel === CHANNELS.getSession);
    expect(fresh).toHaveLength(2);
    fresh[1]?.settle({ ok: true, value: 'signed in' });
    await expect(session).resolves.toEqual({ ok: true, value: 'signed in' });
    await api.invoke(CHANNELS.getCameras, undefined);
    await api.invoke(CHANNELS.getViewPrefs, undefined);
    timer.runAll();
    expect(seen).toEqual(['before the refusal']);
  });

  it('with its own timer, hands held events over only after the page applied its answers', async () => {
    const fake = fakeTransport();
    const api = withFirstCalls(fake.transport);
    const seen: string[] = [];
    for (const c of FIRST_CALLS) fake.answer(c.channel, `${c.channel} answer`);
    await flush();
    fake.emit(EVENTS.sessionChanged, 'newer');
    // The page, as renderer/store/events.ts does it.
    api.on(EVENTS.sessionChanged, (p) => seen.push(`event ${String(p)}`));
    const [session] = await Promise.all(FIRST_CALLS.map((c) => api.invoke(c.channel, undefined)));
    seen.push(`applied ${String(session)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(seen).toEqual(['applied session:get answer', 'event newer']);
  });

  it(`gives up holding after ${GIVE_UP_AFTER_MS / 1000} s when the page never asks`, async () => {
    vi.useFakeTimers();
    const fake = fakeTransport();
    const api = withFirstCalls(fake.transport);
    const seen: unknown[] = [];
    api.on(EVENTS.camerasChanged, (p) => seen.push(p));
    for (const c of FIRST_CALLS) fake.answer(c.channel, 'early');
    await vi.advanceTimersByTimeAsync(0);
    fake.emit(EVENTS.camerasChanged, 'held');
    await vi.advanceTimersByTimeAsync(GIVE_UP_AFTER_MS - 1);
    expect(seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toEqual(['held']);
    fake.emit(EVENTS.camerasChanged, 'live');
    expect(seen).toEqual(['held', 'live']);
    // The answer not taken is forgotten: a late call gets a fresh one.
    void api.invoke(CHANNELS.getSession, undefined);
    expect(fake.calls.filter((c) => c.channel === CHANNELS.getSession)).toHaveLength(2);
  });
});
