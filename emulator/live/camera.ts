import {
  H264Packetizer,
  MediaStreamTrack,
  RTCPeerConnection,
  RTCRtpCodecParameters,
  type RTCRtpTransceiver,
} from 'werift';
import type {
  CameraStreamSettings,
  EmulatedCamera,
  MasterCandidate,
  MasterSession,
} from './camera-types';
import {
  FrameSource,
  SYSTEM_CLOCK,
  type FrameClock,
  type FrameSink,
  type SourceFrame,
} from './h264/frame-source';
import {
  findOfferedH264,
  hasIceAndDtls,
  NO_H264_MESSAGE,
  NO_SECURITY_MESSAGE,
  type OfferedH264,
} from './h264/offer';
import { watchForSilence } from './viewer-silence';

/**
 * The emulated camera (emulator/README.md, "Emulated cameras"): the master end of each viewer's
 * WebRTC connection, over werift. It answers an offer with one send-only H.264 video track and
 * streams the shared frame source into it, RTP-packetised per RFC 6184.
 */

/** RTP payloads stay under a typical path MTU with room for SRTP and headers. */
const MAX_RTP_PAYLOAD = 1200;

export interface EmulatedCameraOptions {
  /** Keyframe period (default 2,000 ms) so a viewer that joined late or lost packets recovers. */
  keyframeIntervalMs?: number;
  clock?: FrameClock;
  /**
   * Gather and pair on 127.0.0.1 only: for tests whose viewer is werift in the same process, so
   * no packet reaches this machine's other addresses. Off by default: the camera offers host
   * candidates on every interface, as a camera on the viewer's network would (no STUN, no TURN).
   */
  loopbackOnly?: boolean;
}

/** The ICE settings for {@link EmulatedCameraOptions.loopbackOnly}; a werift viewer uses them too. */
export const LOOPBACK_ONLY_ICE = {
  iceAdditionalHostAddresses: ['127.0.0.1'],
  iceUseIpv6: false,
  iceFilterCandidatePair: (pair: {
    remoteCandidate: { host: string };
    protocol: { localCandidate?: { host: string } };
  }) =>
    pair.remoteCandidate.host === '127.0.0.1' && pair.protocol.localCandidate?.host === '127.0.0.1',
};

function codecFor(offered: OfferedH264): RTCRtpCodecParameters {
  return new RTCRtpCodecParameters({
    mimeType: 'video/H264',
    clockRate: 90000,
    payloadType: offered.payloadType,
    rtcpFeedback: [
      { type: 'nack' },
      { type: 'nack', parameter: 'pli' },
      { type: 'ccm', parameter: 'fir' },
    ],
    parameters: `level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=${offered.profileLevelId}`,
  });
}

function toMasterCandidate(candidate: {
  candidate: string;
  sdpMid?: string;
  sdpMLineIndex?: number;
}): MasterCandidate {
  return {
    candidate: candidate.candidate.startsWith('candidate:')
      ? candidate.candidate
      : `candidate:${candidate.candidate}`,
    sdpMid: candidate.sdpMid ?? null,
    sdpMLineIndex: candidate.sdpMLineIndex ?? null,
  };
}

/**
 * The viewer's candidates one session takes, before and after the offer; more are refused. A
 * browser trickles a handful; a client that floods them would grow the held list (and werift's
 * pairs and checks) without bound.
 */
export const MAX_REMOTE_CANDIDATES = 64;

/** One viewer's connection: a werift peer connection that sends the camera's frames. */
class WeriftMasterSession implements MasterSession, FrameSink {
  private connection: RTCPeerConnection | undefined;
  private readonly track = new MediaStreamTrack({ kind: 'video' });
  private packetizer: H264Packetizer | undefined;
  private answered = false;
  private closed = false;
  private readonly remoteBeforeOffer: MasterCandidate[] = [];
  private remoteCandidates = 0;
  private silence: { heard(): void; stop(): void } | undefined;
  private readonly localReleased: MasterCandidate[] = [];
  private readonly localHeld: MasterCandidate[] = [];
  private readonly listeners = new Set<(candidate: MasterCandidate) => void>();

  constructor(
    private readonly source: FrameSource,
    private readonly onClosed: (session: WeriftMasterSession) => void,
    private readonly loopbackOnly: boolean,
    private readonly clock: FrameClock,
  ) {}

  async answer(offerSdp: string): Promise<string> {
    if (this.closed) throw new Error('the session is closed');
    if (this.connection) throw new Error('the session already has an offer');
    const offered = findOfferedH264(offerSdp);
    const refusal = !offered
      ? NO_H264_MESSAGE
      : !hasIceAndDtls(offerSdp)
        ? NO_SECURITY_MESSAGE
        : '';
    if (!offered || refusal) {
      // A refused offer spends the session, as a failed answer does.
      await this.close();
      throw new Error(refusal);
    }
    const connection = new RTCPeerConnection({
      codecs: { video: [codecFor(offered)], audio: [] },
      iceServers: [],
      // ICE lite: the camera only answers checks. A full agent with no STUN server configured
      // would query werift's default public one (and wait 5 s for it where there is no route).
      iceLite: true,
      ...(this.loopbackOnly ? LOOPBACK_ONLY_ICE : {}),
    });
    this.connection = connection;
    this.packetizer = new H264Packetizer({
      payloadType: offered.payloadType,
      maxPayloadSize: MAX_RTP_PAYLOAD,
      inputFormat: 'annexb',
    });
    connection.onIceCandidate.subscribe((candidate) => {
      if (candidate?.candidate) this.emitLocal(toMasterCandidate(candidate));
    });
    connection.connectionStateChange.subscribe((state) => {
      if (state === 'failed' || state === 'closed') void this.close();
    });
    try {
      await connection.setRemoteDescription({ type: 'offer', sdp: offerSdp });
      const transceiver = connection
        .getTransceivers()
        .find((t: RTCRtpTransceiver) => t.kind === 'video');
      if (!transceiver) throw new Error(NO_H264_MESSAGE);
      transceiver.setDirection('sendonly');
      await transceiver.sender.replaceTrack(this.track);
      transceiver.sender.onReady.subscribe(() => {
        if (!this.closed) this.source.attach(this);
      });
      transceiver.sender.onPictureLossIndication.subscribe(() => this.source.requestKeyframe());
      // A viewer that stops reporting is gone: stop encoding for it (viewer-silence.ts).
      this.silence = watchForSilence(this.clock.setInterval, () => void this.close());
      transceiver.sender.onRtcp.subscribe(() => this.silence?.heard());
      for (const candidate of this.remoteBeforeOffer.splice(0)) {
        await connection.addIceCandidate(candidate);
      }
      const answer = await connection.createAnswer();
      const local = await connection.setLocalDescription(answer);
      if (this.closed) throw new Error('the session is closed');
      this.answered = true;
      this.releaseLocal();
      return local.toSdp().sdp;
    } catch (error) {
      await this.close();
      throw error instanceof Error ? error : new Error(String(error));
    }
  }

  async addRemoteCandidate(candidate: MasterCandidate): Promise<void> {
    if (this.closed) return;
    if (++this.remoteCandidates > MAX_REMOTE_CANDIDATES) {
      throw new Error(`a viewer may send at most ${MAX_REMOTE_CANDIDATES} candidates`);
    }
    if (!this.connection?.remoteDescription) {
      this.remoteBeforeOffer.push(candidate);
      return;
    }
    await this.connection.addIceCandidate({
      candidate: candidate.candidate,
      sdpMid: candidate.sdpMid ?? undefined,
      sdpMLineIndex: candidate.sdpMLineIndex ?? undefined,
    });
  }

  onLocalCandidate(listener: (candidate: MasterCandidate) => void): () => void {
    this.listeners.add(listener);
    for (const candidate of this.localReleased) listener(candidate);
    return () => this.listeners.delete(listener);
  }

  deliver(frame: SourceFrame): void {
    if (this.closed || !this.packetizer) return;
    for (const packet of this.packetizer.packetize(frame.annexB, frame.rtpTimestamp)) {
      this.track.writeRtp(packet);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.silence?.stop();
    this.source.detach(this);
    this.listeners.clear();
    this.onClosed(this);
    this.track.stop();
    await this.connection?.close();
  }

  /** Candidates gathered before the answer is returned wait for it (they trickle after it). */
  private emitLocal(candidate: MasterCandidate): void {
    if (this.closed) return;
    if (!this.answered) {
      this.localHeld.push(candidate);
      return;
    }
    this.localReleased.push(candidate);
    for (const listener of this.listeners) listener(candidate);
  }

  private releaseLocal(): void {
    queueMicrotask(() => {
      for (const candidate of this.localHeld.splice(0)) this.emitLocal(candidate);
    });
  }
}

/**
 * An emulated camera that streams its painted picture (label, frame counter, clock, a moving
 * marker) as H.264 constrained baseline to every viewer over WebRTC. No audio.
 */
export function createEmulatedCamera(
  settings: CameraStreamSettings,
  options: EmulatedCameraOptions = {},
): EmulatedCamera {
  const source = new FrameSource({
    ...settings,
    keyframeIntervalMs: options.keyframeIntervalMs,
    clock: options.clock,
  });
  const sessions = new Set<WeriftMasterSession>();
  let closed = false;
  return {
    settings,
    openSession() {
      if (closed) throw new Error('the camera is closed');
      const session = new WeriftMasterSession(
        source,
        (ended) => sessions.delete(ended),
        options.loopbackOnly ?? false,
        options.clock ?? SYSTEM_CLOCK,
      );
      sessions.add(session);
      return session;
    },
    async close() {
      closed = true;
      await Promise.all([...sessions].map((session) => session.close()));
      source.stop();
    },
  };
}
