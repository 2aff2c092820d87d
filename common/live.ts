/**
 * Live view's contract between the page and main (docs/protocol.md, "Live view"). Main owns the
 * bootstrap (get_streams) and the signalling socket; the page owns the RTCPeerConnection and sends
 * its offer and ICE candidates through main, which relays them to the camera. The access token
 * and the signed signalling URL never leave main; ICE server credentials must reach the page,
 * since the page's RTCPeerConnection uses them (docs/security.md, S25). No zod here: the preload
 * and the renderer bundle this file.
 */

/** At most this many live sessions at once (each is a camera's uplink and a Wyze relay). */
export const MAX_LIVE_SESSIONS = 4;
/** The largest SDP or candidate the page may send, in characters (Kinesis caps payloads at 10 KB). */
export const MAX_SIGNALLING_TEXT = 10 * 1024;
/** The longest session id main hands out (a UUID is 36). */
export const MAX_LIVE_SESSION_ID_LENGTH = 64;
/** The largest snapshot the page may ask main to save, in bytes of PNG (before base64). */
export const MAX_SNAPSHOT_BYTES = 12 * 1024 * 1024;

/** An ICE server as RTCPeerConnection takes it (the cloud's singular `url` is mapped to `urls`). */
export interface LiveIceServer {
  urls: string[];
  username?: string;
  credential?: string;
}

/** What starting a live session answers: its id and the ICE servers for the page's connection. */
export interface LiveSessionStart {
  sessionId: string;
  iceServers: LiveIceServer[];
}

/** A trickled ICE candidate, as RTCIceCandidateInit has it. */
export interface LiveCandidate {
  candidate: string;
  sdpMid: string | null;
  sdpMLineIndex: number | null;
}

/** Why a live session ended, in plain words, with a stable code the page can switch on. */
export interface LiveEnd {
  code:
    | 'stopped'
    | 'signed-out'
    | 'window-closed'
    | 'DEVICE_OFFLINE'
    | 'PRIVACY_MODE'
    | 'LIVE_NOT_SUPPORTED'
    | 'LIVE_REFUSED'
    | 'SIGNALLING_FAILED'
    | 'NETWORK'
    | 'RATE_LIMITED'
    | 'SESSION_EXPIRED'
    | 'INTERNAL';
  message: string;
}

/**
 * What main tells the page about one live session (event:live), in the order it happened:
 * - `answer`: the camera's SDP answer to the page's last offer;
 * - `candidate`: one of the camera's ICE candidates (apply after the answer);
 * - `reconnecting`: the signalling socket dropped or the service said GO_AWAY; main is getting a
 *   fresh bootstrap (the page keeps its video element and shows "Reconnecting…");
 * - `ready`: a new signalling socket is open (after `reconnecting`, or after the page asked for a
 *   restart): the page makes a new RTCPeerConnection with these ICE servers and sends a new offer;
 * - `ended`: the session is over and its id is no longer valid.
 */
export type LiveEvent =
  | { sessionId: string; kind: 'answer'; sdp: string }
  | { sessionId: string; kind: 'candidate'; candidate: LiveCandidate }
  | { sessionId: string; kind: 'reconnecting'; attempt: number; reason: string }
  | { sessionId: string; kind: 'ready'; iceServers: LiveIceServer[] }
  | { sessionId: string; kind: 'ended'; end: LiveEnd };

/** What saving a snapshot did: saved by main (desktop), left to the page (preview), or cancelled. */
export type SnapshotResult =
  | { kind: 'saved'; fileName: string }
  | { kind: 'download'; fileName: string }
  | { kind: 'cancelled' };
