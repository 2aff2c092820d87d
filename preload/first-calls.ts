import { CHANNELS, EVENTS } from '../common/channels';
import type { Channel, EventChannel } from '../common/channels';
import type { Transport } from './api';

/** One of the page start's calls, and the event that later changes what it answered. */
export interface FirstCall {
  channel: Channel;
  event: EventChannel | null;
  /**
   * Whether events of this kind that came before the answer are dropped. Yes for a whole state
   * without a revision (the session): handed over after the answer, an older copy would replace
   * a newer one. No for camera events: they carry revisions, and the page ignores any that is not
   * newer than what it shows (renderer/store/cameras.ts), so none is lost where events and answers
   * travel apart (the preview's event stream and HTTP calls).
   */
  dropEarlier: boolean;
}

/**
 * The calls every page start makes before it can paint anything (renderer/store/events.ts,
 * `connectStore`). They are sent when the preload (or the preview's bridge) runs, while the app's
 * script is still loading, so the answers are there when the page asks (scripts/README.md,
 * "5,000 cameras: the fourth pass").
 */
export const FIRST_CALLS: readonly FirstCall[] = [
  { channel: CHANNELS.getSession, event: EVENTS.sessionChanged, dropEarlier: true },
  { channel: CHANNELS.getCameras, event: EVENTS.camerasChanged, dropEarlier: false },
  { channel: CHANNELS.getViewPrefs, event: null, dropEarlier: false },
];

/** At most this many events of one kind wait for the page; the oldest give way (see below). */
export const MAX_HELD_EVENTS = 64;

/**
 * A page that has not asked for every early answer by then never will (it is not the app's page,
 * or its start failed): the events held go to whoever listens, and the answers not taken are
 * forgotten, so a late call gets a fresh one.
 */
export const GIVE_UP_AFTER_MS = 10_000;

/** An answer main refused or failed (common/result.ts): the page asks again rather than take it. */
const isFailure = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;

/**
 * A transport whose first calls (`calls`, made without an argument) are sent at once, and whose
 * answers the page's first calls of those channels receive; later calls go out as usual. An early
 * answer that is a failure is not handed over: the page's call goes out afresh.
 *
 * Events of the calls' kinds are held from the start until every early answer has settled, the
 * page has asked for each, and it has had a turn to apply them (one macrotask); then they go to
 * the page in the order they came. Of a kind marked `dropEarlier`, those that came before its
 * answer are dropped: over Electron's IPC an event sent before an answer arrives before it, so the
 * answer includes it. When more than MAX_HELD_EVENTS of a kind wait, the oldest are dropped: a
 * session event is a whole state, and a camera delta that misses its base makes the page ask for
 * a fresh list (common/camera-delta.ts).
 */
export function withFirstCalls(
  transport: Transport,
  calls: readonly FirstCall[] = FIRST_CALLS,
  schedule: (run: () => void) => void = (run) => setTimeout(run, 0),
  giveUpAfterMs = GIVE_UP_AFTER_MS,
): Transport {
  /** Early answers the page has not asked for yet. */
  const early = new Map<Channel, Promise<unknown>>();
  const held = new Map<EventChannel, unknown[]>();
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  let holding = true;
  let allSettled = false;

  const deliver = (event: EventChannel, payload: unknown): void => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  const hold = (event: EventChannel, payload: unknown): void => {
    const queue = held.get(event) ?? [];
    queue.push(payload);
    if (queue.length > MAX_HELD_EVENTS) queue.shift();
    held.set(event, queue);
  };
  const stopHolding = (): void => {
    if (!holding) return;
    holding = false;
    clearTimeout(giveUp);
    early.clear();
    for (const [event, queue] of held) {
      held.delete(event);
      for (const payload of queue) deliver(event, payload);
    }
  };
  /** Hands the held events over once the page has all its early answers, after its turn. */
  const release = (): void => {
    if (holding && allSettled && early.size === 0) schedule(stopHolding);
  };
  const giveUp = setTimeout(stopHolding, giveUpAfterMs);

  const settling: Promise<unknown>[] = [];
  for (const call of calls) {
    const { channel, event } = call;
    if (event) {
      held.set(event, []);
      transport.on(event, (payload) => (holding ? hold(event, payload) : deliver(event, payload)));
    }
    const answer = transport.invoke(channel, undefined);
    early.set(channel, answer);
    settling.push(
      answer.then(
        (value) => {
          // What came of this kind before a real answer is in it already.
          if (event && call.dropEarlier && !isFailure(value) && holding) held.set(event, []);
        },
        // No answer to supersede them: what came stays.
        () => undefined,
      ),
    );
  }
  void Promise.all(settling).then(() => {
    allSettled = true;
    release();
  });

  return {
    invoke(channel, arg) {
      const answer = arg === undefined ? early.get(channel) : undefined;
      if (!answer) return transport.invoke(channel, arg);
      early.delete(channel);
      release();
      return answer.then((value) =>
        isFailure(value) ? transport.invoke(channel, undefined) : value,
      );
    },
    on(event, listener) {
      if (!calls.some((c) => c.event === event)) return transport.on(event, listener);
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => {
        set.delete(listener);
      };
    },
  };
}
