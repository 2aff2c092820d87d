import { CHANNELS, EVENTS } from '../common/channels';
import type { Channel, EventChannel } from '../common/channels';
import type { Transport } from './api';

/**
 * The calls every page start makes before it can paint anything (renderer/store/events.ts,
 * `connectStore`), each with the event that later changes what it answered. They are sent when
 * the preload (or the preview's bridge) runs, while the app's script is still loading, so the
 * answers are there when the page asks (scripts/README.md, "5,000 cameras: the fourth pass").
 */
export const FIRST_CALLS: readonly { channel: Channel; event: EventChannel | null }[] = [
  { channel: CHANNELS.getSession, event: EVENTS.sessionChanged },
  { channel: CHANNELS.getCameras, event: EVENTS.camerasChanged },
  { channel: CHANNELS.getViewPrefs, event: null },
];

/** At most this many events of one kind wait for the page; the oldest give way (see below). */
export const MAX_HELD_EVENTS = 64;

/**
 * A transport whose first calls (`calls`, made without an argument) are sent at once, and whose
 * answers the page's first calls of those channels receive; later calls go out as usual.
 *
 * Events of the calls' kinds are held from the start until every early answer has settled, the
 * page has asked for each, and it has had a turn to apply them (one macrotask); then they go to
 * the page in the order they came. Events that came before their own call's answer are dropped: over Electron's IPC, an event
 * sent before an answer arrives before it, so the answer already includes it, and handing it over
 * after the answer would put an older state over a newer one. When more than MAX_HELD_EVENTS of a
 * kind wait, the oldest are dropped: a session event is a whole state, and a camera delta that
 * misses its base makes the page ask for a fresh list (common/camera-delta.ts).
 */
export function withFirstCalls(
  transport: Transport,
  calls: readonly { channel: Channel; event: EventChannel | null }[] = FIRST_CALLS,
  schedule: (run: () => void) => void = (run) => setTimeout(run, 0),
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
  /** Hands the held events over once the page has all its early answers, after its turn. */
  const release = (): void => {
    if (!holding || !allSettled || early.size > 0) return;
    schedule(() => {
      holding = false;
      for (const [event, queue] of held) {
        held.delete(event);
        for (const payload of queue) deliver(event, payload);
      }
    });
  };

  const settling: Promise<unknown>[] = [];
  for (const { channel, event } of calls) {
    if (event) {
      held.set(event, []);
      transport.on(event, (payload) => (holding ? hold(event, payload) : deliver(event, payload)));
    }
    const answer = transport.invoke(channel, undefined);
    early.set(channel, answer);
    settling.push(
      answer.then(
        // Whatever came of this kind before the answer is in the answer already.
        () => event && held.set(event, []),
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
      return answer;
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
