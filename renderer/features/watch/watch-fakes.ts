/**
 * Test doubles for keeping watch: a bridge whose watch verbs answer from an in-memory history
 * and state the test controls (paging and filters as main does them), and whose `event:watch`
 * the test sends. Every other channel answers like installFakeBridge (ok, null).
 */
import { EVENTS } from '../../../common/channels';
import type { Channel } from '../../../common/channels';
import type { ErrorDto, Result } from '../../../common/result';
import { initialWatchState } from '../../../common/watch';
import type {
  ActivityKind,
  ActivityQuery,
  ActivityRecord,
  WatchEvent,
  WatchPrefsPatch,
  WatchState,
} from '../../../common/watch';
import { buildWyzeApi } from '../../../preload/api';
import type { Transport } from '../../../preload/api';

let nextId = 0;

/** One history record; ids grow with each one made, as main's do. */
export function record(patch: Partial<ActivityRecord> = {}): ActivityRecord {
  nextId += 1;
  return {
    id: String(nextId).padStart(12, '0'),
    kind: 'offline',
    at: 1_779_000_000_000 + nextId * 60_000,
    cloudAt: null,
    macs: ['AABBCCDDEEFF'],
    cameraName: 'Driveway',
    from: null,
    to: null,
    title: null,
    body: null,
    ...patch,
  };
}

export interface FakeWatch {
  /** Every call the page made: channel and argument. */
  calls: [string, unknown][];
  state: WatchState;
  /** Oldest first (as recorded). */
  history: ActivityRecord[];
  /** When set, the next call on this channel fails with it. */
  failNext: Partial<Record<Channel, ErrorDto>>;
  /** Sends `event:watch` to the page. */
  emit(event: WatchEvent): void;
  /** Adds a record and pushes the new state (historyRevision bumped), as main does. */
  add(rec: ActivityRecord): void;
  queries(): ActivityQuery[];
}

function page(history: readonly ActivityRecord[], q: ActivityQuery) {
  const kinds = new Set<ActivityKind>(q.kinds);
  const matching = history
    .filter(
      (r) => (q.mac === null || r.macs.includes(q.mac)) && (kinds.size === 0 || kinds.has(r.kind)),
    )
    .sort((a, b) => (a.id < b.id ? 1 : -1));
  const from = q.before === null ? matching : matching.filter((r) => r.id < (q.before ?? ''));
  const records = from.slice(0, q.limit);
  const last = records.at(-1);
  return {
    records,
    nextCursor: from.length > q.limit && last ? last.id : null,
    total: matching.length,
  };
}

/** Installs the fake as the page’s bridge. */
export function installWatchBridge(
  state: Partial<WatchState> = {},
  history: ActivityRecord[] = [],
  /** Answers for other channels (Results), e.g. the session and the camera list. */
  others: Partial<Record<string, unknown>> = {},
): FakeWatch {
  const listeners = new Set<(payload: unknown) => void>();
  const fake: FakeWatch = {
    calls: [],
    state: { ...initialWatchState(), ...state },
    history,
    failNext: {},
    emit(event) {
      for (const listener of listeners) listener(event);
    },
    add(rec) {
      fake.history.push(rec);
      fake.state = { ...fake.state, historyRevision: fake.state.historyRevision + 1 };
      fake.emit({ kind: 'state', state: fake.state });
    },
    queries: () =>
      fake.calls.filter(([c]) => c === 'activity:list').map(([, arg]) => arg as ActivityQuery),
  };
  const answer = (channel: Channel, arg: unknown): Result<unknown> => {
    switch (channel) {
      case 'watch:get':
        return { ok: true, value: fake.state };
      case 'watch:set-prefs':
        fake.state = {
          ...fake.state,
          prefs: { ...fake.state.prefs, ...(arg as WatchPrefsPatch) },
        };
        return { ok: true, value: fake.state };
      case 'activity:mark-seen':
        fake.state = {
          ...fake.state,
          unseen: { lastSeenAt: Date.now(), wentOffline: [], changes: 0 },
        };
        return { ok: true, value: fake.state };
      case 'activity:list':
        return { ok: true, value: page(fake.history, arg as ActivityQuery) };
      case 'activity:export':
        return {
          ok: true,
          value: {
            kind: 'download',
            fileName: 'wyze-activity-2026-11-27.csv',
            content: 'When,Camera\r\n',
            count: page(fake.history, { ...(arg as ActivityQuery), before: null, limit: 1e9 })
              .total,
          },
        };
      case 'events:list':
        return { ok: true, value: { events: [], nextBefore: null } };
      default:
        return (others[channel] as Result<unknown> | undefined) ?? { ok: true, value: null };
    }
  };
  const transport: Transport = {
    invoke: async (channel, arg) => {
      fake.calls.push([channel, arg]);
      const failure = fake.failNext[channel];
      if (failure) {
        fake.failNext = { ...fake.failNext, [channel]: undefined };
        return { ok: false, error: failure };
      }
      return answer(channel, arg);
    },
    on: (event, listener) => {
      if (event !== EVENTS.watch) return () => undefined;
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  Object.defineProperty(window, 'wyze', { value: buildWyzeApi(transport), configurable: true });
  return fake;
}
