import type { ExportResult } from '../../common/export';
import type { ErrorDto, Result } from '../../common/result';
import type { ActivityPage, ActivityQuery, WatchPrefsPatch, WatchState } from '../../common/watch';
import { wyze } from '../api';
import { useStore } from './index';
import type { ActivityFilter } from './watch';
import { isRecord, looksLikeWatchState, settle } from './watch';

/**
 * The actions on the watch preferences and the Activity history (docs/protocol.md, "Status
 * history"). Only the views that offer them import this module, so it loads with them, not with
 * the first screen (renderer/README.md, "Bundle budget"); the state they change is store/watch.ts.
 */

const UNEXPECTED: ErrorDto = {
  code: 'INTERNAL',
  message: 'The app answered something this page cannot read. Restart it and try again.',
};

const looksLikePage = (value: unknown): value is ActivityPage =>
  isRecord(value) && Array.isArray(value.records) && typeof value.total === 'number';

/** A Result whose value failed its shape check as a failed one. */
function checked<T>(result: Result<unknown>, looksRight: (v: unknown) => v is T): Result<T> {
  if (!result.ok) return result;
  return looksRight(result.value)
    ? { ok: true, value: result.value }
    : { ok: false, error: UNEXPECTED };
}

/** Main's state, kept like one it pushed (an older read never replaces it). */
const apply = (state: WatchState): void =>
  useStore.getState().receiveWatch({ kind: 'state', state });

/** Bumped by every preference change, so only the newest one's answer is applied. */
let prefsSeq = 0;

/**
 * Applies the change at once and asks main to keep it; resolves false when main refused (the
 * store's `watchPrefsError` says why, and the screen shows what main keeps).
 */
export async function setWatchPrefs(patch: WatchPrefsPatch): Promise<boolean> {
  const seq = ++prefsSeq;
  const before = useStore.getState().watch;
  useStore.setState({
    watch: { ...before, prefs: { ...before.prefs, ...patch } },
    savingWatchPrefs: true,
    watchPrefsError: null,
  });
  const result = checked(await settle(() => wyze().setWatchPrefs(patch)), looksLikeWatchState);
  if (seq !== prefsSeq) return result.ok; // a newer change answers for the screen
  if (result.ok) {
    apply(result.value);
    useStore.setState({ savingWatchPrefs: false });
  } else {
    useStore.setState((s) => ({
      watch: { ...s.watch, prefs: before.prefs },
      savingWatchPrefs: false,
      watchPrefsError: result.error,
    }));
  }
  return result.ok;
}

export function setCameraMuted(mac: string, muted: boolean): Promise<boolean> {
  const current = useStore.getState().watch.prefs.mutedMacs.filter((m) => m !== mac);
  return setWatchPrefs({ mutedMacs: muted ? [...current, mac] : current });
}

/** "Now" becomes the user's last look: the "while you were away" banner empties. */
export async function markActivitySeen(): Promise<void> {
  const result = await settle(() => wyze().markActivitySeen());
  if (result.ok) apply(result.value);
}

/** One page of the history (the Activity view, a camera's timeline, the Firmware view). */
export async function listActivity(query: ActivityQuery): Promise<Result<ActivityPage>> {
  return checked(await settle(() => wyze().listActivity(query)), looksLikePage);
}

/** The Activity view as filtered, as CSV (main's save dialog, or a download in the preview). */
export function exportActivity({ mac, kinds }: ActivityFilter): Promise<Result<ExportResult>> {
  return settle(() => wyze().exportActivity({ mac, kinds: [...kinds] }));
}
