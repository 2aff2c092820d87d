/**
 * Test doubles for live view: the browser's RTCPeerConnection and MediaStream (jsdom has
 * neither; the real ones run in e2e), and a bridge whose live calls the test answers and whose
 * event:live it sends.
 */
import { vi } from 'vitest';
import { EVENTS } from '../../../common/channels';
import type { LiveEvent, LiveIceServer } from '../../../common/live';
import { buildWyzeApi } from '../../../preload/api';
import type { Transport } from '../../../preload/api';

/** A promise the test settles when it chooses. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export class FakeTrack {
  constructor(readonly kind: string) {}
}

export class FakeMediaStream {
  readonly tracks: FakeTrack[];
  constructor(tracks: FakeTrack[] = []) {
    this.tracks = [...tracks];
  }
  addTrack(track: FakeTrack): void {
    this.tracks.push(track);
  }
}

interface FakeTransceiver {
  kind: string;
  direction: string;
  preferred: RTCRtpCodec[] | null;
  setCodecPreferences(codecs: RTCRtpCodec[]): void;
}

/** What the receiver says it can decode (Chromium's order: VP8 first, H.264 further down). */
export const VIDEO_CODECS: RTCRtpCodec[] = [
  { mimeType: 'video/VP8', clockRate: 90000 },
  {
    mimeType: 'video/H264',
    clockRate: 90000,
    sdpFmtpLine: 'level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42e01f',
  },
  { mimeType: 'video/VP9', clockRate: 90000, sdpFmtpLine: 'profile-id=0' },
  {
    mimeType: 'video/H264',
    clockRate: 90000,
    sdpFmtpLine: 'level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=640c1f',
  },
  {
    mimeType: 'video/H264',
    clockRate: 90000,
    sdpFmtpLine: 'level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f',
  },
  { mimeType: 'video/rtx', clockRate: 90000 },
];

/**
 * RTCPeerConnection as far as live view uses it. Like the browser's, it rejects a remote
 * candidate before the remote description; the test holds setRemoteDescription with `answerGate`.
 */
export class FakePeerConnection {
  static all: FakePeerConnection[] = [];
  readonly transceivers: FakeTransceiver[] = [];
  readonly remoteCandidates: RTCIceCandidateInit[] = [];
  localDescription: RTCSessionDescriptionInit | null = null;
  remoteDescription: RTCSessionDescriptionInit | null = null;
  connectionState: RTCPeerConnectionState = 'new';
  closed = false;
  answerGate: Promise<void> = Promise.resolve();
  stats = new Map<string, unknown>();
  onicecandidate: ((event: { candidate: Partial<RTCIceCandidate> | null }) => void) | null = null;
  ontrack: ((event: { track: FakeTrack }) => void) | null = null;
  onconnectionstatechange: (() => void) | null = null;

  constructor(readonly config: RTCConfiguration) {
    FakePeerConnection.all.push(this);
  }

  addTransceiver(kind: string, init: { direction: string }): FakeTransceiver {
    const transceiver: FakeTransceiver = {
      kind,
      direction: init.direction,
      preferred: null,
      setCodecPreferences(codecs) {
        transceiver.preferred = codecs;
      },
    };
    this.transceivers.push(transceiver);
    return transceiver;
  }
  async createOffer(): Promise<RTCSessionDescriptionInit> {
    return { type: 'offer', sdp: `v=0 offer ${FakePeerConnection.all.indexOf(this)}` };
  }
  async setLocalDescription(description: RTCSessionDescriptionInit): Promise<void> {
    this.localDescription = description;
  }
  async setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    await this.answerGate;
    this.remoteDescription = description;
  }
  async addIceCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    if (!this.remoteDescription) throw new Error('InvalidStateError: no remote description');
    this.remoteCandidates.push(candidate);
  }
  async getStats(): Promise<Map<string, unknown>> {
    return new Map(this.stats);
  }
  close(): void {
    this.closed = true;
    this.connectionState = 'closed';
  }

  /** The browser gathered a candidate of the page's (null: end of candidates). */
  gather(candidate: string | null): void {
    this.onicecandidate?.({
      candidate: candidate === null ? null : { candidate, sdpMid: '0', sdpMLineIndex: 0 },
    });
  }
  track(kind: 'video' | 'audio'): void {
    this.ontrack?.({ track: new FakeTrack(kind) });
  }
  setState(state: RTCPeerConnectionState): void {
    this.connectionState = state;
    this.onconnectionstatechange?.();
  }
}

/** Puts the fakes where the page looks for the browser's classes. */
export function installFakeWebRtc(): void {
  FakePeerConnection.all = [];
  vi.stubGlobal('RTCPeerConnection', FakePeerConnection);
  vi.stubGlobal('MediaStream', FakeMediaStream);
  vi.stubGlobal('RTCRtpReceiver', { getCapabilities: () => ({ codecs: VIDEO_CODECS }) });
}

export const ICE: LiveIceServer[] = [
  { urls: ['turn:turn.example:443'], username: 'user', credential: 'pass' },
];

type Answer = (arg: Record<string, unknown>) => unknown;

/**
 * A bridge whose calls are recorded and answered by `answers` (startLive hands out s1, s2…; the
 * rest answer ok), and whose event:live the test sends with `emit`.
 */
export function installLiveBridge() {
  const calls: { channel: string; arg: Record<string, unknown> }[] = [];
  const listeners = new Set<(payload: unknown) => void>();
  let next = 0;
  const answers: Record<string, Answer> = {
    'live:start': () => ({ ok: true, value: { sessionId: `s${++next}`, iceServers: ICE } }),
  };
  const transport: Transport = {
    invoke: async (channel, arg) => {
      const request = (arg ?? {}) as Record<string, unknown>;
      calls.push({ channel, arg: request });
      const answer = answers[channel];
      return answer ? await answer(request) : { ok: true, value: null };
    },
    on: (event, listener) => {
      if (event !== EVENTS.live) return () => undefined;
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  Object.defineProperty(window, 'wyze', { value: buildWyzeApi(transport), configurable: true });
  return {
    calls,
    answers,
    /** The calls made on one channel, their arguments in order. */
    on: (channel: string) => calls.filter((c) => c.channel === channel).map((c) => c.arg),
    emit: (event: LiveEvent) => listeners.forEach((listener) => listener(event)),
  };
}
