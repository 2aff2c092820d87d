import type { ErrorCode } from '../../common/errors';
import type { LiveEnd } from '../../common/live';
import { useStore } from './index';
import type { LiveEntry } from './live';

/**
 * What each open live view says (its entry in the store, store/live.ts): the status line's words
 * and the phase the view shows. Written by the sessions (store/live-connection.ts,
 * store/live-sessions.ts), loaded with them.
 */

/** The status line's words. */
export const LIVE_STATUS = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  paused: 'Paused',
  failed: 'Connection failed',
  offline: 'Camera is offline',
  privacy: 'Privacy mode is on',
} as const;

/** Updates an open view's entry; `create` adds one (a view that was closed stays closed). */
export function setEntry(mac: string, patch: Partial<LiveEntry>, create = false): void {
  useStore.setState((s) => {
    const entry = s.liveEntries[mac];
    if (!entry && !create) return {};
    const base: LiveEntry = {
      phase: 'connecting',
      status: LIVE_STATUS.connecting,
      stream: null,
      hasAudio: false,
      canRetry: false,
    };
    return { liveEntries: { ...s.liveEntries, [mac]: { ...base, ...entry, ...patch } } };
  });
}

export function removeEntry(mac: string): void {
  useStore.setState((s) => {
    if (!(mac in s.liveEntries)) return {};
    return {
      liveEntries: Object.fromEntries(Object.entries(s.liveEntries).filter(([m]) => m !== mac)),
    };
  });
}

/** What the status line says for a failed start or an ended session. */
export function statusOf(code: ErrorCode | LiveEnd['code'], message: string): string {
  if (code === 'DEVICE_OFFLINE') return LIVE_STATUS.offline;
  if (code === 'PRIVACY_MODE') return LIVE_STATUS.privacy;
  return message;
}
