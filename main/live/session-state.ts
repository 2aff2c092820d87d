import type { Scheduler } from '../cameras/refresh-pace';
import type { SignallingSocket } from './socket';

/** A camera as live view needs it from main's own list. */
export interface LiveCamera {
  mac: string;
  name: string;
  model: string;
  isCamera: boolean;
}

/** One live session's state, owned by sessions.ts. */
export interface Session {
  readonly id: string;
  readonly camera: LiveCamera;
  socket: SignallingSocket | null;
  /** The socket is open and frames may be relayed. */
  open: boolean;
  /** A fresh bootstrap and socket are being made (reconnect or restart). */
  renewing: boolean;
  /** The page's one ICE restart has been used. */
  restarted: boolean;
  /** Reconnects since the camera last answered an offer. */
  attempts: number;
  /** The camera's candidates relayed on the current socket (sessions.ts bounds them). */
  candidates: number;
  /** Cancels the wait for the camera's answer to the last offer, while there is one. */
  answerWait: (() => void) | null;
  /** Which socket is current: callbacks of an older one are ignored. */
  generation: number;
  /** Aborted when the session ends: waits and socket opens stop. */
  readonly lifetime: AbortController;
}

/** Waits `ms` on the scheduler; resolves false at once when `signal` aborts (the session ended). */
export function waitUnlessEnded(
  scheduler: Scheduler,
  signal: AbortSignal,
  ms: number,
): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const cancel = scheduler.schedule(() => resolve(!signal.aborted), ms);
    signal.addEventListener('abort', () => (cancel(), resolve(false)), { once: true });
  });
}
