import type { Scheduler } from '../cameras/refresh-pace';

/**
 * A clock and scheduler the test moves by hand (main/watch/ tests): `advance(ms)` runs every
 * timer that falls due on the way, in time order, each at its own time.
 */
export function fakeClock(start: number) {
  let time = start;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const scheduler: Scheduler = {
    schedule(fn, ms) {
      const id = seq++;
      timers.set(id, { at: time + Math.max(0, ms), fn });
      return () => timers.delete(id);
    },
  };
  function nextDue(until: number): [number, { at: number; fn: () => void }] | undefined {
    let best: [number, { at: number; fn: () => void }] | undefined;
    for (const entry of timers) {
      if (entry[1].at <= until && (!best || entry[1].at < best[1].at)) best = entry;
    }
    return best;
  }
  return {
    now: (): number => time,
    scheduler,
    /** How many timers are waiting. */
    pending: (): number => timers.size,
    advance(ms: number): void {
      const until = time + ms;
      for (let due = nextDue(until); due; due = nextDue(until)) {
        timers.delete(due[0]);
        time = Math.max(time, due[1].at);
        due[1].fn();
      }
      time = until;
    },
  };
}
