/**
 * What the IPC handlers and the Electron layer need of keeping watch (main/watch/): the status
 * history, the notifications and the watch preferences. Implemented by main/watch/service.ts.
 */
import type { ExportResult } from '../../common/export';
import type {
  ActivityKind,
  ActivityPage,
  ActivityQuery,
  LastEvent,
  WatchEvent,
  WatchPrefsPatch,
  WatchState,
} from '../../common/watch';

export interface WatchService {
  state(): WatchState;
  setPrefs(patch: WatchPrefsPatch): Promise<WatchState>;
  listActivity(query: ActivityQuery): Promise<ActivityPage>;
  exportActivity(req: { mac: string | null; kinds: ActivityKind[] }): Promise<ExportResult>;
  markSeen(): Promise<WatchState>;
  /** Pauses notifications for NOTIFY_PAUSE_MS (tray menu), or resumes them (null). */
  pauseNotifications(until: number | null): void;
  /**
   * The event poll's newest event per camera (main/events/poller.ts): kept in the state for the
   * list's "Motion 4 min ago"; bumps eventsRevision when anything is newer than before.
   */
  setLastEvents(lastEvents: Record<string, LastEvent>): void;
  /** Every change of state, and clicked notifications; returns an unsubscribe. */
  onEvent(listener: (event: WatchEvent) => void): () => void;
}
