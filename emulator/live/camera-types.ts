/**
 * The emulated camera as the signalling server sees it (emulator/README.md, "Live view"): the
 * master end of a Kinesis-style channel. One camera per streamable device; one master session per
 * viewer connection. Implemented in emulator/live/camera.ts over werift (pure TypeScript WebRTC).
 */

/** How a camera streams, from the world's JSON (`devices[].stream`), with defaults filled in. */
export interface CameraStreamSettings {
  /** Picture size in pixels; multiples of 16 (whole macroblocks). */
  width: number;
  height: number;
  /** Frames per second. */
  fps: number;
  /** Drawn on every frame with a running frame counter, so a viewer can tell cameras apart. */
  label: string;
}

/** An ICE candidate as RTCIceCandidateInit has it. */
export interface MasterCandidate {
  candidate: string;
  sdpMid: string | null;
  sdpMLineIndex: number | null;
}

/** The camera's side of one viewer's connection. */
export interface MasterSession {
  /** Answers a viewer's SDP offer; rejects (an Error with a plain message) when it offers no H.264. */
  answer(offerSdp: string): Promise<string>;
  /** A viewer's trickled candidate; ones that come before the offer are kept until it is applied. */
  addRemoteCandidate(candidate: MasterCandidate): Promise<void>;
  /** The camera's own candidates, trickled after the answer. Returns an unsubscribe. */
  onLocalCandidate(listener: (candidate: MasterCandidate) => void): () => void;
  /** Ends the connection and stops sending. */
  close(): Promise<void>;
}

/** One emulated camera: its frame source, shared by all of its viewers. */
export interface EmulatedCamera {
  readonly settings: CameraStreamSettings;
  openSession(): MasterSession;
  /** Ends every session and stops the frame clock. */
  close(): Promise<void>;
}
