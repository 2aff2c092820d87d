import { MAX_LIVE_SESSIONS } from '../../common/live';
import type { LiveEvent } from '../../common/live';
import { wyze } from '../api';
import { useStore } from './index';
import type { LiveSlice } from './live';
import {
  call,
  connect,
  deliver,
  end,
  openSession,
  release,
  camerasWithSessions,
  sessionOf,
  sessionWithId,
  stop,
} from './live-connection';
import { LIVE_STATUS, removeEntry, setEntry } from './live-entries';
import { freeSlot, takeSlot } from './live-slots';

/**
 * The live sessions behind the open views (docs/protocol.md, "Live view"): one per camera, each
 * with the page's RTCPeerConnection and the session main keeps with the camera (one session's
 * steps: store/live-connection.ts). The open views (store/live.ts) say which cameras should
 * stream; this module starts and stops sessions to match, hands each of main's events to its
 * session, pauses every stream while the page is hidden and ends them all on sign-out. Loaded
 * with the viewer (renderer/README.md, "Bundle budget"); its exported functions are live view's
 * store actions.
 */

/** Events for a session id not known yet (main answered live:start after sending them). */
const early: LiveEvent[] = [];
const MAX_EARLY_EVENTS = 64;
let paused = false;

/** One event from main, queued on its session; held a moment when the session is not known yet. */
function receive(event: LiveEvent): void {
  const s = sessionWithId(event.sessionId);
  if (!s) {
    early.push(event);
    if (early.length > MAX_EARLY_EVENTS) early.shift();
    return;
  }
  deliver(s, event);
}

/** Starts (or starts again) a camera's session; its view says "Connecting…". */
async function start(mac: string): Promise<void> {
  const s = openSession(mac);
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
  const waiting = early.filter((event) => event.sessionId === sessionId);
  early.splice(0, early.length, ...early.filter((event) => event.sessionId !== sessionId));
  connect(s, sessionId, iceServers, waiting);
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
  for (const mac of camerasWithSessions()) {
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
  for (const mac of camerasWithSessions()) stop(mac);
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
    for (const mac of camerasWithSessions()) stop(mac);
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
  const s = sessionOf(mac);
  const phase = useStore.getState().liveEntries[mac]?.phase;
  if (!s || s.awaitingPeer || s.stream === null || s.stream !== stream) return;
  if (phase === 'connecting' || phase === 'reconnecting') {
    setEntry(mac, { phase: 'live', status: LIVE_STATUS.live });
  }
}

/** The current connection's statistics (frame rate, round-trip time), or null without one. */
export async function readLiveStats(mac: string): Promise<RTCStatsReport | null> {
  const peer = sessionOf(mac)?.peer;
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
