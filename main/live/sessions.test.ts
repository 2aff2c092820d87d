import { describe, expect, it } from 'vitest';
import { MAX_LIVE_SESSIONS } from '../../common/live';
import type { LiveEvent } from '../../common/live';
import { createLogger } from '../logging/logger';
import { WyzeError, wyzeError } from '../wyze/errors';
import type { ErrorCode } from '../../common/errors';
import type { LiveBootstrap } from './bootstrap';
import { BOOTSTRAP_REUSE_MS, createLiveSessions } from './sessions';
import type { LiveCamera } from './sessions';
import { fakeScheduler, fakeSockets, settle } from './test-fakes';

const CAMERAS: LiveCamera[] = [
  { mac: 'CAM1', name: 'Front Door', model: 'HL_CAM4', isCamera: true },
  { mac: 'CAM2', name: 'Backyard', model: 'HL_CAM4', isCamera: true },
  { mac: 'PLUG', name: 'Lamp', model: 'WLPP1', isCamera: false },
];

const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64');
const frame = (messageType: string, payload?: unknown): string =>
  JSON.stringify({ messageType, ...(payload ? { messagePayload: b64(payload) } : {}) });

/** A live session manager over fakes; bootstraps are numbered so each socket's URL says which. */
function setup(
  opts: { autoOpen?: boolean; bootstrap?: (n: number) => Promise<LiveBootstrap> } = {},
) {
  const clock = fakeScheduler();
  const sockets = fakeSockets({ autoOpen: opts.autoOpen ?? true });
  const events: LiveEvent[] = [];
  let bootstraps = 0;
  let ids = 0;
  const sessions = createLiveSessions({
    cameras: () => CAMERAS,
    bootstrap: async () => {
      bootstraps++;
      if (opts.bootstrap) return opts.bootstrap(bootstraps);
      return {
        signallingUrl: `wss://x/${bootstraps}`,
        iceServers: [{ urls: [`turn:t${bootstraps}`], username: 'u', credential: 'c' }],
      };
    },
    openSocket: sockets.factory,
    scheduler: clock.scheduler,
    now: clock.now,
    logger: createLogger({ sink: () => undefined }),
    newId: () => `session-${++ids}`,
  });
  sessions.onEvent((e) => events.push(e));
  return { sessions, sockets, clock, events, bootstraps: () => bootstraps };
}

const codeOf = async (p: Promise<unknown> | (() => unknown)): Promise<string> => {
  try {
    await (typeof p === 'function' ? p() : p);
    return 'ok';
  } catch (err) {
    return err instanceof WyzeError ? err.code : 'thrown';
  }
};

const kinds = (events: LiveEvent[]): string[] => events.map((e) => e.kind);

describe('starting a live session', () => {
  it('bootstraps, opens the socket at the bootstrap URL and answers the id and ICE servers', async () => {
    const t = setup();
    expect(await t.sessions.start('CAM1')).toEqual({
      sessionId: 'session-1',
      iceServers: [{ urls: ['turn:t1'], username: 'u', credential: 'c' }],
    });
    expect(t.sockets.last()?.url).toBe('wss://x/1');
  });

  it.each([
    ['a MAC not on the list', 'NOPE', 'INVALID_ARGUMENT'],
    ['a device that is not a camera', 'PLUG', 'LIVE_NOT_SUPPORTED'],
  ])('refuses %s (%s) before any request', async (_name, mac, code) => {
    const t = setup();
    expect(await codeOf(t.sessions.start(mac))).toBe(code);
    expect(t.bootstraps()).toBe(0);
  });

  it.each<ErrorCode>([
    'DEVICE_OFFLINE',
    'PRIVACY_MODE',
    'LIVE_NOT_SUPPORTED',
    'LIVE_REFUSED',
    'RATE_LIMITED',
  ])(
    'a bootstrap that fails with %s fails the start with it and keeps no session',
    async (code) => {
      const t = setup({ bootstrap: () => Promise.reject(wyzeError(code)) });
      expect(await codeOf(t.sessions.start('CAM1'))).toBe(code);
      expect(t.sessions.count()).toBe(0);
      expect(t.events).toEqual([]);
    },
  );

  it('a socket that will not open fails the start with SIGNALLING_FAILED', async () => {
    const t = setup({ autoOpen: false });
    const start = t.sessions.start('CAM1');
    await settle();
    t.sockets.last()?.drop('handshake refused: HTTP 403');
    expect(await codeOf(start)).toBe('SIGNALLING_FAILED');
    expect(t.sessions.count()).toBe(0);
  });

  it(`allows at most ${MAX_LIVE_SESSIONS} sessions, counting ones still starting`, async () => {
    const t = setup({ autoOpen: false });
    const starts = Array.from({ length: MAX_LIVE_SESSIONS }, () => t.sessions.start('CAM1'));
    expect(await codeOf(t.sessions.start('CAM2'))).toBe('LIVE_LIMIT');
    await settle();
    for (const s of t.sockets.sockets) s.open();
    const started = await Promise.all(starts);
    t.sessions.stop(started[0]?.sessionId ?? '');
    const again = t.sessions.start('CAM2');
    await settle();
    t.sockets.last()?.open();
    expect(await codeOf(again)).toBe('ok');
  });

  it(`reuses a camera's bootstrap for ${BOOTSTRAP_REUSE_MS / 1000} s, then gets a fresh one`, async () => {
    const t = setup();
    await t.sessions.start('CAM1');
    t.clock.advance(BOOTSTRAP_REUSE_MS);
    await t.sessions.start('CAM1');
    expect(t.bootstraps()).toBe(1);
    t.clock.advance(1);
    await t.sessions.start('CAM1');
    expect(t.bootstraps()).toBe(2);
    await t.sessions.start('CAM2');
    expect(t.bootstraps()).toBe(3);
  });

  it('a reused bootstrap whose socket will not open (expired URL) is replaced by a fresh one once', async () => {
    const t = setup({ autoOpen: false });
    const first = t.sessions.start('CAM1');
    await settle();
    t.sockets.last()?.open();
    await first;
    const second = t.sessions.start('CAM1');
    await settle();
    t.sockets.last()?.drop('handshake refused: HTTP 403');
    await settle();
    expect(t.sockets.last()?.url).toBe('wss://x/2');
    t.sockets.last()?.open();
    expect(await codeOf(second)).toBe('ok');
  });

  it('an end between the socket opening and the answer cancels the start (no dead id)', async () => {
    const t = setup({ autoOpen: false });
    const start = t.sessions.start('CAM1');
    await settle();
    t.sockets.last()?.open();
    t.sessions.endAll('signed-out');
    expect(await codeOf(start)).toBe('CANCELLED');
    expect(t.sessions.count()).toBe(0);
  });

  it('a stop during the start ends it: the start is cancelled and its socket closed', async () => {
    const t = setup({ autoOpen: false });
    const start = t.sessions.start('CAM1');
    await settle();
    t.sessions.endAll('window-closed');
    expect(await codeOf(start)).toBe('CANCELLED');
    expect(t.sockets.last()?.closed).toBe(true);
  });
});

describe('relaying signalling', () => {
  it("sends the page's offer and candidates to MASTER and emits the camera's answer and candidates", async () => {
    const t = setup();
    const { sessionId } = await t.sessions.start('CAM1');
    const socket = t.sockets.last();
    t.sessions.sendOffer(sessionId, 'v=0 offer');
    t.sessions.sendCandidate(sessionId, {
      candidate: 'candidate:1',
      sdpMid: '0',
      sdpMLineIndex: 0,
    });
    expect(socket?.sent.map((s) => (JSON.parse(s) as { action: string }).action)).toEqual([
      'SDP_OFFER',
      'ICE_CANDIDATE',
    ]);
    socket?.receive('');
    socket?.receive(frame('SDP_ANSWER', { type: 'answer', sdp: 'v=0 answer' }));
    socket?.receive(
      frame('ICE_CANDIDATE', { candidate: 'candidate:2', sdpMid: '0', sdpMLineIndex: 0 }),
    );
    expect(t.events).toEqual([
      { sessionId, kind: 'answer', sdp: 'v=0 answer' },
      {
        sessionId,
        kind: 'candidate',
        candidate: { candidate: 'candidate:2', sdpMid: '0', sdpMLineIndex: 0 },
      },
    ]);
  });

  it('survives hostile frames: each is dropped and the session goes on', async () => {
    const t = setup();
    const { sessionId } = await t.sessions.start('CAM1');
    const socket = t.sockets.last();
    for (const text of [
      '{',
      'null',
      '[]',
      '{"messageType":7}',
      frame('SDP_ANSWER', { sdp: 5 }),
      'x'.repeat(40_000),
    ]) {
      socket?.receive(text);
    }
    socket?.receive(frame('SDP_ANSWER', { type: 'answer', sdp: 'ok' }));
    expect(t.events).toEqual([{ sessionId, kind: 'answer', sdp: 'ok' }]);
  });

  it('a STATUS_RESPONSE error ends the session with SIGNALLING_FAILED and a plain message', async () => {
    const t = setup();
    const { sessionId } = await t.sessions.start('CAM1');
    t.sockets.last()?.receive(
      JSON.stringify({
        messageType: 'STATUS_RESPONSE',
        statusResponse: { statusCode: '400', errorType: 'InvalidArgumentException<script>' },
      }),
    );
    expect(t.events).toEqual([
      {
        sessionId,
        kind: 'ended',
        end: {
          code: 'SIGNALLING_FAILED',
          message: expect.stringMatching(
            /^The camera's signalling service refused the connection \(status 400\)/,
          ),
        },
      },
    ]);
    expect(t.sockets.last()?.closed).toBe(true);
  });

  it('an unknown session id is LIVE_SESSION_UNKNOWN on every verb', async () => {
    const t = setup();
    const c = { candidate: 'c', sdpMid: null, sdpMLineIndex: null };
    expect(await codeOf(() => t.sessions.sendOffer('nope', 'v=0'))).toBe('LIVE_SESSION_UNKNOWN');
    expect(await codeOf(() => t.sessions.sendCandidate('nope', c))).toBe('LIVE_SESSION_UNKNOWN');
    expect(await codeOf(t.sessions.restart('nope'))).toBe('LIVE_SESSION_UNKNOWN');
    expect(await codeOf(() => t.sessions.stop('nope'))).toBe('LIVE_SESSION_UNKNOWN');
    const { sessionId } = await t.sessions.start('CAM1');
    t.sessions.stop(sessionId);
    expect(await codeOf(() => t.sessions.sendOffer(sessionId, 'v=0'))).toBe('LIVE_SESSION_UNKNOWN');
  });
});

describe('reconnecting', () => {
  it.each([
    ['a dropped socket', (s: { drop(): void }) => s.drop()],
    ['GO_AWAY', (s: { receive(t: string): void }) => s.receive(frame('GO_AWAY'))],
    [
      'RECONNECT_ICE_SERVER',
      (s: { receive(t: string): void }) => s.receive(frame('RECONNECT_ICE_SERVER')),
    ],
  ])(
    '%s: reconnecting, a wait, a fresh bootstrap and socket, then ready with its ICE servers',
    async (_n, cause) => {
      const t = setup();
      const { sessionId } = await t.sessions.start('CAM1');
      const first = t.sockets.last();
      cause(first as never);
      expect(first?.closed).toBe(true);
      expect(t.events).toEqual([
        { sessionId, kind: 'reconnecting', attempt: 1, reason: expect.any(String) },
      ]);
      expect(t.clock.pending()).toEqual([500]);
      expect(t.bootstraps()).toBe(1);
      t.clock.advance(500);
      await settle();
      expect(t.bootstraps()).toBe(2);
      expect(t.sockets.last()?.url).toBe('wss://x/2');
      expect(t.events.at(-1)).toEqual({
        sessionId,
        kind: 'ready',
        iceServers: [{ urls: ['turn:t2'], username: 'u', credential: 'c' }],
      });
      t.sessions.sendOffer(sessionId, 'v=0 again');
      expect(t.sockets.last()?.sent).toHaveLength(1);
      expect(first?.sent).toEqual([]);
    },
  );

  it('backs off 0.5, 1, 2, 4, 8 s while the cloud cannot be reached, then ends with SIGNALLING_FAILED', async () => {
    const t = setup({
      bootstrap: (n) =>
        n === 1
          ? Promise.resolve({ signallingUrl: 'wss://x/1', iceServers: [] })
          : Promise.reject(wyzeError('NETWORK')),
    });
    const { sessionId } = await t.sessions.start('CAM1');
    t.sockets.last()?.drop();
    const waits: number[] = [];
    for (let i = 0; i < 6 && t.clock.pending().length; i++) {
      const [ms = 0] = t.clock.pending();
      waits.push(ms);
      t.clock.advance(ms);
      await settle();
    }
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000]);
    expect(kinds(t.events)).toEqual([...Array<string>(5).fill('reconnecting'), 'ended']);
    expect(t.events.at(-1)).toMatchObject({ sessionId, end: { code: 'SIGNALLING_FAILED' } });
    expect(t.sessions.count()).toBe(0);
  });

  it('ends with the reason when the fresh bootstrap says the camera went into privacy mode', async () => {
    const t = setup({
      bootstrap: (n) =>
        n === 1
          ? Promise.resolve({ signallingUrl: 'wss://x/1', iceServers: [] })
          : Promise.reject(wyzeError('PRIVACY_MODE')),
    });
    await t.sessions.start('CAM1');
    t.sockets.last()?.receive(frame('GO_AWAY'));
    t.clock.advance(500);
    await settle();
    expect(t.events.at(-1)).toMatchObject({
      kind: 'ended',
      end: { code: 'PRIVACY_MODE', message: wyzeError('PRIVACY_MODE').message },
    });
  });

  it('counts attempts afresh once the camera answers again', async () => {
    const t = setup();
    await t.sessions.start('CAM1');
    for (let round = 0; round < 3; round++) {
      t.sockets.last()?.drop();
      t.clock.advance(500);
      await settle();
      t.sockets.last()?.receive(frame('SDP_ANSWER', { sdp: 'v=0' }));
    }
    expect(
      t.events.filter((e) => e.kind === 'reconnecting').map((e) => 'attempt' in e && e.attempt),
    ).toEqual([1, 1, 1]);
  });
});

describe('restart after an ICE failure, and ending', () => {
  it('restarts once with a fresh bootstrap and socket; a second request ends the session', async () => {
    const t = setup();
    const { sessionId } = await t.sessions.start('CAM1');
    await t.sessions.restart(sessionId);
    expect(t.bootstraps()).toBe(2);
    expect(t.sockets.sockets[0]?.closed).toBe(true);
    expect(t.events).toEqual([
      { sessionId, kind: 'ready', iceServers: [expect.objectContaining({ urls: ['turn:t2'] })] },
    ]);
    await t.sessions.restart(sessionId);
    expect(t.events.at(-1)).toMatchObject({ kind: 'ended', end: { code: 'NETWORK' } });
    expect(t.sockets.last()?.closed).toBe(true);
    expect(await codeOf(t.sessions.restart(sessionId))).toBe('LIVE_SESSION_UNKNOWN');
  });

  it.each(['signed-out', 'window-closed', 'stopped'] as const)(
    'endAll(%s) ends every session, closes every socket and tells the page why',
    async (reason) => {
      const t = setup();
      const a = await t.sessions.start('CAM1');
      const b = await t.sessions.start('CAM2');
      t.sessions.endAll(reason);
      expect(t.events).toEqual([
        {
          sessionId: a.sessionId,
          kind: 'ended',
          end: { code: reason, message: expect.any(String) },
        },
        {
          sessionId: b.sessionId,
          kind: 'ended',
          end: { code: reason, message: expect.any(String) },
        },
      ]);
      expect(t.sockets.sockets.every((s) => s.closed)).toBe(true);
      expect(t.sessions.count()).toBe(0);
    },
  );

  it('a sign-out forgets reusable bootstraps (they belong to the account)', async () => {
    const t = setup();
    await t.sessions.start('CAM1');
    t.sessions.endAll('signed-out');
    await t.sessions.start('CAM1');
    expect(t.bootstraps()).toBe(2);
  });

  it('an end during a reconnect wait stops it: no bootstrap, no socket, no more events', async () => {
    const t = setup();
    await t.sessions.start('CAM1');
    t.sockets.last()?.drop();
    t.sessions.endAll('signed-out');
    expect(t.clock.pending()).toEqual([]);
    t.clock.advance(10_000);
    await settle();
    expect(t.bootstraps()).toBe(1);
    expect(t.sockets.sockets).toHaveLength(1);
    expect(kinds(t.events)).toEqual(['reconnecting', 'ended']);
  });
});
