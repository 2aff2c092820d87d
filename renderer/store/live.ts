/**
 * Live view's state (docs/protocol.md, "Live view"). Which cameras are open, and how each one's
 * stream is doing. Only the two ways in (a row's "Watch … live" and the toolbar's "Live wall") are
 * here, in the first screen's script; the sessions themselves (store/live-sessions.ts) and the
 * viewer (features/live/) load with the first live view (renderer/README.md, "Bundle budget").
 */

/** Where one camera's stream stands; the status line says it in words. */
export type LivePhase = 'connecting' | 'live' | 'reconnecting' | 'paused' | 'failed' | 'ended';

/** One open live view, as the viewer shows it. */
export interface LiveEntry {
  phase: LivePhase;
  /** The status line, word for word ("Connecting…", "Live", "Camera is offline"…). */
  status: string;
  /** What the video element plays; kept through a reconnect, so the last frame stays. */
  stream: MediaStream | null;
  /** True once the camera sent an audio track (the mute button appears). */
  hasAudio: boolean;
  /** Whether "Retry" can start it again. */
  canRetry: boolean;
}

export interface LiveSlice {
  /** The camera in the live viewer (opened from its row); null when the viewer is closed. */
  liveViewer: string | null;
  /** The cameras on the live wall, in order (at most MAX_LIVE_SESSIONS); null when it is closed. */
  liveWall: readonly string[] | null;
  /** Each open camera's stream, by MAC (written by store/live-sessions.ts). */
  liveEntries: Readonly<Record<string, LiveEntry>>;
  /**
   * Cameras Wyze answered "cannot stream" for in this sign-in, with its words: their Watch button
   * is disabled with that reason.
   */
  liveUnsupported: Readonly<Record<string, string>>;
  /** Opens the viewer on a camera (closing the wall: at most one live surface at a time). */
  watchLive(mac: string): void;
  /** Opens the live wall, with the viewer's camera on it when one was open. */
  openLiveWall(): void;
}

type LiveState = Pick<LiveSlice, 'liveViewer' | 'liveWall' | 'liveEntries' | 'liveUnsupported'>;

/** Nothing open (a fresh page, and what tests reset to). */
export const initialLive = (): LiveState => ({
  liveViewer: null,
  liveWall: null,
  liveEntries: {},
  liveUnsupported: {},
});

type Set = (partial: Partial<LiveState>) => void;

export function createLiveSlice(set: Set): Pick<LiveSlice, 'watchLive' | 'openLiveWall'> {
  return {
    watchLive: (mac) => set({ liveViewer: mac, liveWall: null }),
    // The viewer's camera moves onto the wall with its session (store/live-sessions.ts).
    openLiveWall: () => set({ liveWall: [], liveViewer: null }),
  };
}
