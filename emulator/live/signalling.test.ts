import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_WORLD } from '../demo-account';
import { startEmulator } from '../server';
import type { RunningEmulator } from '../server';
import { fakeClock } from '../test-helpers';
import type { LiveFaults } from '../world';
import {
  CAMERA_CANDIDATE,
  Client,
  fakeCameras,
  manualScheduler,
  refusedWith,
} from './camera-fakes';

const FRONT_DOOR = '2CAA8E4F1A01';
const BACKYARD = '7C78B2103B44';
const OFFER = { type: 'offer', sdp: 'v=0\r\na=rtpmap:102 H264/90000\r\n' };

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(faults?: { mac: string; faults: Partial<LiveFaults> }) {
  const clock = fakeClock();
  const cameras = fakeCameras();
  const timers = manualScheduler();
  emulator = await startEmulator({
    world: DEMO_WORLD,
    port: 0,
    now: clock.now,
    live: { cameras: cameras.factory, schedule: timers.schedule },
  });
  if (faults) emulator.state.setLiveFaults(faults.mac, faults.faults);
  const running = emulator;
  const urlFor = (mac: string) => running.state.signalling.issue(running.url, mac);
  return { emulator: running, clock, cameras, timers, urlFor };
}

/** Connects and reads the empty frame the service sends first. */
async function connected(url: string): Promise<Client> {
  const client = new Client(url);
  await client.opened();
  expect(await client.next()).toBe('');
  return client;
}

describe('the signalling handshake', () => {
  it.each<[string, (url: string) => string]>([
    ['a tampered signature', (u) => u.replace(/[0-9a-f]$/, (c) => (c === 'a' ? 'b' : 'a'))],
    ['a changed ClientId', (u) => u.replace('X-Amz-ClientId=viewer-', 'X-Amz-ClientId=viewer-x')],
    ['a missing parameter', (u) => u.replace(/X-Amz-Security-Token=[^&]*&/, '')],
    ['a decoded ARN', (u) => u.replace(/%3A/g, ':')],
  ])('%s is refused with 403, before any upgrade', async (_label, change) => {
    const { urlFor, cameras } = await start();
    expect(await refusedWith(change(urlFor(FRONT_DOOR)))).toBe(403);
    expect(cameras.made).toHaveLength(0);
  });

  it('an expired URL is refused with 403', async () => {
    const { urlFor, clock } = await start();
    const url = urlFor(FRONT_DOOR);
    clock.advance(301_000);
    expect(await refusedWith(url)).toBe(403);
  });

  it('another path is 404, a camera that does not stream this way 403', async () => {
    const { emulator: e, urlFor } = await start();
    expect(await refusedWith(`${e.url.replace('http', 'ws')}/other`)).toBe(404);
    expect(await refusedWith(urlFor('GW_GC1_7C78B2A1B2C3'))).toBe(403);
  });

  it('each camera is made lazily, once, at its own resolution, and counted by the control API', async () => {
    const { emulator: e, urlFor, cameras } = await start();
    expect(cameras.made).toHaveLength(0);
    await connected(urlFor(FRONT_DOOR));
    await connected(urlFor(FRONT_DOOR));
    await connected(urlFor(BACKYARD));
    expect(cameras.made.map((c) => c.settings)).toEqual([
      { width: 320, height: 240, fps: 10, label: 'Front Door' },
      { width: 640, height: 368, fps: 10, label: 'Backyard' },
    ]);
    const res = await fetch(`${e.url}/__emulator/live/sockets`, {
      headers: { 'x-emulator-token': e.controlToken ?? '' },
    });
    expect(await res.json()).toEqual({ [FRONT_DOOR]: 2, [BACKYARD]: 1 });
  });
});

describe('viewer messages', () => {
  it('an offer is answered, the camera candidate follows the answer, candidates reach the camera', async () => {
    const { urlFor, cameras } = await start();
    const client = await connected(urlFor(FRONT_DOOR));
    client.send('SDP_OFFER', OFFER, 'offer-1');
    const answer = await client.nextMessage();
    expect(answer).toMatchObject({
      messageType: 'SDP_ANSWER',
      payload: { type: 'answer', sdp: 'answer from Front Door' },
      raw: { senderClientId: 'MASTER' },
    });
    expect(await client.nextMessage()).toMatchObject({
      messageType: 'ICE_CANDIDATE',
      payload: CAMERA_CANDIDATE,
    });
    const mine = {
      candidate: 'candidate:2 1 udp 1 10.233.0.1 40000 typ host',
      sdpMid: '0',
      sdpMLineIndex: 0,
    };
    client.send('ICE_CANDIDATE', mine);
    client.send('NOPE', {}); // a readiness signal: its STATUS_RESPONSE comes after the candidate
    expect((await client.nextMessage()).messageType).toBe('STATUS_RESPONSE');
    expect(cameras.made[0]?.sessions[0]?.remote).toEqual([mine]);
  });

  const big = Buffer.alloc(11 * 1024, 'a').toString();
  it.each<[string, string | Buffer]>([
    ['not JSON', '{nope'],
    ['an array', '[]'],
    ['an unknown action', JSON.stringify({ action: 'HELLO', messagePayload: '' })],
    [
      'a payload that is not base64',
      JSON.stringify({ action: 'SDP_OFFER', messagePayload: '$$$' }),
    ],
    [
      'a payload that is not JSON',
      JSON.stringify({ action: 'SDP_OFFER', messagePayload: 'aGVsbG8=' }),
    ],
    [
      'a payload over 10 KB',
      JSON.stringify({
        action: 'SDP_OFFER',
        messagePayload: Buffer.from(JSON.stringify({ type: 'offer', sdp: big })).toString('base64'),
      }),
    ],
    ['a frame over 16 KB', 'x'.repeat(20_000)],
    [
      'an offer without sdp',
      JSON.stringify({
        action: 'SDP_OFFER',
        messagePayload: Buffer.from('{"type":"offer"}').toString('base64'),
      }),
    ],
    [
      'an offer without H.264',
      JSON.stringify({
        action: 'SDP_OFFER',
        messagePayload: Buffer.from('{"type":"offer","sdp":"v=0 VP8"}').toString('base64'),
      }),
    ],
    [
      'a candidate without candidate',
      JSON.stringify({
        action: 'ICE_CANDIDATE',
        messagePayload: Buffer.from('{"sdpMid":"0"}').toString('base64'),
      }),
    ],
    [
      'a candidate with a bad index',
      JSON.stringify({
        action: 'ICE_CANDIDATE',
        messagePayload: Buffer.from('{"candidate":"c","sdpMLineIndex":-1}').toString('base64'),
      }),
    ],
    ['a binary frame', Buffer.from([1, 2, 3])],
  ])('%s gets a STATUS_RESPONSE and the socket stays usable', async (_label, frame) => {
    const { urlFor } = await start();
    const client = await connected(urlFor(FRONT_DOOR));
    client.ws.send(frame);
    const status = await client.nextMessage();
    expect(status.messageType).toBe('STATUS_RESPONSE');
    expect(status.raw.statusResponse).toMatchObject({
      statusCode: '400',
      description: expect.any(String),
    });
    client.send('SDP_OFFER', OFFER);
    expect((await client.nextMessage()).messageType).toBe('SDP_ANSWER');
  });

  it('an empty frame from the viewer is ignored', async () => {
    const { urlFor } = await start();
    const client = await connected(urlFor(FRONT_DOOR));
    client.ws.send('');
    client.send('SDP_OFFER', OFFER);
    expect((await client.nextMessage()).messageType).toBe('SDP_ANSWER');
  });

  it('a camera switched to privacy mode after the bootstrap answers a STATUS_RESPONSE', async () => {
    const { urlFor, emulator: e } = await start();
    e.state.updateDevice(FRONT_DOOR, { powerOn: false });
    const client = await connected(urlFor(FRONT_DOOR));
    client.send('SDP_OFFER', OFFER, 'c-9');
    expect((await client.nextMessage()).raw.statusResponse).toMatchObject({
      correlationId: 'c-9',
      description: 'the camera is in privacy mode',
    });
  });

  it('closing the socket closes the session and, with its last viewer, the camera', async () => {
    const { urlFor, cameras, emulator: e } = await start();
    const client = await connected(urlFor(FRONT_DOOR));
    client.send('SDP_OFFER', OFFER);
    await client.nextMessage();
    client.ws.close();
    await cameras.made[0]?.closed;
    expect(cameras.made[0]?.sessions[0]?.closed).toBe(true);
    expect(e.state.liveSockets?.counts()).toEqual({});
  });
});

describe('signalling faults', () => {
  it('never answer: the offer gets nothing', async () => {
    const { urlFor } = await start({ mac: FRONT_DOOR, faults: { neverAnswer: true } });
    const client = await connected(urlFor(FRONT_DOOR));
    client.send('SDP_OFFER', OFFER);
    client.send('NOPE', {});
    expect((await client.nextMessage()).messageType).toBe('STATUS_RESPONSE');
  });

  it('status error: a STATUS_RESPONSE with the offer correlation id instead of an answer', async () => {
    const { urlFor } = await start({ mac: FRONT_DOOR, faults: { statusError: true } });
    const client = await connected(urlFor(FRONT_DOOR));
    client.send('SDP_OFFER', OFFER, 'offer-7');
    const status = await client.nextMessage();
    expect(status.messageType).toBe('STATUS_RESPONSE');
    expect(status.raw.statusResponse).toMatchObject({
      correlationId: 'offer-7',
      errorType: 'InternalFailure',
    });
  });

  it('drop after N s: the socket ends without a close frame when the timer fires', async () => {
    const { urlFor, timers } = await start({ mac: FRONT_DOOR, faults: { dropAfterSeconds: 3 } });
    const client = await connected(urlFor(FRONT_DOOR));
    expect(timers.pending()).toEqual([3000]);
    timers.fire();
    expect(await client.closed).toBe(1006);
  });

  it('GO_AWAY after N s, then the socket closes', async () => {
    const { urlFor, timers } = await start({ mac: FRONT_DOOR, faults: { goAwayAfterSeconds: 2 } });
    const client = await connected(urlFor(FRONT_DOOR));
    expect(timers.pending()).toEqual([2000]);
    timers.fire();
    expect((await client.nextMessage()).messageType).toBe('GO_AWAY');
    expect(await client.closed).toBe(1001);
  });

  it('RECONNECT_ICE_SERVER after N s; the socket stays open', async () => {
    const { urlFor, timers } = await start({
      mac: FRONT_DOOR,
      faults: { reconnectIceServerAfterSeconds: 5 },
    });
    const client = await connected(urlFor(FRONT_DOOR));
    expect(timers.pending()).toEqual([5000]);
    timers.fire();
    expect((await client.nextMessage()).messageType).toBe('RECONNECT_ICE_SERVER');
    client.send('SDP_OFFER', OFFER);
    expect((await client.nextMessage()).messageType).toBe('SDP_ANSWER');
  });

  it('live faults and drops through the control API', async () => {
    const { emulator: e, urlFor } = await start();
    const control = (action: string, body: unknown) =>
      fetch(`${e.url}/__emulator/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-emulator-token': e.controlToken ?? '' },
        body: JSON.stringify(body),
      });
    const set = await control('live/faults', { mac: FRONT_DOOR, faults: { statusError: true } });
    expect(set.status).toBe(200);
    expect((await control('live/faults', { mac: 'nope', faults: {} })).status).toBe(400);
    expect((await control('live/faults', { mac: FRONT_DOOR, faults: { bogus: 1 } })).status).toBe(
      400,
    );
    const client = await connected(urlFor(FRONT_DOOR));
    const drop = await control('live/drop', { mac: FRONT_DOOR });
    expect(await drop.json()).toEqual({ dropped: 1 });
    expect(await client.closed).toBe(1006);
  });
});

describe('stopping the emulator', () => {
  it('closes every signalling socket and camera', async () => {
    const { urlFor, cameras, emulator: e } = await start();
    const a = await connected(urlFor(FRONT_DOOR));
    const b = await connected(urlFor(BACKYARD));
    await e.close();
    emulator = undefined;
    expect(await a.closed).toBe(1006);
    expect(await b.closed).toBe(1006);
    await Promise.all(cameras.made.map((c) => c.closed));
  });
});
