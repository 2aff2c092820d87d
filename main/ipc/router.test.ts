import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialWatchState } from '../../common/watch';
import { CHANNELS } from '../../common/ipc';
import type { Channel } from '../../common/ipc';
import { defaultViewPrefs } from '../../common/prefs';
import { emptyCameraList } from '../../common/view';
import type { SessionView } from '../../common/view';
import { snapshotOf } from '../cameras/delta';
import { createLogger } from '../logging/logger';
import { appOrigins, isTrustedSender } from '../policy';
import { wyzeError } from '../wyze/errors';
import { createIpcRouter } from './router';
import type { Handlers } from './router';

const view: SessionView = {
  status: 'signedOut',
  email: null,
  demo: false,
  persistence: 'memory',
  hasStoredApiKey: false,
  mfa: null,
  error: null,
};

function router(overrides: Partial<Handlers> = {}) {
  const calls: Channel[] = [];
  const record =
    <T>(channel: Channel, value: T) =>
    () => {
      calls.push(channel);
      return value;
    };
  const handlers: Handlers = {
    [CHANNELS.getSession]: record(CHANNELS.getSession, view),
    [CHANNELS.signIn]: record(CHANNELS.signIn, view),
    [CHANNELS.sendMfaCode]: record(CHANNELS.sendMfaCode, view),
    [CHANNELS.verifyMfa]: record(CHANNELS.verifyMfa, view),
    [CHANNELS.cancelSignIn]: record(CHANNELS.cancelSignIn, view),
    [CHANNELS.signOut]: record(CHANNELS.signOut, view),
    [CHANNELS.startDemo]: record(CHANNELS.startDemo, view),
    [CHANNELS.getCameras]: record(CHANNELS.getCameras, snapshotOf(emptyCameraList())),
    [CHANNELS.refreshCameras]: record(CHANNELS.refreshCameras, emptyCameraList()),
    [CHANNELS.resetCache]: record(CHANNELS.resetCache, emptyCameraList()),
    [CHANNELS.exportCameras]: record(CHANNELS.exportCameras, { kind: 'cancelled' }),
    [CHANNELS.reportVisibility]: record(CHANNELS.reportVisibility, null),
    [CHANNELS.reportRenderError]: record(CHANNELS.reportRenderError, null),
    [CHANNELS.openExternal]: record(CHANNELS.openExternal, null),
    [CHANNELS.getViewPrefs]: record(CHANNELS.getViewPrefs, defaultViewPrefs()),
    [CHANNELS.setViewPrefs]: record(CHANNELS.setViewPrefs, defaultViewPrefs()),
    [CHANNELS.startLive]: record(CHANNELS.startLive, { sessionId: 's', iceServers: [] }),
    [CHANNELS.sendLiveOffer]: record(CHANNELS.sendLiveOffer, null),
    [CHANNELS.sendLiveCandidate]: record(CHANNELS.sendLiveCandidate, null),
    [CHANNELS.restartLive]: record(CHANNELS.restartLive, null),
    [CHANNELS.stopLive]: record(CHANNELS.stopLive, null),
    [CHANNELS.saveSnapshot]: record(CHANNELS.saveSnapshot, { kind: 'cancelled' }),
    [CHANNELS.getWatch]: record(CHANNELS.getWatch, initialWatchState()),
    [CHANNELS.setWatchPrefs]: record(CHANNELS.setWatchPrefs, initialWatchState()),
    [CHANNELS.listActivity]: record(CHANNELS.listActivity, {
      records: [],
      nextCursor: null,
      total: 0,
    }),
    [CHANNELS.exportActivity]: record(CHANNELS.exportActivity, { kind: 'cancelled' }),
    [CHANNELS.markActivitySeen]: record(CHANNELS.markActivitySeen, initialWatchState()),
    [CHANNELS.listEvents]: record(CHANNELS.listEvents, { events: [], nextBefore: null }),
    ...overrides,
  };
  const r = createIpcRouter({
    handlers,
    isTrustedSender: isTrustedSender(appOrigins()),
    logger: createLogger({ sink: () => undefined }),
  });
  return { ...r, calls };
}

const app = { url: 'app://wyzecam/index.html', isMainFrame: true };

describe('handle() wrapper (security S9, S10)', () => {
  it('answers a valid call from the app', async () => {
    const r = router();
    expect(await r.dispatch(app, CHANNELS.getSession, undefined)).toEqual({
      ok: true,
      value: view,
    });
    expect(
      await r.dispatch(app, CHANNELS.signIn, {
        email: 'a@b.c',
        password: 'pw',
        keyId: 'k',
        apiKey: 'a',
      }),
    ).toMatchObject({ ok: true });
  });

  it.each([
    ['no frame', { url: null, isMainFrame: false }],
    ['a sub-frame', { url: 'app://wyzecam/index.html', isMainFrame: false }],
    ['another origin', { url: 'https://evil.example/', isMainFrame: true }],
    ['a look-alike host', { url: 'app://wyzecam.evil/', isMainFrame: true }],
    ['an opaque origin', { url: 'null', isMainFrame: true }],
    ['a file page', { url: 'file:///tmp/x.html', isMainFrame: true }],
  ])('refuses a forged sender: %s', async (_name, sender) => {
    const r = router();
    const result = await r.dispatch(sender, CHANNELS.signOut, undefined);
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    });
    expect(r.calls).toEqual([]);
  });

  it.each([
    [CHANNELS.signIn, { email: 'a', password: 'b', extra: 1 }],
    [CHANNELS.signIn, { email: 'a' }],
    [CHANNELS.signIn, { email: 'a'.repeat(321), password: 'b' }],
    [CHANNELS.sendMfaCode, { method: 'totp' }],
    [CHANNELS.verifyMfa, { method: 'sms', code: 123456 }],
    [CHANNELS.openExternal, { target: 'https://evil.example' }],
    [CHANNELS.reportVisibility, { visible: 'yes' }],
    [CHANNELS.getSession, { sneaky: true }],
    [CHANNELS.resetCache, { everything: true }],
    [CHANNELS.resetCache, null],
    [CHANNELS.startLive, { mac: '' }],
    [CHANNELS.startLive, { mac: 'M', extra: 1 }],
    [CHANNELS.sendLiveOffer, { sessionId: 's', sdp: 'v'.repeat(10 * 1024 + 1) }],
    [CHANNELS.sendLiveOffer, { sessionId: 's'.repeat(65), sdp: 'v=0' }],
    [CHANNELS.sendLiveCandidate, { sessionId: 's', candidate: { candidate: 'c', sdpMid: null } }],
    [
      CHANNELS.sendLiveCandidate,
      { sessionId: 's', candidate: { candidate: 'c', sdpMid: '0', sdpMLineIndex: 65 } },
    ],
    [CHANNELS.restartLive, { sessionId: 7 }],
    [CHANNELS.stopLive, {}],
    [CHANNELS.saveSnapshot, { mac: 'M', pngBase64: '' }],
    [CHANNELS.saveSnapshot, { mac: 'M', pngBase64: 'A'.repeat(16 * 1024 * 1024 + 4) }],
    ['not:a-channel', undefined],
    ['__proto__', undefined],
  ])('refuses %s with %o', async (channel, arg) => {
    const r = router();
    const result = await r.dispatch(app, channel, arg);
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    });
    expect(r.calls).toEqual([]);
  });

  it('turns a thrown WyzeError into its DTO and anything else into INTERNAL, with no stack', async () => {
    const r = router({
      [CHANNELS.signOut]: () => {
        throw wyzeError('NETWORK');
      },
      [CHANNELS.startDemo]: () => {
        throw new TypeError('secret detail at /home/x/main.ts:12');
      },
    });
    expect(await r.dispatch(app, CHANNELS.signOut, undefined)).toEqual({
      ok: false,
      error: { code: 'NETWORK', message: expect.any(String) },
    });
    const internal = await r.dispatch(app, CHANNELS.startDemo, undefined);
    expect(internal).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: expect.any(String) },
    });
    expect(JSON.stringify(internal)).not.toMatch(/secret detail|main\.ts/);
  });

  // One test per channel (1,000 runs each), so every channel has its own time budget and name.
  it.each(Object.values(CHANNELS))(
    'property: hostile input on %s resolves with a typed result and leaves Object.prototype alone',
    async (channel) => {
      const hostile = fc.oneof(
        fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 6 }),
        fc.constantFrom(
          { __proto__: { method: 'sms' } },
          JSON.parse('{"__proto__":{"polluted":1}}'),
          { constructor: { prototype: { x: 1 } } },
        ),
        fc.record(
          { email: fc.string({ maxLength: 2000 }), password: fc.string(), keyId: fc.anything() },
          { requiredKeys: [] },
        ),
        fc.string({ minLength: 10_000, maxLength: 20_000 }),
        fc.array(fc.integer(), { minLength: 1000, maxLength: 2000 }),
      );
      const r = router();
      await fc.assert(
        fc.asyncProperty(hostile, async (arg) => {
          const result = await r.dispatch(app, channel, arg);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) expect(typeof result.error.code).toBe('string');
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(Object.keys(Object.prototype)).toEqual([]);
        }),
        { numRuns: 1000 },
      );
    },
  );
});
