import type { LiveCandidate, LiveEnd, LiveEvent, LiveSessionStart } from '../../common/live';
import type { SnapshotResult } from '../../common/live';

/** What ends every session at once: sign-out, the window closing, the app quitting. */
export type EndAllReason = Extract<LiveEnd['code'], 'signed-out' | 'window-closed' | 'stopped'>;

/**
 * Live view as the IPC handlers see it (docs/protocol.md, "Live view"): main bootstraps and holds
 * the signalling socket; the page's offer and candidates are relayed through here and the camera's
 * answer and candidates come back as events. No Electron here (main/live/README.md).
 */
export interface LiveService {
  /** Bootstraps the camera and opens its signalling socket; answers the session id and ICE servers. */
  start(mac: string): Promise<LiveSessionStart>;
  /** Relays the page's SDP offer to the camera. */
  sendOffer(sessionId: string, sdp: string): void;
  /** Relays one of the page's ICE candidates to the camera. */
  sendCandidate(sessionId: string, candidate: LiveCandidate): void;
  /** The page's connection failed: once per session, a fresh bootstrap and socket, then `ready`. */
  restart(sessionId: string): Promise<void>;
  /** Ends one session (the page closed its viewer). */
  stop(sessionId: string): void;
  /** Ends every session, telling each page why. */
  endAll(reason: EndAllReason): void;
  /** Receives every session's events, in order; returns an unsubscribe function. */
  onEvent(listener: (event: LiveEvent) => void): () => void;
  /** Checks a PNG of the page's current frame and hands it to the user (dialog or download). */
  saveSnapshot(request: { mac: string; pngBase64: string }): Promise<SnapshotResult>;
}
