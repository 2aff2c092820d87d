import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../common/view';
import type { LastEvent, WatchState } from '../../common/watch';
import { createLogger } from '../logging/logger';
import { wyzeError } from '../wyze/errors';
import type { RateLimitStatus } from '../wyze/ratelimit';
import { FIRST_POLL_DELAY_MS, MIN_POLL_INTERVAL_MS, createEventPoller } from './poller';
import type { CloudEvent } from './normalise';
import type { CloudPage } from './service';

const START = Date.UTC(2026, 10, 27, 12, 0, 0);

/** A clock and a scheduler that only move when the test says so. */
function fakeTime() {
  let now = START;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let ids = 0;
  return {
    now: () => now,
    scheduler: {
      schedule(fn: () => void, ms: number) {
        const id = ++ids;
        timers.push({ at: now + ms, fn, id });
        return () => {
          timers = timers.filter((t) => t.id !== id);
        };
      },
    },
    pending: () => timers.length,
    /** Runs every timer due within `ms`, in order, letting each one's promises settle. */
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        // Whatever was resolved before (or by) the last timer runs first.
        for (let i = 0; i < 10; i++) await Promise.resolve();
        const next = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        timers = timers.filter((t) => t.id !== next.id);
        now = next.at;
        next.fn();
      }
      now = until;
    },
  };
}

const event = (mac: string, at: number, kind: CloudEvent['kind'] = 'motion'): CloudEvent => ({
  id: `${mac}-${at}`,
  mac,
  kind,
  label: kind === 'person' ? 'Person' : 'Motion',
  at,
  pictureUrl: null,
  clipUrl: null,
});

function setup(opts: { intervalMs?: number; keepWatching?: boolean | null } = {}) {
  const time = fakeTime();
  let view = { status: 'signedIn' } as SessionView;
  const listeners = new Set<(v: SessionView) => void>();
  let app: RateLimitStatus = { host: 'app', remaining: null, resetAt: null, limitedUntil: null };
  const polls: number[] = [];
  const handed: Record<string, LastEvent>[] = [];
  let answer: () => Promise<CloudPage> = () => Promise.resolve({ events: [], full: false });
  const poller = createEventPoller({
    session: {
      view: () => view,
      onChange: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      client: () => ({ rateLimitStatus: () => [app] }),
    },
    newest: () => {
      polls.push(time.now());
      return answer();
    },
    watch: {
      state: () =>
        ({ prefs: { keepWatchingWhenClosed: opts.keepWatching ?? null } }) as unknown as WatchState,
      setLastEvents: (map) => handed.push(map),
    },
    intervalMs: () => opts.intervalMs ?? 60_000,
    logger: createLogger({ level: 'error' }),
    scheduler: time.scheduler,
    now: time.now,
  });
  return {
    time,
    poller,
    polls,
    handed,
    setApp: (next: Partial<RateLimitStatus>) => {
      app = { ...app, ...next };
    },
    answer: (fn: () => Promise<CloudPage>) => {
      answer = fn;
    },
    setView: (status: SessionView['status']) => {
      view = { status } as SessionView;
      for (const l of listeners) l(view);
    },
  };
}

describe('event poller: cadence', () => {
  it('polls soon after start, then once a minute, never faster', async () => {
    const s = setup({ intervalMs: 10_000 }); // a faster refresh setting does not speed it up
    s.poller.start();
    await s.time.advance(10 * 60_000);
    expect(s.polls[0]).toBe(START + FIRST_POLL_DELAY_MS);
    const gaps = s.polls.slice(1).map((t, i) => t - (s.polls[i] ?? 0));
    expect(gaps.length).toBeGreaterThan(5);
    expect(gaps.every((g) => g >= MIN_POLL_INTERVAL_MS)).toBe(true);
  });

  it('follows a slower refresh interval', async () => {
    const s = setup({ intervalMs: 300_000 });
    s.poller.start();
    await s.time.advance(FIRST_POLL_DELAY_MS + 600_000);
    expect(s.polls.map((t) => t - START)).toEqual([5_000, 305_000, 605_000]);
  });

  it('does not poll while hidden unless the user keeps watching', async () => {
    const hidden = setup();
    hidden.poller.setVisible(false);
    hidden.poller.start();
    await hidden.time.advance(5 * 60_000);
    expect(hidden.polls).toEqual([]);
    hidden.poller.setVisible(true);
    await hidden.time.advance(FIRST_POLL_DELAY_MS);
    expect(hidden.polls).toHaveLength(1);

    const watching = setup({ keepWatching: true });
    watching.poller.setVisible(false);
    watching.poller.start();
    await watching.time.advance(5 * 60_000);
    expect(watching.polls.length).toBeGreaterThan(3);
  });

  it('stops on sign-out and on shutdown, and starts again on sign-in', async () => {
    const s = setup();
    s.poller.start();
    await s.time.advance(FIRST_POLL_DELAY_MS);
    s.setView('signedOut');
    await s.time.advance(10 * 60_000);
    expect(s.polls).toHaveLength(1);
    s.setView('signedIn');
    await s.time.advance(FIRST_POLL_DELAY_MS);
    expect(s.polls).toHaveLength(2);
    s.poller.stop();
    await s.time.advance(10 * 60_000);
    expect(s.polls).toHaveLength(2);
    expect(s.time.pending()).toBe(0);
  });
});

describe('event poller: the rate budget (events give way first)', () => {
  it('holds back while the app budget is at or below 30, until it resets', async () => {
    const s = setup();
    const resetAt = START + 10 * 60_000;
    s.setApp({ remaining: 30, resetAt });
    s.poller.start();
    await s.time.advance(9 * 60_000);
    expect(s.polls).toEqual([]);
    s.setApp({ remaining: 300, resetAt: null });
    await s.time.advance(60_000);
    expect(s.polls).toEqual([resetAt]);
  });

  it('polls with 31 left (other reads stop only at 10)', async () => {
    const s = setup();
    s.setApp({ remaining: 31, resetAt: START + 10 * 60_000 });
    s.poller.start();
    await s.time.advance(FIRST_POLL_DELAY_MS);
    expect(s.polls).toHaveLength(1);
  });

  it('after a 1011, waits until the limit ends and does not retry hot', async () => {
    const s = setup();
    const until = START + 30 * 60_000;
    s.answer(() => {
      s.setApp({ remaining: 0, resetAt: until, limitedUntil: until });
      return Promise.reject(wyzeError('RATE_LIMITED'));
    });
    s.poller.start();
    await s.time.advance(29 * 60_000);
    expect(s.polls).toEqual([START + FIRST_POLL_DELAY_MS]);
    s.setApp({ remaining: null, resetAt: null, limitedUntil: null });
    s.answer(() => Promise.resolve({ events: [], full: false }));
    await s.time.advance(60_000);
    // The next poll is when the limit ends (not before), then a minute later.
    expect(s.polls).toEqual([START + FIRST_POLL_DELAY_MS, until]);
  });
});

describe('event poller: hands the newest event per camera to the watch service', () => {
  it('keeps the newest per MAC across polls and forgets them at sign-out', async () => {
    const s = setup();
    s.answer(() =>
      Promise.resolve({
        events: [
          event('A', START - 1_000, 'person'),
          event('A', START - 5_000),
          event('B', START - 9_000),
        ],
        full: true,
      }),
    );
    s.poller.start();
    await s.time.advance(FIRST_POLL_DELAY_MS);
    expect(s.handed.at(-1)).toEqual({
      A: { kind: 'person', label: 'Person', at: START - 1_000 },
      B: { kind: 'motion', label: 'Motion', at: START - 9_000 },
    });
    s.answer(() => Promise.resolve({ events: [event('B', START + 30_000)], full: false }));
    await s.time.advance(MIN_POLL_INTERVAL_MS);
    expect(s.handed.at(-1)).toMatchObject({
      A: { at: START - 1_000 },
      B: { at: START + 30_000 },
    });
    s.setView('signedOut');
    expect(s.handed.at(-1)).toEqual({});
  });

  it('keeps polling after a sign-out and sign-in while a poll was in flight', async () => {
    const s = setup();
    let release: (page: CloudPage) => void = () => undefined;
    s.answer(() => new Promise((resolve) => (release = resolve)));
    s.poller.start();
    await s.time.advance(FIRST_POLL_DELAY_MS);
    s.setView('signedOut');
    s.setView('signedIn');
    release({ events: [event('A', START)], full: false });
    s.answer(() => Promise.resolve({ events: [], full: false }));
    await s.time.advance(FIRST_POLL_DELAY_MS);
    expect(s.polls).toHaveLength(2);
    expect(s.handed.some((map) => 'A' in map)).toBe(false); // the old account's poll is dropped
  });

  it('drops a poll that lands after sign-out', async () => {
    const s = setup();
    let release: (page: CloudPage) => void = () => undefined;
    s.answer(() => new Promise((resolve) => (release = resolve)));
    s.poller.start();
    await s.time.advance(FIRST_POLL_DELAY_MS);
    s.setView('signedOut');
    release({ events: [event('A', START)], full: false });
    await s.time.advance(1);
    expect(s.handed).toEqual([]);
  });
});
