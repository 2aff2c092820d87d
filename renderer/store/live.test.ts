import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_LIVE_SESSIONS } from '../../common/live';
import type { LiveEnd } from '../../common/live';
import {
  deferred,
  FakePeerConnection,
  ICE,
  installFakeWebRtc,
  installLiveBridge,
  VIDEO_CODECS,
} from '../features/live/live-fakes';
import { device, list, session, snapshot } from '../test-support';
import { initialState, useStore } from './index';
import {
  closeLive,
  closeLiveWall,
  connectLive,
  markLiveFrame,
  retryLive,
  setOnWall,
} from './live-sessions';
import { LIVE_STATUS } from './live-entries';

const CAMS = ['A', 'B', 'C', 'D', 'E'].map((mac) => device({ mac, name: `Cam ${mac}` }));

let bridge: ReturnType<typeof installLiveBridge>;
let disconnect: () => void;

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

beforeEach(() => {
  useStore.setState(initialState());
  useStore.getState().setSession(session());
  useStore.getState().receiveCameras(snapshot(list(CAMS)));
  installFakeWebRtc();
  bridge = installLiveBridge();
  setVisibility('visible');
  disconnect = connectLive();
});
afterEach(() => {
  disconnect();
  vi.unstubAllGlobals();
});

const entry = (mac: string) => useStore.getState().liveEntries[mac];
const pcs = () => FakePeerConnection.all;
const lastPc = () => {
  const pc = pcs().at(-1);
  if (!pc) throw new Error('no peer connection yet');
  return pc;
};

/** Opens the viewer on A and waits until its offer went to main. */
async function watchA(): Promise<FakePeerConnection> {
  useStore.getState().watchLive('A');
  await vi.waitFor(() => expect(bridge.on('live:send-offer')).toHaveLength(1));
  return lastPc();
}

describe('starting a session', () => {
  it('asks main for a session, then offers receive-only video and audio with H.264 first', async () => {
    useStore.getState().watchLive('A');
    expect(entry('A')).toMatchObject({ phase: 'connecting', status: 'Connecting…' });
    const pc = await watchA();
    expect(bridge.on('live:start')).toEqual([{ mac: 'A' }]);
    expect(pc.config.iceServers).toEqual(ICE);
    expect(pc.transceivers.map((t) => [t.kind, t.direction])).toEqual([
      ['video', 'recvonly'],
      ['audio', 'recvonly'],
    ]);
    const preferred = pc.transceivers[0]?.preferred ?? [];
    // Constrained baseline with packetization-mode 1 first, then the other H.264, then the rest.
    expect(preferred[0]?.sdpFmtpLine).toContain('packetization-mode=1;profile-level-id=42e01f');
    expect(preferred.slice(0, 3).every((c) => c.mimeType === 'video/H264')).toBe(true);
    expect(preferred).toHaveLength(VIDEO_CODECS.length);
    expect(bridge.on('live:send-offer')).toEqual([
      { sessionId: 's1', sdp: pc.localDescription?.sdp },
    ]);
  });

  it('sends its own candidates only after the offer, and never end-of-candidates', async () => {
    const gate = deferred<unknown>();
    bridge.answers['live:send-offer'] = () => gate.promise;
    useStore.getState().watchLive('A');
    await vi.waitFor(() => expect(bridge.on('live:send-offer')).toHaveLength(1));
    const pc = lastPc();
    pc.gather('candidate:1 1 udp 1 10.0.0.2 5000 typ host');
    pc.gather(null);
    pc.gather('');
    expect(bridge.on('live:send-candidate')).toEqual([]);
    gate.resolve({ ok: true, value: null });
    await vi.waitFor(() => expect(bridge.on('live:send-candidate')).toHaveLength(1));
    pc.gather('candidate:2 1 udp 1 10.0.0.2 5001 typ host');
    await vi.waitFor(() => expect(bridge.on('live:send-candidate')).toHaveLength(2));
    expect(bridge.on('live:send-candidate')).toEqual([
      {
        sessionId: 's1',
        candidate: {
          candidate: 'candidate:1 1 udp 1 10.0.0.2 5000 typ host',
          sdpMid: '0',
          sdpMLineIndex: 0,
        },
      },
      {
        sessionId: 's1',
        candidate: {
          candidate: 'candidate:2 1 udp 1 10.0.0.2 5001 typ host',
          sdpMid: '0',
          sdpMLineIndex: 0,
        },
      },
    ]);
  });
});

describe('main’s events, strictly in order per session', () => {
  const candidate = (n: number) => ({ candidate: `candidate:${n}`, sdpMid: '0', sdpMLineIndex: 0 });

  it('keeps camera candidates that come before the answer and applies them after it, in order', async () => {
    const pc = await watchA();
    bridge.emit({ sessionId: 's1', kind: 'candidate', candidate: candidate(1) });
    bridge.emit({ sessionId: 's1', kind: 'candidate', candidate: candidate(2) });
    bridge.emit({ sessionId: 's1', kind: 'answer', sdp: 'v=0 answer' });
    bridge.emit({ sessionId: 's1', kind: 'candidate', candidate: candidate(3) });
    await vi.waitFor(() => expect(pc.remoteCandidates).toHaveLength(3));
    expect(pc.remoteDescription).toEqual({ type: 'answer', sdp: 'v=0 answer' });
    expect(pc.remoteCandidates.map((c) => c.candidate)).toEqual([
      'candidate:1',
      'candidate:2',
      'candidate:3',
    ]);
  });

  it('applies a candidate that arrives while the answer is being applied after it, not before', async () => {
    const pc = await watchA();
    const gate = deferred();
    pc.answerGate = gate.promise;
    bridge.emit({ sessionId: 's1', kind: 'answer', sdp: 'v=0 answer' });
    bridge.emit({ sessionId: 's1', kind: 'candidate', candidate: candidate(1) });
    gate.resolve();
    await vi.waitFor(() => expect(pc.remoteCandidates).toHaveLength(1));
    expect(pc.remoteCandidates[0]?.candidate).toBe('candidate:1');
  });

  it('ignores events of other sessions', async () => {
    const pc = await watchA();
    bridge.emit({ sessionId: 'other', kind: 'answer', sdp: 'v=0 stranger' });
    bridge.emit({ sessionId: 's1', kind: 'answer', sdp: 'v=0 answer' });
    await vi.waitFor(() => expect(pc.remoteDescription?.sdp).toBe('v=0 answer'));
  });

  it('says "Live" at the first decoded frame of the current stream', async () => {
    const pc = await watchA();
    bridge.emit({ sessionId: 's1', kind: 'answer', sdp: 'v=0 answer' });
    await vi.waitFor(() => expect(pc.remoteDescription).not.toBeNull());
    pc.track('video');
    const stream = entry('A')?.stream;
    expect(stream).toBeTruthy();
    expect(entry('A')?.hasAudio).toBe(false);
    markLiveFrame('A', {});
    expect(entry('A')?.status).toBe('Connecting…');
    markLiveFrame('A', stream);
    expect(entry('A')).toMatchObject({ phase: 'live', status: 'Live' });
    pc.track('audio');
    expect(entry('A')?.hasAudio).toBe(true);
  });

  it('on "reconnecting" keeps the stream and says so; on "ready" offers again on a new connection', async () => {
    const first = await watchA();
    first.track('video');
    const oldStream = entry('A')?.stream;
    markLiveFrame('A', oldStream);
    bridge.emit({ sessionId: 's1', kind: 'reconnecting', attempt: 1, reason: 'GO_AWAY' });
    await vi.waitFor(() => expect(entry('A')?.status).toBe('Reconnecting…'));
    expect(entry('A')?.stream).toBe(oldStream);
    // Frames still shown are the old connection's: not "Live" yet.
    markLiveFrame('A', oldStream);
    expect(entry('A')?.status).toBe('Reconnecting…');
    const fresh = [{ urls: ['turn:fresh.example:443'], username: 'u2', credential: 'p2' }];
    bridge.emit({ sessionId: 's1', kind: 'ready', iceServers: fresh });
    await vi.waitFor(() => expect(bridge.on('live:send-offer')).toHaveLength(2));
    const second = lastPc();
    expect(second).not.toBe(first);
    expect(first.closed).toBe(true);
    expect(second.config.iceServers).toEqual(fresh);
    expect(bridge.on('live:send-offer')[1]).toEqual({
      sessionId: 's1',
      sdp: second.localDescription?.sdp,
    });
    // The old connection's late events do nothing.
    first.track('video');
    first.gather('candidate:late');
    second.track('video');
    markLiveFrame('A', entry('A')?.stream);
    expect(entry('A')?.status).toBe('Live');
    expect(bridge.on('live:send-candidate')).toEqual([]);
  });

  it('says "Reconnecting…" while ICE is disconnected, and "Live" again when it reconnects', async () => {
    const pc = await watchA();
    pc.track('video');
    markLiveFrame('A', entry('A')?.stream);
    expect(entry('A')?.status).toBe('Live');
    pc.setState('disconnected');
    expect(entry('A')).toMatchObject({ phase: 'reconnecting', status: 'Reconnecting…' });
    pc.setState('connected');
    expect(entry('A')).toMatchObject({ phase: 'live', status: 'Live' });
    expect(bridge.on('live:restart')).toEqual([]);
  });

  it('restarts once when ICE fails, and says "Connection failed" with Retry the second time', async () => {
    const first = await watchA();
    first.setState('failed');
    await vi.waitFor(() => expect(bridge.on('live:restart')).toEqual([{ sessionId: 's1' }]));
    expect(entry('A')?.status).toBe('Reconnecting…');
    bridge.emit({ sessionId: 's1', kind: 'ready', iceServers: ICE });
    await vi.waitFor(() => expect(pcs()).toHaveLength(2));
    lastPc().setState('failed');
    await vi.waitFor(() => expect(entry('A')?.status).toBe(LIVE_STATUS.failed));
    expect(entry('A')).toMatchObject({ phase: 'failed', canRetry: true });
    expect(bridge.on('live:restart')).toHaveLength(1);
    expect(bridge.on('live:stop')).toEqual([{ sessionId: 's1' }]);
    expect(lastPc().closed).toBe(true);

    retryLive('A');
    await vi.waitFor(() => expect(bridge.on('live:send-offer')).toHaveLength(3));
    expect(bridge.on('live:start')).toHaveLength(2);
    expect(entry('A')?.status).toBe('Connecting…');
  });

  it('says "Connection failed" when main cannot restart the session', async () => {
    bridge.answers['live:restart'] = () => ({
      ok: false,
      error: { code: 'LIVE_SESSION_UNKNOWN', message: 'That live session has ended.' },
    });
    const pc = await watchA();
    pc.setState('failed');
    await vi.waitFor(() => expect(entry('A')?.status).toBe('Connection failed'));
  });
});

describe('what the status line says when a session cannot start or ends', () => {
  it.each([
    ['DEVICE_OFFLINE', 'The camera is offline (3019).', 'Camera is offline', true],
    ['PRIVACY_MODE', 'Privacy mode is on for this camera.', 'Privacy mode is on', true],
    [
      'LIVE_NOT_SUPPORTED',
      'Wyze cannot stream this camera.',
      'Wyze cannot stream this camera.',
      false,
    ],
    [
      'LIVE_LIMIT',
      'At most 4 cameras can stream at once.',
      'At most 4 cameras can stream at once.',
      true,
    ],
    ['NETWORK', 'Wyze could not be reached.', 'Wyze could not be reached.', true],
  ] as const)('startLive %s → "%s"', async (code, message, status, canRetry) => {
    bridge.answers['live:start'] = () => ({ ok: false, error: { code, message } });
    useStore.getState().watchLive('A');
    await vi.waitFor(() => expect(entry('A')?.phase).toBe('ended'));
    expect(entry('A')).toMatchObject({ status, canRetry });
    expect(pcs()).toEqual([]);
    expect(useStore.getState().liveUnsupported.A).toBe(
      code === 'LIVE_NOT_SUPPORTED' ? message : undefined,
    );
  });

  it.each([
    [{ code: 'DEVICE_OFFLINE', message: 'The camera went offline.' }, 'Camera is offline', true],
    [{ code: 'PRIVACY_MODE', message: 'Privacy mode was turned on.' }, 'Privacy mode is on', true],
    [{ code: 'signed-out', message: 'You signed out.' }, 'You signed out.', false],
    [
      { code: 'SIGNALLING_FAILED', message: 'The camera stopped answering.' },
      'The camera stopped answering.',
      true,
    ],
  ] as [LiveEnd, string, boolean][])('ended %o → "%s"', async (end, status, canRetry) => {
    const pc = await watchA();
    bridge.emit({ sessionId: 's1', kind: 'ended', end });
    await vi.waitFor(() => expect(entry('A')?.phase).toBe('ended'));
    expect(entry('A')).toMatchObject({ status, canRetry });
    expect(pc.closed).toBe(true);
    // Main already ended it: the page does not stop it again.
    expect(bridge.on('live:stop')).toEqual([]);
  });
});

describe('an end that overtakes the offer', () => {
  /** One macrotask: every promise step already queued (the bridge's answers included) has run. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const NO_ANSWER: LiveEnd = {
    code: 'SIGNALLING_FAILED',
    message: 'The camera did not answer. Try again.',
  };
  const UNKNOWN = {
    ok: false,
    error: { code: 'LIVE_SESSION_UNKNOWN', message: 'That live session is not open.' },
  };

  it('says main’s reason when "ended" comes while the offer is on its way to main', async () => {
    const offer = deferred<unknown>();
    bridge.answers['live:send-offer'] = () => offer.promise;
    useStore.getState().watchLive('A');
    await vi.waitFor(() => expect(bridge.on('live:send-offer')).toHaveLength(1));
    bridge.emit({ sessionId: 's1', kind: 'ended', end: NO_ANSWER });
    offer.resolve(UNKNOWN);
    await vi.waitFor(() => expect(entry('A')?.phase).toBe('ended'));
    await settle();
    expect(entry('A')).toMatchObject({ status: NO_ANSWER.message, canRetry: true });
    expect(lastPc().closed).toBe(true);
  });

  it('makes no connection when "ended" came before main answered live:start', async () => {
    const start = deferred<unknown>();
    bridge.answers['live:start'] = () => start.promise;
    useStore.getState().watchLive('A');
    await vi.waitFor(() => expect(bridge.on('live:start')).toHaveLength(1));
    bridge.emit({ sessionId: 's9', kind: 'ended', end: NO_ANSWER });
    bridge.answers['live:send-offer'] = () => UNKNOWN;
    start.resolve({ ok: true, value: { sessionId: 's9', iceServers: ICE } });
    await vi.waitFor(() => expect(entry('A')?.phase).toBe('ended'));
    await settle();
    expect(entry('A')).toMatchObject({ status: NO_ANSWER.message, canRetry: true });
    expect(pcs()).toEqual([]);
    expect(bridge.on('live:send-offer')).toEqual([]);
  });

  it('stops main’s session when main refuses the offer (its slot is not held)', async () => {
    bridge.answers['live:send-offer'] = () => ({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: 'The offer is too long.' },
    });
    useStore.getState().watchLive('A');
    await vi.waitFor(() => expect(entry('A')?.phase).toBe('ended'));
    expect(entry('A')).toMatchObject({ status: 'The offer is too long.', canRetry: true });
    expect(bridge.on('live:stop')).toEqual([{ sessionId: 's1' }]);
  });
});

describe('opening and closing views', () => {
  it('stops the session when its view closes, and one that main was still starting', async () => {
    await watchA();
    closeLive('A');
    expect(entry('A')).toBeUndefined();
    expect(lastPc().closed).toBe(true);
    expect(bridge.on('live:stop')).toEqual([{ sessionId: 's1' }]);

    const start = deferred<unknown>();
    bridge.answers['live:start'] = () => start.promise;
    useStore.getState().watchLive('B');
    await vi.waitFor(() => expect(bridge.on('live:start')).toHaveLength(2));
    closeLive('B');
    start.resolve({ ok: true, value: { sessionId: 'late', iceServers: ICE } });
    await vi.waitFor(() => expect(bridge.on('live:stop')).toHaveLength(2));
    expect(bridge.on('live:stop')[1]).toEqual({ sessionId: 'late' });
    expect(pcs()).toHaveLength(1);
  });

  it('moves the viewer’s camera to the wall, and never puts more than 4 on it', async () => {
    await watchA();
    useStore.getState().openLiveWall();
    expect(useStore.getState()).toMatchObject({ liveViewer: null, liveWall: ['A'] });
    for (const mac of ['B', 'C', 'D', 'E']) setOnWall(mac, true);
    expect(useStore.getState().liveWall).toEqual(['A', 'B', 'C', 'D']);
    await vi.waitFor(() => expect(bridge.on('live:start')).toHaveLength(MAX_LIVE_SESSIONS));
    expect(bridge.on('live:start').map((a) => a.mac)).toEqual(['A', 'B', 'C', 'D']);
    // The same session carried A over: it was not stopped and started again.
    expect(bridge.on('live:stop')).toEqual([]);

    setOnWall('B', false);
    setOnWall('E', true);
    await vi.waitFor(() => expect(bridge.on('live:stop')).toEqual([{ sessionId: 's2' }]));
    // E starts once main has let B's session go (its slot).
    await vi.waitFor(() =>
      expect(bridge.on('live:start').map((a) => a.mac)).toEqual(['A', 'B', 'C', 'D', 'E']),
    );
    closeLiveWall();
    await vi.waitFor(() => expect(bridge.on('live:stop')).toHaveLength(5));
    expect(useStore.getState().liveEntries).toEqual({});
  });

  it('never asks main for a fifth session while one it was starting or stopping may still hold a slot', async () => {
    useStore.getState().openLiveWall();
    const dStart = deferred<unknown>();
    const dStop = deferred<unknown>();
    bridge.answers['live:start'] = ({ mac }) =>
      mac === 'D'
        ? dStart.promise
        : { ok: true, value: { sessionId: `s-${String(mac)}`, iceServers: ICE } };
    bridge.answers['live:stop'] = ({ sessionId }) =>
      sessionId === 's-D' ? dStop.promise : { ok: true, value: null };
    for (const mac of ['A', 'B', 'C', 'D']) setOnWall(mac, true);
    await vi.waitFor(() => expect(bridge.on('live:start')).toHaveLength(4));
    // D comes off while main is still starting it, and E goes on: main may hold 4 already.
    setOnWall('D', false);
    setOnWall('E', true);
    expect(entry('E')).toMatchObject({ status: 'Connecting…' });
    dStart.resolve({ ok: true, value: { sessionId: 's-D', iceServers: ICE } });
    await vi.waitFor(() => expect(bridge.on('live:stop')).toEqual([{ sessionId: 's-D' }]));
    expect(bridge.on('live:start')).toHaveLength(4);
    // Main let D's go: E starts now.
    dStop.resolve({ ok: true, value: null });
    await vi.waitFor(() => expect(bridge.on('live:start')).toHaveLength(5));
    expect(bridge.on('live:start').at(-1)).toEqual({ mac: 'E' });
  });

  it('ends every session and closes every view on sign-out', async () => {
    await watchA();
    useStore.getState().setSession(session({ status: 'signedOut', email: null }));
    expect(bridge.on('live:stop')).toEqual([{ sessionId: 's1' }]);
    expect(useStore.getState()).toMatchObject({
      liveViewer: null,
      liveWall: null,
      liveEntries: {},
    });
    expect(lastPc().closed).toBe(true);
  });
});

describe('pausing while the window is hidden', () => {
  it('stops every stream when hidden (the view stays, "Paused") and starts them again when shown', async () => {
    useStore.getState().openLiveWall();
    setOnWall('A', true);
    setOnWall('B', true);
    await vi.waitFor(() => expect(bridge.on('live:send-offer')).toHaveLength(2));
    setVisibility('hidden');
    expect(
      bridge
        .on('live:stop')
        .map((a) => a.sessionId)
        .sort(),
    ).toEqual(['s1', 's2']);
    expect(pcs().every((pc) => pc.closed)).toBe(true);
    expect(entry('A')).toMatchObject({ phase: 'paused', status: 'Paused' });
    expect(entry('B')).toMatchObject({ phase: 'paused', status: 'Paused' });
    // A camera added while hidden waits too.
    setOnWall('C', true);
    expect(entry('C')?.status).toBe('Paused');
    expect(bridge.on('live:start')).toHaveLength(2);

    setVisibility('visible');
    await vi.waitFor(() => expect(bridge.on('live:send-offer')).toHaveLength(5));
    expect(bridge.on('live:start').map((a) => a.mac)).toEqual(['A', 'B', 'A', 'B', 'C']);
    expect(entry('A')?.status).toBe('Connecting…');
  });

  it('also pauses when the page goes away', async () => {
    await watchA();
    window.dispatchEvent(new Event('pagehide'));
    expect(bridge.on('live:stop')).toEqual([{ sessionId: 's1' }]);
  });
});
