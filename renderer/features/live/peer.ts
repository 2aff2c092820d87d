import type { LiveCandidate, LiveIceServer } from '../../../common/live';

/** What a peer connection tells the session that owns it. */
export interface PeerHandlers {
  /** One of the page's own ICE candidates, to trickle to the camera (never end-of-candidates). */
  onCandidate(candidate: LiveCandidate): void;
  /** The first track made the stream; later tracks join it (`kind` says which arrived). */
  onTrack(stream: MediaStream, kind: string): void;
  /** The connection reached `connected` (at first, or again after being disconnected). */
  onConnected(): void;
  /** ICE lost the path for now (`disconnected`): it may come back, or fail. */
  onDisconnected(): void;
  /** The connection failed (ICE could not find a path, or it was lost for good). */
  onFailed(): void;
}

/** One receive-only connection to a camera: video, and audio when the camera sends it. */
export interface Peer {
  /** Makes the offer and applies it locally; resolves with its SDP. */
  offer(): Promise<string>;
  /** Applies the camera's answer, then every candidate that arrived before it, in order. */
  applyAnswer(sdp: string): Promise<void>;
  /** Applies a camera candidate, or keeps it until the answer is applied. */
  addCandidate(candidate: LiveCandidate): Promise<void>;
  getStats(): Promise<RTCStatsReport>;
  close(): void;
}

type Codec = RTCRtpCodec;

/** Constrained baseline, the profile every camera and every Chromium can do (42e01f, 42001f). */
const isConstrainedBaseline = (c: Codec) =>
  /profile-level-id=42(e0|00)1f/i.test(c.sdpFmtpLine ?? '');
const isPacketizationMode1 = (c: Codec) => /packetization-mode=1/.test(c.sdpFmtpLine ?? '');
const isH264 = (c: Codec) => c.mimeType.toLowerCase() === 'video/h264';

/**
 * The receiver's video codecs with H.264 first (constrained baseline with packetization-mode 1
 * before any other H.264), the rest after in their own order. A real camera answers with H.264
 * only, so an offer without it gets no video (docs/protocol.md, "Live view").
 */
export function preferH264(codecs: readonly Codec[]): Codec[] {
  const rank = (c: Codec) =>
    !isH264(c)
      ? 3
      : isConstrainedBaseline(c) && isPacketizationMode1(c)
        ? 0
        : isPacketizationMode1(c)
          ? 1
          : 2;
  return codecs
    .map((codec, index) => ({ codec, index }))
    .sort((a, b) => rank(a.codec) - rank(b.codec) || a.index - b.index)
    .map(({ codec }) => codec);
}

/** Orders the video transceiver's codecs when the browser can (every Chromium the app runs in). */
function offerH264First(transceiver: RTCRtpTransceiver): void {
  const capabilities =
    typeof RTCRtpReceiver.getCapabilities === 'function'
      ? RTCRtpReceiver.getCapabilities('video')
      : null;
  if (!capabilities || typeof transceiver.setCodecPreferences !== 'function') return;
  const ordered = preferH264(capabilities.codecs);
  if (ordered.some(isH264)) transceiver.setCodecPreferences(ordered);
}

/**
 * Makes a receive-only RTCPeerConnection with the session's ICE servers. Camera candidates that
 * come before the answer are kept and applied after it, in order: `addIceCandidate` rejects a
 * candidate without a remote description (docs/protocol.md, "Live view").
 */
export function createPeer(iceServers: readonly LiveIceServer[], handlers: PeerHandlers): Peer {
  const pc = new RTCPeerConnection({ iceServers: iceServers.map((s) => ({ ...s })) });
  offerH264First(pc.addTransceiver('video', { direction: 'recvonly' }));
  // The camera may send no audio: its answer then leaves this m-line inactive and no track comes.
  pc.addTransceiver('audio', { direction: 'recvonly' });

  let stream: MediaStream | null = null;
  let answered = false;
  const early: LiveCandidate[] = [];
  let closed = false;

  pc.onicecandidate = (event) => {
    const c = event.candidate;
    // null (and, in some browsers, an empty string) is end-of-candidates: nothing to send.
    if (closed || !c || !c.candidate) return;
    handlers.onCandidate({
      candidate: c.candidate,
      sdpMid: c.sdpMid ?? null,
      sdpMLineIndex: c.sdpMLineIndex ?? null,
    });
  };
  pc.ontrack = (event) => {
    if (closed) return;
    if (stream === null) stream = new MediaStream([event.track]);
    else stream.addTrack(event.track);
    handlers.onTrack(stream, event.track.kind);
  };
  pc.onconnectionstatechange = () => {
    if (closed) return;
    if (pc.connectionState === 'connected') handlers.onConnected();
    if (pc.connectionState === 'disconnected') handlers.onDisconnected();
    if (pc.connectionState === 'failed') handlers.onFailed();
  };

  // A candidate the browser cannot use is skipped: the others may still find a path, and if none
  // does the connection fails and says so.
  const apply = (c: LiveCandidate) =>
    pc
      .addIceCandidate({ candidate: c.candidate, sdpMid: c.sdpMid, sdpMLineIndex: c.sdpMLineIndex })
      .catch(() => undefined);

  return {
    async offer() {
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      return pc.localDescription?.sdp ?? offer.sdp ?? '';
    },
    async applyAnswer(sdp) {
      await pc.setRemoteDescription({ type: 'answer', sdp });
      answered = true;
      for (const c of early.splice(0)) await apply(c);
    },
    async addCandidate(candidate) {
      if (!answered) early.push(candidate);
      else await apply(candidate);
    },
    getStats: () => pc.getStats(),
    close() {
      closed = true;
      pc.close();
    },
  };
}
