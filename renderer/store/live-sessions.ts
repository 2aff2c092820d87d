import { MAX_LIVE_SESSIONS } from '../../common/live';
import type { LiveCandidate, LiveEnd, LiveEvent, LiveIceServer } from '../../common/live';
import type { ErrorCode } from '../../common/errors';
import type { ErrorDto, Result } from '../../common/result';
import type { WyzeApi } from '../../preload/api';
import { createPeer } from '../features/live/peer';
import type { Peer } from '../features/live/peer';
import { wyze } from '../api';
import { useStore } from './index';
import type { LiveEntry, LiveSlice } from './live';

/**
 * The live sessions behind the open views (docs/protocol.md, "Live view"): one per camera, each
 * with the page's RTCPeerConnection and the session main keeps with the camera. The open views
 * (store/live.ts) say which cameras should stream; this module starts and stops sessions to match,
 * handles main's events for each one strictly in order (one promise chain per session), pauses
 * every stream while the page is hidden and ends them all on sign-out. Loaded with the viewer
 * (renderer/README.md, "Bundle budget"); its exported functions are live view's store actions.
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

const UNREACHABLE: ErrorDto = {
  code: 'INTERNAL',
  message: 'The app stopped answering. Restart it and try again.',
};

interface Session {
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

const sessions = new Map<string, Session>();
/** Events for a session id not known yet (main answered live:start after sending them). */
const early: LiveEvent[] = [];
const MAX_EARLY_EVENTS = 64;
let paused = false;

/**
 * Sessions main may hold: asked for and not yet known to be gone (a stop main has not answered,
 * a start a closed view no longer wants). A new start waits for one of the MAX_LIVE_SESSIONS
 * slots, so main is never asked for a fifth (it would refuse it with LIVE_LIMIT).
 */
let slotsInUse = 0;
let slotWaiters: (() => void)[] = [];

async function takeSlot(s: Session): Promise<boolean> {
  while (slotsInUse >= MAX_LIVE_SESSIONS && !s.closed) {
    await new Promise<void>((resolve) => slotWaiters.push(resolve));
  }
  if (s.closed) return false;
  slotsInUse += 1;
  s.slot = true;
  return true;
}

/** Main no longer holds this session: its slot goes to the starts waiting for one. */
function freeSlot(s: Session): void {
  if (!s.slot) return;
  s.slot = false;
  slotsInUse -= 1;
  const waiting = slotWaiters;
  slotWaiters = [];
  for (const wake of waiting) wake();
}

async function call<T>(request: (api: WyzeApi) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await request(wyze());
  } catch {
    return { ok: false, error: UNREACHABLE };
  }
}

/** Updates an open view's entry; `create` adds one (a view that was closed stays closed). */
function setEntry(mac: string, patch: Partial<LiveEntry>, create = false): void {
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

function removeEntry(mac: string): void {
  useStore.setState((s) => {
    if (!(mac in s.liveEntries)) return {};
    return {
      liveEntries: Object.fromEntries(Object.entries(s.liveEntries).filter(([m]) => m !== mac)),
    };
  });
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
function release(s: Session): void {
  const id = s.id;
  if (id === null) return;
  void call((api) => api.stopLive(id)).then(() => freeSlot(s));
}

/** Ends the page's side of a session: its connection closed, main told (when it has an id). */
function stop(mac: string): void {
  const s = sessions.get(mac);
  if (!s) return;
  sessions.delete(mac);
  s.closed = true;
  s.peer?.close();
  s.peer = null;
  release(s);
  // A start of this session still waiting for a slot stops waiting (takeSlot sees it closed).
  for (const wake of slotWaiters.splice(0)) wake();
}

/** What the status line says for a failed start or an ended session. */
function statusOf(code: ErrorCode | LiveEnd['code'], message: string): string {
  if (code === 'DEVICE_OFFLINE') return LIVE_STATUS.offline;
  if (code === 'PRIVACY_MODE') return LIVE_STATUS.privacy;
  return message;
}

/** The session is over (main said so, or would not start it): the view says why. */
function end(s: Session, code: ErrorCode | LiveEnd['code'], message: string): void {
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
function deliver(s: Session, event: LiveEvent): void {
  if (event.kind === 'ended') {
    end(s, event.end.code, event.end.message);
    freeSlot(s); // main ended it: the slot is free
  } else {
    run(s, () => handle(s, event));
  }
}

/** One event from main, queued on its session; held a moment when the session is not known yet. */
function receive(event: LiveEvent): void {
  const s = [...sessions.values()].find((x) => x.id === event.sessionId);
  if (!s) {
    early.push(event);
    if (early.length > MAX_EARLY_EVENTS) early.shift();
    return;
  }
  deliver(s, event);
}

/** Starts (or starts again) a camera's session; its view says "Connecting…". */
async function start(mac: string): Promise<void> {
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
  if (!(await takeSlot(s))) return;
  const started = await call((api) => api.startLive(mac));
  if (!started.ok) {
    freeSlot(s);
    if (!s.closed) end(s, started.error.code, started.error.message);
    return;
  }
  if (s.closed) {
    // Closed (or paused) while main was starting it: main's session is not needed any more.
    s.id = started.value.sessionId;
    release(s);
    return;
  }
  const { sessionId, iceServers } = started.value;
  s.id = sessionId;
  const waiting = early.filter((event) => event.sessionId === sessionId);
  early.splice(0, early.length, ...early.filter((event) => event.sessionId !== sessionId));
  // Ended before main's answer reached the page: no connection is made for it.
  const ended = waiting.find((event) => event.kind === 'ended');
  if (ended) return deliver(s, ended);
  run(s, () => negotiate(s, iceServers));
  for (const event of waiting) deliver(s, event);
}

/** The cameras the open views show: the wall's, or the viewer's one. */
function wanted(state: LiveSlice): readonly string[] {
  const macs = state.liveWall ?? (state.liveViewer === null ? [] : [state.liveViewer]);
  return macs.slice(0, MAX_LIVE_SESSIONS);
}

/** Starts the sessions of views just opened and stops those of views just closed. */
function reconcile(): void {
  const want = wanted(useStore.getState());
  for (const mac of Object.keys(useStore.getState().liveEntries)) {
    if (!want.includes(mac)) {
      stop(mac);
      removeEntry(mac);
    }
  }
  for (const mac of want) {
    if (useStore.getState().liveEntries[mac]) continue;
    if (paused) setEntry(mac, { phase: 'paused', status: LIVE_STATUS.paused }, true);
    else void start(mac);
  }
}

/** Hidden or minimised: every stream stops (the bandwidth is the user's, the relay Wyze's). */
function pause(): void {
  paused = true;
  for (const mac of [...sessions.keys()]) {
    stop(mac);
    setEntry(mac, { phase: 'paused', status: LIVE_STATUS.paused, canRetry: false });
  }
}

function resume(): void {
  paused = false;
  for (const [mac, entry] of Object.entries(useStore.getState().liveEntries)) {
    if (entry.phase === 'paused') void start(mac);
  }
}

function onVisibility(): void {
  if (document.visibilityState === 'hidden') pause();
  else if (paused) resume();
}

/** Signed out: every session stops and every view closes (main ends its side too). */
function closeEverything(): void {
  for (const mac of [...sessions.keys()]) stop(mac);
  useStore.setState({ liveViewer: null, liveWall: null, liveEntries: {}, liveUnsupported: {} });
}

let disconnect: (() => void) | null = null;

/**
 * Starts following the open views, main's live events, the page's visibility and the session;
 * idempotent. Returns what undoes it (stopping every session), for tests.
 */
export function connectLive(): () => void {
  if (disconnect) return disconnect;
  let offLive: () => void = () => undefined;
  try {
    offLive = wyze().onLive(receive);
  } catch {
    // No bridge: every start answers with a plain error instead.
  }
  const offStore = useStore.subscribe((state, prev) => {
    if (state.session.status === 'signedOut' && prev.session.status !== 'signedOut') {
      closeEverything();
    } else if (state.liveWall?.length === 0 && prev.liveWall === null && prev.liveViewer) {
      // The wall opened from the viewer: its camera goes on the wall, session and all (this
      // change runs the reconcile below with the camera still wanted).
      useStore.setState({ liveWall: [prev.liveViewer] });
    } else if (state.liveViewer !== prev.liveViewer || state.liveWall !== prev.liveWall) {
      reconcile();
    }
  });
  const onPageShow = () => onVisibility();
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', pause);
  window.addEventListener('pageshow', onPageShow);
  paused = document.visibilityState === 'hidden';
  reconcile();
  disconnect = () => {
    offLive();
    offStore();
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('pagehide', pause);
    window.removeEventListener('pageshow', onPageShow);
    for (const mac of [...sessions.keys()]) stop(mac);
    // Views still open start afresh when this connects again (React's StrictMode does that).
    useStore.setState({ liveEntries: {} });
    early.length = 0;
    paused = false;
    disconnect = null;
  };
  return disconnect;
}

/** Closes a camera's live view (the viewer, or its tile on the wall); its session stops. */
export function closeLive(mac: string): void {
  const { liveViewer, liveWall } = useStore.getState();
  if (liveViewer === mac) useStore.setState({ liveViewer: null });
  else if (liveWall?.includes(mac))
    useStore.setState({ liveWall: liveWall.filter((m) => m !== mac) });
}

export function closeLiveWall(): void {
  useStore.setState({ liveWall: null });
}

/** Puts a camera on the wall or takes it off; the wall never holds more than the session limit. */
export function setOnWall(mac: string, on: boolean): void {
  const wall = useStore.getState().liveWall;
  if (wall === null || wall.includes(mac) === on) return;
  if (!on) useStore.setState({ liveWall: wall.filter((m) => m !== mac) });
  else if (wall.length < MAX_LIVE_SESSIONS) useStore.setState({ liveWall: [...wall, mac] });
}

/** Starts a failed or ended view again, from a fresh session. */
export function retryLive(mac: string): void {
  if (useStore.getState().liveEntries[mac] && !paused) void start(mac);
}

/**
 * The video element showed a decoded frame of `stream`: the view is "Live" when that is the
 * current connection's stream (not the last frame of one being replaced).
 */
export function markLiveFrame(mac: string, stream: unknown): void {
  const s = sessions.get(mac);
  const phase = useStore.getState().liveEntries[mac]?.phase;
  if (!s || s.awaitingPeer || s.stream === null || s.stream !== stream) return;
  if (phase === 'connecting' || phase === 'reconnecting') {
    setEntry(mac, { phase: 'live', status: LIVE_STATUS.live });
  }
}

/** The current connection's statistics (frame rate, round-trip time), or null without one. */
export async function readLiveStats(mac: string): Promise<RTCStatsReport | null> {
  const peer = sessions.get(mac)?.peer;
  if (!peer) return null;
  try {
    return await peer.getStats();
  } catch {
    return null;
  }
}

/** Hands a snapshot (PNG, base64) to main: saved through its dialog, or left to the page. */
export const saveLiveSnapshot = (mac: string, pngBase64: string) =>
  call((api) => api.saveSnapshot(mac, pngBase64));
