import { afterEach, describe, expect, it } from 'vitest';
import { RTCPeerConnection, RTCRtpCodecParameters, type RtpPacket } from 'werift';
import { createEmulatedCamera, LOOPBACK_ONLY_ICE, MAX_REMOTE_CANDIDATES } from './camera';
import type { EmulatedCamera, MasterSession } from './camera-types';
import { NO_H264_MESSAGE } from './h264/offer';
import { parseSps } from './h264/test-decoder';

/** A werift viewer in this process, on loopback only: it offers what the given codecs say. */
function createViewer(codecs: RTCRtpCodecParameters[]) {
  const viewer = new RTCPeerConnection({
    codecs: { video: codecs, audio: [] },
    // A full agent needs a STUN server or werift falls back to a public one: a closed port on
    // loopback, given up on at once.
    iceServers: [{ urls: 'stun:127.0.0.1:9' }],
    iceStunGatherTimeout: 0.05,
    ...LOOPBACK_ONLY_ICE,
  });
  viewer.addTransceiver('video', { direction: 'recvonly' });
  return viewer;
}

function h264(payloadType: number, parameters: string) {
  return new RTCRtpCodecParameters({
    mimeType: 'video/H264',
    clockRate: 90000,
    payloadType,
    rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }],
    parameters,
  });
}

/** Offers, answers and trickles candidates both ways between a werift viewer and a session. */
async function connect(viewer: RTCPeerConnection, session: MasterSession): Promise<string> {
  viewer.onIceCandidate.subscribe((candidate) => {
    if (!candidate?.candidate) return;
    void session.addRemoteCandidate({
      candidate: candidate.candidate,
      sdpMid: candidate.sdpMid ?? null,
      sdpMLineIndex: candidate.sdpMLineIndex ?? null,
    });
  });
  session.onLocalCandidate((candidate) => {
    void viewer.addIceCandidate({
      candidate: candidate.candidate,
      sdpMid: candidate.sdpMid ?? undefined,
      sdpMLineIndex: candidate.sdpMLineIndex ?? undefined,
    });
  });
  const offer = await viewer.createOffer();
  await viewer.setLocalDescription(offer);
  const answer = await session.answer(viewer.localDescription?.sdp ?? '');
  await viewer.setRemoteDescription({ type: 'answer', sdp: answer });
  return answer;
}

/**
 * Collects RTP packets until the first `count` frames are whole: werift may hand packets over out
 * of order (the sender encrypts asynchronously), so frames are rebuilt by sequence number, each
 * running from the packet after the previous marker to its own marker.
 */
function receiveFrames(viewer: RTCPeerConnection, count: number): Promise<RtpPacket[][]> {
  return new Promise((resolve) => {
    const bySequence = new Map<number, RtpPacket>();
    let firstSequence: number | undefined;
    viewer.onTrack.subscribe((track) => {
      track.onReceiveRtp.subscribe((packet) => {
        firstSequence ??= packet.header.sequenceNumber;
        bySequence.set((packet.header.sequenceNumber - firstSequence) & 0xffff, packet);
        const frames: RtpPacket[][] = [];
        let current: RtpPacket[] = [];
        for (let offset = 0; bySequence.has(offset) && frames.length < count; offset++) {
          const next = bySequence.get(offset);
          if (!next) break;
          current.push(next);
          if (next.header.marker) {
            frames.push(current);
            current = [];
          }
        }
        if (frames.length === count) resolve(frames);
      });
    });
  });
}

/** Reassembles a frame's NAL units from single-NAL, STAP-A and FU-A packets (RFC 6184). */
function nalUnitsOf(packets: RtpPacket[]): Buffer[] {
  const nalUnits: Buffer[] = [];
  let fragments: Buffer[] = [];
  for (const packet of packets) {
    const type = (packet.payload[0] ?? 0) & 0x1f;
    if (type === 28) {
      const fuHeader = packet.payload[1] ?? 0;
      if (fuHeader & 0x80) {
        fragments = [Buffer.from([((packet.payload[0] ?? 0) & 0xe0) | (fuHeader & 0x1f)])];
      }
      fragments.push(packet.payload.subarray(2));
      if (fuHeader & 0x40) nalUnits.push(Buffer.concat(fragments));
    } else if (type === 24) {
      for (let o = 1; o + 2 <= packet.payload.length;) {
        const size = packet.payload.readUInt16BE(o);
        nalUnits.push(packet.payload.subarray(o + 2, o + 2 + size));
        o += 2 + size;
      }
    } else {
      nalUnits.push(packet.payload);
    }
  }
  return nalUnits;
}

describe('createEmulatedCamera', () => {
  let camera: EmulatedCamera | undefined;
  const viewers: RTCPeerConnection[] = [];
  afterEach(async () => {
    await camera?.close();
    await Promise.all(viewers.splice(0).map((viewer) => viewer.close()));
  });

  it.each([
    ['VP8 only', [new RTCRtpCodecParameters({ mimeType: 'video/VP8', clockRate: 90000 })]],
    ['H.264 in packetization-mode 0', [h264(102, 'packetization-mode=0;profile-level-id=42e01f')]],
    ['H.264 High profile', [h264(102, 'packetization-mode=1;profile-level-id=640032')]],
  ])('refuses an offer of %s with a plain error', async (_name, codecs) => {
    camera = createEmulatedCamera({ width: 320, height: 240, fps: 10, label: 'Porch' });
    const viewer = createViewer(codecs);
    viewers.push(viewer);
    const offer = await viewer.createOffer();
    await expect(camera.openSession().answer(offer.sdp)).rejects.toThrow(NO_H264_MESSAGE);
  });

  const H264_VIDEO = [
    'm=video 9 UDP/TLS/RTP/SAVPF 102',
    'a=rtpmap:102 H264/90000',
    'a=fmtp:102 packetization-mode=1;profile-level-id=42e01f',
  ];
  it.each([
    ['an empty offer', ''],
    ['not SDP', 'hello\u0000world'],
    ['an H.264 section and nothing else', H264_VIDEO.join('\r\n')],
    [
      'no ICE credentials or fingerprint',
      [
        'v=0',
        'o=- 1 1 IN IP4 0.0.0.0',
        's=-',
        't=0 0',
        ...H264_VIDEO,
        'a=mid:0',
        'a=recvonly',
      ].join('\r\n'),
    ],
  ])('refuses %s with an Error and stays usable', async (_name, sdp) => {
    camera = createEmulatedCamera({ width: 320, height: 240, fps: 10, label: 'Porch' });
    const session = camera.openSession();
    await expect(session.answer(sdp)).rejects.toThrow(/H\.264|ICE credentials/);
    await expect(session.answer(sdp)).rejects.toThrow(/closed|already|H\.264/);
    const viewer = createViewer([h264(102, 'packetization-mode=1;profile-level-id=42e01f')]);
    viewers.push(viewer);
    const offer = await viewer.createOffer();
    await expect(camera.openSession().answer(offer.sdp)).resolves.toMatch(/^a=rtpmap:102 H264/m);
  });

  it(`refuses a viewer's candidates past ${MAX_REMOTE_CANDIDATES} (a flood before the offer is not held)`, async () => {
    camera = createEmulatedCamera({ width: 320, height: 240, fps: 10, label: 'Porch' });
    const session = camera.openSession();
    const candidate = (n: number) => ({
      candidate: `candidate:${n} 1 udp 1 10.0.0.1 ${1000 + n} typ host`,
      sdpMid: '0',
      sdpMLineIndex: 0,
    });
    for (let n = 0; n < MAX_REMOTE_CANDIDATES; n++) {
      await session.addRemoteCandidate(candidate(n));
    }
    await expect(session.addRemoteCandidate(candidate(MAX_REMOTE_CANDIDATES))).rejects.toThrow(
      `at most ${MAX_REMOTE_CANDIDATES} candidates`,
    );
  });

  it('streams H.264 at the configured size: SPS, PPS and IDR first, then P frames', async () => {
    camera = createEmulatedCamera(
      { width: 320, height: 240, fps: 15, label: 'Porch' },
      { loopbackOnly: true },
    );
    const viewer = createViewer([h264(109, 'packetization-mode=1;profile-level-id=42001f')]);
    viewers.push(viewer);
    const frames = receiveFrames(viewer, 4);
    const answer = await connect(viewer, camera.openSession());
    // Host candidates only, and an ICE-lite agent that never asks a STUN server for more.
    expect(answer).toMatch(/^a=ice-lite\r?$/m);
    expect(answer).toMatch(/^a=sendonly\r?$/m);
    expect(answer).not.toMatch(/typ (srflx|relay)/);
    expect(answer).not.toMatch(/^m=audio/m);
    const received = await frames;
    const [first, ...rest] = received.map(nalUnitsOf);
    expect(first?.map((nal) => (nal[0] ?? 0) & 0x1f)).toEqual([7, 8, 5]);
    expect(parseSps(first?.[0] ?? Buffer.alloc(0))).toMatchObject({
      profileIdc: 66,
      widthInMbs: 20,
      heightInMbs: 15,
    });
    for (const nalUnits of rest) expect(nalUnits.map((nal) => (nal[0] ?? 0) & 0x1f)).toEqual([1]);
    const packets = received.flat();
    expect(packets.every((packet) => packet.header.payloadType === 109)).toBe(true);
    expect(packets.every((packet) => packet.payload.length <= 1200)).toBe(true);
    // The IDR slice (about 12 KB) goes as FU-A fragments: indicator 0x7c (nal_ref_idc 3, type 28).
    expect(packets.filter((packet) => packet.payload[0] === 0x7c).length).toBeGreaterThan(5);
    const timestamps = received.map((frame) => frame[0]?.header.timestamp ?? 0);
    for (let i = 1; i < timestamps.length; i++) {
      expect(timestamps[i]).toBeGreaterThan(timestamps[i - 1] ?? 0);
    }
    for (const frame of received) {
      expect(new Set(frame.map((packet) => packet.header.timestamp)).size).toBe(1);
      expect(frame.map((packet) => packet.header.marker)).toEqual([
        ...frame.slice(1).map(() => false),
        true,
      ]);
    }
  });

  it('starts a second viewer, joining a running stream, with SPS, PPS and an IDR', async () => {
    camera = createEmulatedCamera(
      { width: 160, height: 128, fps: 15, label: 'Yard' },
      { loopbackOnly: true },
    );
    const profile = 'packetization-mode=1;profile-level-id=42e01f';
    const first = createViewer([h264(102, profile)]);
    const second = createViewer([h264(102, profile)]);
    viewers.push(first, second);
    const firstFrames = receiveFrames(first, 3);
    await connect(first, camera.openSession());
    await firstFrames;
    const secondFrames = receiveFrames(second, 2);
    await connect(second, camera.openSession());
    const [joined] = (await secondFrames).map(nalUnitsOf);
    expect(joined?.map((nal) => (nal[0] ?? 0) & 0x1f)).toEqual([7, 8, 5]);
  });
});
