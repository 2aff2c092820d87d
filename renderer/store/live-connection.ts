import type { LiveCandidate, LiveEnd, LiveEvent, LiveIceServer } from '../../common/live';
import type { ErrorCode } from '../../common/errors';
import type { ErrorDto, Result } from '../../common/result';
import type { WyzeApi } from '../../preload/api';
import { createPeer } from '../features/live/peer';
import type { Peer } from '../features/live/peer';
import { wyze } from '../api';
import { useStore } from './index';
import { LIVE_STATUS, setEntry, statusOf } from './live-entries';
import { freeSlot, wakeSlotWaiters } from './live-slots';

/**
 * One camera's live session on the page's side (docs/protocol.md, "Live view"): its
 * RTCPeerConnection, the steps and main's events it runs strictly in order (one promise chain),
 * and its end, with what its view says at each step. store/live-sessions.ts decides which
 * sessions there are (the open views, the page's visibility, the account); this module is only
 * ever loaded with it (renderer/README.md, "Bundle budget").
 */

const UNREACHABLE: ErrorDto = {
  code: 'INTERNAL',
  message: 'The app stopped answering. Restart it and try again.',
};

export interface Session {
  mac: string;
  /** Main's id, once live:start answered. */
  id: string | null;
  peer: Peer | null;
  /** The current connection's stream (null until its first track). */
  stream: MediaStream | null;
  audio: boolean;
  /** Every event and local step of this session runs after the one before it. */
  chain: Promise<void>;
  /** The one ICE restart of this connection was used. */
  restarted: boolean;
  /** Set when the session is over: everything still queued for it does nothing. */
  closed: boolean;
  /** Reconnecting: frames still shown come from the old connection, not the new one. */
  awaitingPeer: boolean;
  /** Main may hold a session for it (asked for, not yet known to be gone): one of the slots. */
  slot: boolean;
}

/** The sessions, by camera MAC (one at most per camera): opened and stopped only here. */
const sessions = new Map<string, Session>();

/** The session of the camera `mac`, if it has one. */
export const sessionOf = (mac: string): Session | undefined => sessions.get(mac);

/** The session main knows as `sessionId`, if the page has it. */
export const sessionWithId = (sessionId: string): Session | undefined =>
  [...sessions.values()].find((s) => s.id === sessionId);

/** The cameras that have a session, as a list of their own (stopping one does not change it). */
export const camerasWithSessions = (): string[] => [...sessions.keys()];

export async function call<T>(request: (api: WyzeApi) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await request(wyze());
  } catch {
    return { ok: false, error: UNREACHABLE };
  }
}

/** Queues one step of a session after the ones before it; a step that throws fails the session. */
function run(s: Session, step: () => Promise<void> | void): void {
  s.chain = s.chain
    .then(() => (s.closed ? undefined : step()))
    .catch(() => {
      if (!s.closed) fail(s);
    });
}

/** Asks main to stop the session; its slot is free once main answered. */
export function release(s: Session): void {
  const id = s.id;
  if (id === null) return;
  void call((api) => api.stopLive(id)).then(() => freeSlot(s));
}

/** Ends the page's side of a session: its connection closed, main told (when it has an id). */
export function stop(mac: string): void {
  const s = sessions.get(mac);
  if (!s) return;
  sessions.delete(mac);
  s.closed = true;
  s.peer?.close();
  s.peer = null;
  release(s);
  // A start of this session still waiting for a slot stops waiting (takeSlot sees it closed).
  wakeSlotWaiters();
}

/** The session is over (main said so, or would not start it): the view says why. */
export function end(s: Session, code: ErrorCode | LiveEnd['code'], message: string): void {
  if (sessions.get(s.mac) === s) sessions.delete(s.mac);
  s.closed = true;
  s.peer?.close();
  s.peer = null;
  if (code === 'LIVE_NOT_SUPPORTED') {
    useStore.setState((st) => ({ liveUnsupported: { ...st.liveUnsupported, [s.mac]: message } }));
  }
  setEntry(s.mac, {
    phase: 'ended',
    status: statusOf(code, message),
    canRetry: code !== 'LIVE_NOT_SUPPORTED' && code !== 'signed-out',
  });
}

/** The connection could not be made or restarted: the session is stopped and Retry offered. */
function fail(s: Session): void {
  stop(s.mac);
  setEntry(s.mac, { phase: 'failed', status: LIVE_STATUS.failed, canRetry: true });
}

function sendCandidate(s: Session, candidate: LiveCandidate): void {
  const id = s.id;
  // A candidate main could not relay costs one path, not the session.
  if (id !== null && !s.closed) void call((api) => api.sendLiveCandidate(id, candidate));
}

/** A new connection with these ICE servers, and its offer (after closing the one before it). */
async function negotiate(s: Session, iceServers: readonly LiveIceServer[]): Promise<void> {
  s.peer?.close();
  s.stream = null;
  s.audio = false;
  // The page's candidates wait until main has the offer they belong to.
  let held: LiveCandidate[] | null = [];
  const current = () => s.peer === peer && !s.closed;
  const peer = createPeer(iceServers, {
    onCandidate(candidate) {
      if (!current()) return;
      if (held) held.push(candidate);
      else sendCandidate(s, candidate);
    },
    onTrack(stream, kind) {
      if (!current()) return;
      s.stream = stream;
      s.audio ||= kind === 'audio';
      s.awaitingPeer = false;
      setEntry(s.mac, { stream, hasAudio: s.audio });
    },
    onConnected() {
      if (!current()) return;
      // The restart is per working connection: one that worked may restart again later.
      s.restarted = false;
      // Back from `disconnected` on the same connection: its frames are flowing again.
      const phase = useStore.getState().liveEntries[s.mac]?.phase;
      if (phase === 'reconnecting' && !s.awaitingPeer && s.stream !== null) {
        setEntry(s.mac, { phase: 'live', status: LIVE_STATUS.live });
      }
    },
    onDisconnected() {
      // The picture is frozen while ICE looks for its path again (or fails, and restarts).
      if (current() && useStore.getState().liveEntries[s.mac]?.phase === 'live') {
        setEntry(s.mac, { phase: 'reconnecting', status: LIVE_STATUS.reconnecting });
      }
    },
    onFailed() {
      if (current()) run(s, () => iceFailed(s));
    },
  });
  s.peer = peer;
  const sdp = await peer.offer();
  const id = s.id;
  if (!current() || id === null) return;
  const sent = await call((api) => api.sendLiveOffer(id, sdp));
  if (!current()) return;
  if (!sent.ok) {
    // Main may still hold the session (an offer it refused): its socket and slot are let go.
    release(s);
    end(s, sent.error.code, sent.error.message);
    return;
  }
  const waiting = held;
  held = null;
  for (const candidate of waiting) sendCandidate(s, candidate);
}

/** ICE failed: main restarts the session once (and says `ready`); a second failure is final. */
async function iceFailed(s: Session): Promise<void> {
  const id = s.id;
  if (id === null) return;
  if (!s.restarted) {
    s.restarted = true;
    s.awaitingPeer = true;
    setEntry(s.mac, { phase: 'reconnecting', status: LIVE_STATUS.reconnecting });
    const restarted = await call((api) => api.restartLive(id));
    if (restarted.ok || s.closed) return;
  }
  fail(s);
}

async function handle(s: Session, event: LiveEvent): Promise<void> {
  switch (event.kind) {
    case 'answer':
      await s.peer?.applyAnswer(event.sdp);
      return;
    case 'candidate':
      await s.peer?.addCandidate(event.candidate);
      return;
    case 'reconnecting':
      // The video keeps its last frame (or keeps playing) while main gets a fresh bootstrap.
      s.awaitingPeer = true;
      setEntry(s.mac, { phase: 'reconnecting', status: LIVE_STATUS.reconnecting });
      return;
    case 'ready':
      s.awaitingPeer = true;
      if (useStore.getState().liveEntries[s.mac]?.phase === 'live') {
        setEntry(s.mac, { phase: 'reconnecting', status: LIVE_STATUS.reconnecting });
      }
      await negotiate(s, event.iceServers);
      return;
    case 'ended':
      end(s, event.end.code, event.end.message);
      return;
  }
}

/**
 * Queues a session's event, except `ended`, which ends it at once: it may overtake a step still
 * waiting on main (the offer), whose own failure would otherwise say "not open" for main's reason.
 */
export function deliver(s: Session, event: LiveEvent): void {
  if (event.kind === 'ended') {
    end(s, event.end.code, event.end.message);
    freeSlot(s); // main ended it: the slot is free
  } else {
    run(s, () => handle(s, event));
  }
}

/**
 * A new session of `mac` in place of the one it had (stopped), its view saying "Connecting…"
 * (opened if need be).
 */
export function openSession(mac: string): Session {
  stop(mac);
  const s: Session = {
    mac,
    id: null,
    peer: null,
    stream: null,
    audio: false,
    chain: Promise.resolve(),
    restarted: false,
    closed: false,
    awaitingPeer: false,
    slot: false,
  };
  sessions.set(mac, s);
  setEntry(mac, { phase: 'connecting', status: LIVE_STATUS.connecting, canRetry: false }, true);
  return s;
}

/**
 * Main has started the session (`sessionId`): its connection is made, and the events main sent
 * before its answer reached the page (`earlier`) follow, in order.
 */
export function connect(
  s: Session,
  sessionId: string,
  iceServers: readonly LiveIceServer[],
  earlier: readonly LiveEvent[],
): void {
  s.id = sessionId;
  // Ended before main's answer reached the page: no connection is made for it.
  const ended = earlier.find((event) => event.kind === 'ended');
  if (ended) return deliver(s, ended);
  run(s, () => negotiate(s, iceServers));
  for (const event of earlier) deliver(s, event);
}
