import { afterEach, expect, it } from 'vitest';
import { RTCPeerConnection, RTCRtpCodecParameters } from 'werift';
import { DEMO_WORLD } from '../demo-account';
import { signature2 } from '../routes/streams';
import { startEmulator } from '../server';
import type { RunningEmulator } from '../server';
import { DEMO, md5x3 } from '../test-helpers';
import { Client } from './camera-fakes';
import { LOOPBACK_ONLY_ICE, createEmulatedCamera } from './camera';

// The whole chain on loopback: sign in, get_streams, the signed socket, an offer from a werift
// viewer, the real emulated camera's answer and candidates, and H.264 arriving over RTP.

let emulator: RunningEmulator | undefined;
let viewer: RTCPeerConnection | undefined;
afterEach(async () => {
  await viewer?.close();
  await emulator?.close();
  viewer = undefined;
  emulator = undefined;
});

async function bootstrap(base: string, mac: string): Promise<string> {
  const login = await fetch(`${base}/api/user/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'chain-test',
      keyid: DEMO.keyId,
      apikey: DEMO.apiKey,
    },
    body: JSON.stringify({ email: DEMO.email, password: md5x3(DEMO.password) }),
  });
  const { access_token: token } = (await login.json()) as { access_token: string };
  const body = JSON.stringify({
    device_list: [
      {
        device_id: mac,
        device_model: 'HL_CAM4',
        parameters: { use_trickle: true },
        provider: 'webrtc',
      },
    ],
    nonce: String(Date.now()),
  });
  const res = await fetch(`${base}/app/v4/camera/get_streams`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      access_token: token,
      authorization: token,
      appid: '9319141212m2ik',
      signature2: signature2(token, 'wyze_app_secret_key_132', body),
    },
    body,
  });
  const json = (await res.json()) as { data: { params: { signaling_url: string } }[] };
  return json.data[0]?.params.signaling_url ?? '';
}

it('a werift viewer gets H.264 from the Backyard camera through get_streams and the socket', async () => {
  emulator = await startEmulator({
    world: DEMO_WORLD,
    port: 0,
    live: { cameras: (settings) => createEmulatedCamera(settings, { loopbackOnly: true }) },
  });
  const client = new Client(await bootstrap(emulator.url, '7C78B2103B44'));
  await client.opened();
  expect(await client.next()).toBe('');

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
  viewer = pc;
  const firstRtp = new Promise<number>((resolve) => {
    pc.addTransceiver('video', { direction: 'recvonly' }).onTrack.subscribe((track) =>
      track.onReceiveRtp.subscribe((rtp) => resolve(rtp.header.payloadType)),
    );
  });
  pc.onIceCandidate.subscribe((candidate) => {
    if (candidate?.candidate) client.send('ICE_CANDIDATE', candidate.toJSON());
  });
  await pc.setLocalDescription(await pc.createOffer());
  client.send('SDP_OFFER', { type: 'offer', sdp: pc.localDescription?.sdp });

  const answer = await client.nextMessage();
  expect(answer.messageType).toBe('SDP_ANSWER');
  const { sdp } = answer.payload as { sdp: string };
  expect(sdp).toMatch(/H264\/90000/);
  await pc.setRemoteDescription({ type: 'answer', sdp });
  void (async () => {
    for (;;) {
      const message = await client.nextMessage();
      if (message.messageType !== 'ICE_CANDIDATE') continue;
      await pc.addIceCandidate(
        message.payload as { candidate: string; sdpMid: string; sdpMLineIndex: number },
      );
    }
  })().catch(() => undefined);

  expect(await firstRtp).toBe(102);
  expect(emulator.state.liveSockets?.counts()).toEqual({ '7C78B2103B44': 1 });
}, 30_000);
