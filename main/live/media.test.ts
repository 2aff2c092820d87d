import { afterEach, expect, it } from 'vitest';
import { RTCPeerConnection, RTCRtpCodecParameters } from 'werift';
import { LOOPBACK_ONLY_ICE, createEmulatedCamera } from '../../emulator/live/camera';
import { CHANNELS } from '../../common/ipc';
import type { LiveEvent } from '../../common/live';
import { signedInOnEmulator } from './test-services';

/**
 * Media through main's relay, in Node: a werift viewer stands in for the page, its offer and
 * candidates go over the IPC router, the real emulated camera's answer and candidates come back
 * as event:live, and H.264 arrives over RTP on loopback. Main never touches the media.
 */
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

it('a viewer gets H.264 from the Backyard camera through main (bootstrap, socket, relay)', async () => {
  const { services } = await signedInOnEmulator(
    (settings) => createEmulatedCamera(settings, { loopbackOnly: true }),
    cleanups,
  );

  const pc = new RTCPeerConnection({
    ...LOOPBACK_ONLY_ICE,
    codecs: {
      video: [
        new RTCRtpCodecParameters({
          mimeType: 'video/H264',
          clockRate: 90000,
          payloadType: 102,
          parameters: 'level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f',
        }),
      ],
      audio: [],
    },
  });
  cleanups.push(() => pc.close());
  const firstRtp = new Promise<number>((resolve) => {
    pc.addTransceiver('video', { direction: 'recvonly' }).onTrack.subscribe((track) =>
      track.onReceiveRtp.subscribe((rtp) => resolve(rtp.header.payloadType)),
    );
  });

  const app = { url: 'app://wyzecam/index.html', isMainFrame: true };
  const started = (await services.router.dispatch(app, CHANNELS.startLive, {
    mac: '7C78B2103B44',
  })) as { ok: boolean; value: { sessionId: string } };
  expect(started.ok).toBe(true);
  const { sessionId } = started.value;
  let answered = false;
  const early: LiveEvent[] = [];
  const apply = async (event: LiveEvent): Promise<void> => {
    if (event.kind === 'answer') {
      await pc.setRemoteDescription({ type: 'answer', sdp: event.sdp });
      answered = true;
      for (const e of early.splice(0)) await apply(e);
    } else if (event.kind === 'candidate') {
      if (!answered) early.push(event);
      else await pc.addIceCandidate(event.candidate as { candidate: string; sdpMid: string });
    }
  };
  services.subscribe((channel, payload) => {
    if (channel === 'event:live') void apply(payload as LiveEvent).catch(() => undefined);
  });
  pc.onIceCandidate.subscribe((candidate) => {
    if (!candidate?.candidate) return;
    const { sdpMid, sdpMLineIndex } = candidate.toJSON();
    void services.router.dispatch(app, CHANNELS.sendLiveCandidate, {
      sessionId,
      candidate: {
        candidate: candidate.candidate,
        sdpMid: sdpMid ?? null,
        sdpMLineIndex: sdpMLineIndex ?? null,
      },
    });
  });
  await pc.setLocalDescription(await pc.createOffer());
  await services.router.dispatch(app, CHANNELS.sendLiveOffer, {
    sessionId,
    sdp: pc.localDescription?.sdp ?? '',
  });

  expect(await firstRtp).toBe(102);
}, 30_000);
