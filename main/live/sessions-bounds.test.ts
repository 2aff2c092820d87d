import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../common/live';
import { createLogger } from '../logging/logger';
import { ANSWER_TIMEOUT_MS, MAX_CANDIDATES_PER_SOCKET, createLiveSessions } from './sessions';
import { fakeScheduler, fakeSockets } from './test-fakes';

const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64');
const candidateFrame = (n: number): string =>
  JSON.stringify({
    messageType: 'ICE_CANDIDATE',
    messagePayload: b64({
      candidate: `candidate:${n} 1 udp 1 10.0.0.1 ${n} typ host`,
      sdpMid: '0',
    }),
  });

function setup() {
  const clock = fakeScheduler();
  const sockets = fakeSockets({ autoOpen: true });
  let bootstraps = 0;
  let ids = 0;
  const sessions = createLiveSessions({
    cameras: () => [
      { mac: 'CAM1', name: 'Front Door', model: 'HL_CAM4', isCamera: true },
      { mac: 'CAM2', name: 'Backyard', model: 'HL_CAM4', isCamera: true },
    ],
    bootstrap: () => Promise.resolve({ signallingUrl: `wss://x/${++bootstraps}`, iceServers: [] }),
    openSocket: sockets.factory,
    scheduler: clock.scheduler,
    now: clock.now,
    logger: createLogger({ sink: () => undefined }),
    newId: () => `session-${++ids}`,
  });
  return { sessions, sockets, clock };
}

describe('a session nobody can hear', () => {
  it('ends, socket closed, when the last listener leaves (a page reloaded or crashed)', async () => {
    const t = setup();
    const heard: LiveEvent[] = [];
    const offFirst = t.sessions.onEvent((e) => heard.push(e));
    const offSecond = t.sessions.onEvent(() => undefined);
    await t.sessions.start('CAM1');
    await t.sessions.start('CAM2');
    offFirst();
    expect(t.sessions.count()).toBe(2); // another page still listens
    offSecond();
    expect(t.sessions.count()).toBe(0);
    expect(t.sockets.sockets.map((s) => s.closed)).toEqual([true, true]);
  });

  it('a listener that leaves twice, or before any session, ends nothing later', async () => {
    const t = setup();
    const off = t.sessions.onEvent(() => undefined);
    off();
    t.sessions.onEvent(() => undefined);
    await t.sessions.start('CAM1');
    off();
    expect(t.sessions.count()).toBe(1);
  });
});

describe('a signalling service that floods candidates', () => {
  it(`relays at most ${MAX_CANDIDATES_PER_SOCKET} per socket, and counts afresh on a new one`, async () => {
    const t = setup();
    const candidates: LiveEvent[] = [];
    t.sessions.onEvent((e) => {
      if (e.kind === 'candidate') candidates.push(e);
    });
    const { sessionId } = await t.sessions.start('CAM1');
    for (let n = 0; n < MAX_CANDIDATES_PER_SOCKET * 10; n++)
      t.sockets.last()?.receive(candidateFrame(n));
    expect(candidates).toHaveLength(MAX_CANDIDATES_PER_SOCKET);
    await t.sessions.restart(sessionId);
    t.sockets.last()?.receive(candidateFrame(0));
    expect(candidates).toHaveLength(MAX_CANDIDATES_PER_SOCKET + 1);
  });
});

describe('a camera that never answers', () => {
  const answer = JSON.stringify({
    messageType: 'SDP_ANSWER',
    messagePayload: b64({ type: 'answer', sdp: 'v=0' }),
  });

  it(`ends the session with a plain reason ${ANSWER_TIMEOUT_MS / 1000} s after the offer`, async () => {
    const t = setup();
    const ended: LiveEvent[] = [];
    t.sessions.onEvent((e) => {
      if (e.kind === 'ended') ended.push(e);
    });
    const { sessionId } = await t.sessions.start('CAM1');
    t.sessions.sendOffer(sessionId, 'v=0 offer');
    t.clock.advance(ANSWER_TIMEOUT_MS - 1);
    expect(ended).toEqual([]);
    t.clock.advance(1);
    expect(ended).toEqual([
      {
        sessionId,
        kind: 'ended',
        end: { code: 'SIGNALLING_FAILED', message: expect.stringMatching(/did not answer/) },
      },
    ]);
    expect(t.sockets.last()?.closed).toBe(true);
    expect(t.sessions.count()).toBe(0);
  });

  it('an answer or a stop ends the wait', async () => {
    const t = setup();
    const first = await t.sessions.start('CAM1');
    t.sessions.sendOffer(first.sessionId, 'v=0 offer');
    t.sockets.last()?.receive(answer);
    const second = await t.sessions.start('CAM2');
    t.sessions.sendOffer(second.sessionId, 'v=0 offer');
    t.sessions.stop(second.sessionId);
    expect(t.clock.pending()).toEqual([]);
    t.clock.advance(ANSWER_TIMEOUT_MS * 2);
    expect(t.sessions.count()).toBe(1);
  });
});
