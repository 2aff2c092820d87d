/**
 * Which changes become a notification, and when (docs/protocol.md, "Status history"):
 * - offline only once the camera has stayed offline `offlineAfterMs`, counted from the cloud's
 *   time of the change when that is older than our sighting (a camera offline for an hour at
 *   launch is notified at once); back online before that (flapping Wi-Fi) notifies nothing;
 * - back online only when its offline was notified;
 * - a firmware change at once;
 * - several due at once make ONE summary; at most one per camera per NOTIFY_COOLDOWN_MIN;
 * - nothing for a camera `canNotify` refuses (muted, switched off, paused, not signed in).
 * Runs on an injected scheduler, so the tests drive it with a fake clock.
 */
import { NOTIFY_COOLDOWN_MIN } from '../../common/watch';
import type { Scheduler } from '../cameras/refresh-pace';
import type { Change } from './changes';
import type { NewRecord } from './history';
import type { Notice } from './types';

/** The most camera names a summary's text lists before "and N more". */
export const SUMMARY_NAMES = 5;
/**
 * Cameras whose offline delays run out within this of each other went offline "at once" (a
 * router restarting drops them seconds apart, by the cloud's times): the first waits for the
 * others, and one summary says it, instead of one notification each.
 */
export const GROUP_MS = 30_000;
const COOLDOWN_MS = NOTIFY_COOLDOWN_MIN * 60_000;

export interface NotifyDeps {
  scheduler: Scheduler;
  now: () => number;
  /** How long a camera must stay offline before it is notified, in ms. */
  offlineAfterMs: () => number;
  /** Whether this camera's changes may be shown now (switch, pause, mute, signed in). */
  canNotify: (mac: string) => boolean;
  /** Whether the current list still says this camera is offline. */
  isOffline: (mac: string) => boolean;
  /** Shows the notice (and records it); `mac` is the camera a click opens. */
  show: (notice: Notice, mac: string) => void;
}

type Due =
  | { kind: 'offline'; mac: string; name: string; since: number }
  | { kind: 'online'; mac: string; name: string; offlineFor: number }
  | { kind: 'firmware'; mac: string; name: string; from: string | null; to: string | null };

/** A length of time in plain words: "3 minutes", "1 hour", "2 days". */
export function durationPhrase(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  const unit = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return unit(minutes, 'minute');
  if (minutes < 48 * 60) return unit(Math.floor(minutes / 60), 'hour');
  return unit(Math.floor(minutes / 1440), 'day');
}

function single(due: Due, now: number): Notice {
  const macs = [due.mac];
  switch (due.kind) {
    case 'offline':
      return {
        title: `${due.name} went offline`,
        body: `It has been offline for ${durationPhrase(now - due.since)}.`,
        macs,
      };
    case 'online':
      return {
        title: `${due.name} is back online`,
        body: `It was offline for ${durationPhrase(due.offlineFor)}.`,
        macs,
      };
    case 'firmware':
      return {
        title: `${due.name} updated its firmware`,
        body: `Firmware ${due.from ?? 'unknown'} → ${due.to ?? 'unknown'}.`,
        macs,
      };
  }
}

const SUMMARY_TITLES: Record<Due['kind'], (n: number) => string> = {
  offline: (n) => `${n} cameras went offline`,
  online: (n) => `${n} cameras are back online`,
  firmware: (n) => `${n} cameras updated their firmware`,
};

/** One notice for several cameras: "3 cameras went offline", their names in the text. */
export function summary(dues: readonly Due[]): Notice {
  const n = dues.length;
  const kinds = new Set(dues.map((d) => d.kind));
  const [only] = kinds;
  const title = kinds.size === 1 && only ? SUMMARY_TITLES[only](n) : `${n} cameras changed`;
  const names = dues.slice(0, SUMMARY_NAMES).map((d) => d.name);
  const rest = n - names.length;
  const body = rest > 0 ? `${names.join(', ')} and ${rest} more.` : `${names.join(', ')}.`;
  return { title, body, macs: dues.map((d) => d.mac) };
}

/** A notification as the history records it: one camera's name, or "3 cameras" for a summary. */
export function noticeRecord(
  notice: Notice,
  nameOf: (mac: string) => string | undefined,
  at: number,
): NewRecord {
  const [only] = notice.macs;
  const cameraName =
    notice.macs.length === 1 && only !== undefined
      ? (nameOf(only) ?? '')
      : `${notice.macs.length} cameras`;
  return {
    kind: 'notification',
    at,
    cloudAt: null,
    macs: notice.macs,
    cameraName,
    from: null,
    to: null,
    title: notice.title,
    body: notice.body,
  };
}

/** The notification planner; `onChanges` takes each list's changes as they are recorded. */
export function createNotifyPlanner(deps: NotifyDeps) {
  const { scheduler, now } = deps;
  /** Offline cameras waiting out the delay: when it runs out, and the cancel of its timer. */
  const waiting = new Map<string, { dueAt: number; cancel: () => void }>();
  /** Cameras whose offline was notified, with when they went offline. */
  const notifiedOffline = new Map<string, number>();
  const lastShown = new Map<string, number>();
  let pending: Due[] = [];
  let cancelFlush: (() => void) | null = null;
  let flushAt = 0;

  /** Adds a notice to the next batch, shown at `at` (now by default) or later if already held. */
  function queue(due: Due, at = now()): void {
    pending.push(due);
    if (cancelFlush && flushAt >= at) return;
    cancelFlush?.();
    flushAt = at;
    cancelFlush = scheduler.schedule(flush, Math.max(0, at - now()));
  }

  function flush(deferred = false): void {
    cancelFlush = null;
    // A camera due this very moment whose timer has not run yet joins this batch.
    if (!deferred && [...waiting.values()].some((w) => w.dueAt <= now())) {
      cancelFlush = scheduler.schedule(() => flush(true), 0);
      return;
    }
    const batch = pending;
    pending = [];
    const at = now();
    const shown: Due[] = [];
    for (const due of batch) {
      if (shown.some((d) => d.mac === due.mac) || !deps.canNotify(due.mac)) continue;
      const last = lastShown.get(due.mac);
      if (last !== undefined && at - last < COOLDOWN_MS) continue;
      shown.push(due);
    }
    if (shown.length === 0) return;
    for (const due of shown) {
      lastShown.set(due.mac, at);
      if (due.kind === 'offline') notifiedOffline.set(due.mac, due.since);
    }
    const [first] = shown;
    if (!first) return;
    deps.show(shown.length === 1 ? single(first, at) : summary(shown), first.mac);
  }

  function offline(change: Change): void {
    waiting.get(change.mac)?.cancel();
    const cloudAt = change.cloudAt;
    const since = cloudAt !== null && cloudAt > 0 && cloudAt < change.at ? cloudAt : change.at;
    const name = change.cameraName || change.mac;
    const dueAt = Math.max(now(), since + deps.offlineAfterMs());
    const cancel = scheduler.schedule(() => {
      waiting.delete(change.mac);
      if (!deps.isOffline(change.mac)) return;
      // Held for the others whose delay runs out within GROUP_MS.
      const others = [...waiting.values()].map((w) => w.dueAt).filter((t) => t <= now() + GROUP_MS);
      queue({ kind: 'offline', mac: change.mac, name, since }, Math.max(now(), ...others));
    }, dueAt - now());
    waiting.set(change.mac, { dueAt, cancel });
  }

  function online(change: Change): void {
    waiting.get(change.mac)?.cancel(); // back before the delay ran out: nothing to say
    waiting.delete(change.mac);
    const since = notifiedOffline.get(change.mac);
    if (since === undefined) return;
    notifiedOffline.delete(change.mac);
    const name = change.cameraName || change.mac;
    queue({ kind: 'online', mac: change.mac, name, offlineFor: now() - since });
  }

  return {
    onChanges(changes: readonly Change[]): void {
      for (const change of changes) {
        if (change.kind === 'offline') offline(change);
        else if (change.kind === 'online') online(change);
        else if (change.kind === 'firmware') {
          const name = change.cameraName || change.mac;
          queue({ kind: 'firmware', mac: change.mac, name, from: change.from, to: change.to });
        }
      }
    },
    /** Forgets every wait and what was notified (sign-out). */
    reset(): void {
      for (const wait of waiting.values()) wait.cancel();
      waiting.clear();
      notifiedOffline.clear();
      lastShown.clear();
      cancelFlush?.();
      cancelFlush = null;
      pending = [];
    },
  };
}

export type NotifyPlanner = ReturnType<typeof createNotifyPlanner>;
