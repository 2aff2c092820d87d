import { afterEach, describe, expect, it } from 'vitest';
import { FakeCamera } from '../../emulator/live/camera-fakes';
import type { RunningEmulator } from '../../emulator/server';
import { CHANNELS } from '../../common/ipc';
import type { LiveEvent } from '../../common/live';
import type { AppServices } from '../services';
import { signedInOnEmulator } from './test-services';

/**
 * Live view end to end in Node: the app's services against the emulator, whose get_streams
 * checks signature2 and whose signalling socket checks its signed URL byte for byte (a fake
 * camera answers, so no media runs here; the e2e tests play real video).
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const OFFER = 'v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 H264/90000\r\n';
const app = { url: 'app://wyzecam/index.html', isMainFrame: true };

async function signedIn(): Promise<{
  services: AppServices;
  emulator: RunningEmulator;
  events: LiveEvent[];
}> {
  const { services, emulator } = await signedInOnEmulator(
    (settings) => new FakeCamera(settings),
    cleanups,
  );
  const events: LiveEvent[] = [];
  services.subscribe((event, payload) => {
    if (event === 'event:live') events.push(payload as LiveEvent);
  });
  return { services, emulator, events };
}

const dispatch = (s: AppServices, channel: string, arg: unknown) =>
  s.router.dispatch(app, channel, arg) as Promise<{
    ok: boolean;
    value?: { sessionId: string; iceServers: unknown[] };
    error?: { code: string; message: string };
  }>;

describe('live view against the emulator', () => {
  it.each([
    ['Front Door (a Kinesis URL as sent)', '2CAA8E4F1A01'],
    ['Garage floodlight (a double-encoded URL)', 'D03F27A0C603'],
  ])(
    "%s: signed bootstrap, the socket opens, an offer gets the camera's answer",
    async (_name, mac) => {
      const { services, emulator, events } = await signedIn();
      const started = await dispatch(services, CHANNELS.startLive, { mac });
      expect(started).toMatchObject({ ok: true });
      expect(started.value?.iceServers).toEqual(
        expect.arrayContaining([expect.objectContaining({ urls: ['stun:127.0.0.1:9'] })]),
      );
      expect(emulator.state.liveSockets?.counts()).toEqual({ [mac]: 1 });
      const sessionId = started.value?.sessionId ?? '';
      expect(await dispatch(services, CHANNELS.sendLiveOffer, { sessionId, sdp: OFFER })).toEqual({
        ok: true,
        value: null,
      });
      await expect.poll(() => events.map((e) => e.kind)).toEqual(['answer', 'candidate']);
      expect(events[0]).toMatchObject({
        sessionId,
        kind: 'answer',
        sdp: expect.stringContaining('answer from'),
      });
    },
  );

  it.each([
    ['Shed (3019)', '2CAA8E4F1A11', 'DEVICE_OFFLINE'],
    ['Workshop (iot-state 0)', '7C78B2103B50', 'DEVICE_OFFLINE'],
    ['Living Room (iot-power 0)', '7C78B2103B45', 'PRIVACY_MODE'],
    ['Porch (a Wyze-run signalling host)', 'GW_GC1_7C78B2A1B2C3', 'LIVE_NOT_SUPPORTED'],
    ['Garage v1 (tutk only)', 'D03F27A0C602', 'LIVE_NOT_SUPPORTED'],
    ['a plug', '7C78B2C0FFEE', 'LIVE_NOT_SUPPORTED'],
    ['a MAC not on the list', 'FFFFFFFFFFFF', 'INVALID_ARGUMENT'],
  ])('%s explains itself: %s', async (_name, mac, code) => {
    const { services, emulator } = await signedIn();
    const started = await dispatch(services, CHANNELS.startLive, { mac });
    expect(started).toMatchObject({ ok: false, error: { code } });
    expect(started.error?.message.length).toBeGreaterThan(20);
    expect(emulator.state.liveSockets?.counts()).toEqual({});
  });

  it('a dropped socket reconnects with a fresh bootstrap and says ready', async () => {
    const { services, emulator, events } = await signedIn();
    await dispatch(services, CHANNELS.startLive, { mac: '2CAA8E4F1A01' });
    emulator.state.liveSockets?.drop('2CAA8E4F1A01');
    await expect
      .poll(() => events.map((e) => e.kind), { timeout: 5_000 })
      .toEqual(['reconnecting', 'ready']);
    expect(emulator.state.liveSockets?.counts()).toEqual({ '2CAA8E4F1A01': 1 });
  });

  it('sign-out ends every session, and the emulator sees its sockets close', async () => {
    const { services, emulator, events } = await signedIn();
    await dispatch(services, CHANNELS.startLive, { mac: '2CAA8E4F1A01' });
    await dispatch(services, CHANNELS.startLive, { mac: '7C78B2103B44' });
    expect(emulator.state.liveSockets?.counts()).toEqual({ '2CAA8E4F1A01': 1, '7C78B2103B44': 1 });
    await dispatch(services, CHANNELS.signOut, undefined);
    expect(events.map((e) => e.kind === 'ended' && e.end.code)).toEqual([
      'signed-out',
      'signed-out',
    ]);
    await expect.poll(() => emulator.state.liveSockets?.counts()).toEqual({});
  });

  it('quitting (shutdown) closes every signalling socket', async () => {
    const { services, emulator } = await signedIn();
    await dispatch(services, CHANNELS.startLive, { mac: '2CAA8E4F1A01' });
    await services.shutdown();
    await expect.poll(() => emulator.state.liveSockets?.counts()).toEqual({});
  });
});
