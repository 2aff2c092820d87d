import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../common/ipc';
import { emptyCameraList } from '../../common/view';
import type { Inventory } from '../cameras/inventory';
import type { LiveService } from '../live/service';
import type { SessionService } from '../session/session';
import type { SettingsStore } from '../session/settings';
import { createLogger } from '../logging/logger';
import type { LogRecord } from '../logging/logger';
import { MAX_RENDER_ERROR_REPORTS, createHandlers } from './handlers';

describe('handler table', () => {
  it('"Reset cached data" (cameras:reset-cache) asks the inventory to forget its cache and answers its new list', async () => {
    const calls: string[] = [];
    const after = { ...emptyCameraList(), refreshing: true };
    const inventory: Pick<Inventory, 'resetCache'> = {
      resetCache: async () => {
        calls.push('resetCache');
        return after;
      },
    };
    const handlers = createHandlers({
      // Only the inventory is reached by this channel; the rest is never called.
      session: {} as SessionService,
      inventory: inventory as Inventory,
      settings: {} as SettingsStore,
      openExternal: async () => undefined,
    });
    expect(await handlers[CHANNELS.resetCache](undefined)).toBe(after);
    expect(calls).toEqual(['resetCache']);
  });

  it('logs what the page reports of a render failure, redacted and at most a few times per run', async () => {
    const logs: LogRecord[] = [];
    const handlers = createHandlers({
      session: {} as SessionService,
      inventory: {} as Inventory,
      settings: {} as SettingsStore,
      openExternal: async () => undefined,
      logger: createLogger({ level: 'debug', sink: (r) => logs.push(r) }),
    });
    const report = {
      message: 'Invalid time value eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl',
      componentStack: '\n    at CameraRow\n    at CameraTable',
    };
    for (let i = 0; i < MAX_RENDER_ERROR_REPORTS + 5; i++) {
      expect(await handlers[CHANNELS.reportRenderError](report)).toBeNull();
    }
    expect(logs).toHaveLength(MAX_RENDER_ERROR_REPORTS);
    expect(logs[0]).toMatchObject({
      level: 'error',
      message: 'the page could not render a screen',
    });
    expect(JSON.stringify(logs[0])).toContain('CameraRow');
    expect(JSON.stringify(logs[0])).not.toContain('eyJhbGciOiJIUzI1NiJ9');
  });
});

describe('live view handlers', () => {
  it('relay each live:* channel to the live service and answer what it answers', async () => {
    const calls: unknown[][] = [];
    const live: LiveService = {
      start: async (mac) => (calls.push(['start', mac]), { sessionId: 's1', iceServers: [] }),
      sendOffer: (id, sdp) => void calls.push(['offer', id, sdp]),
      sendCandidate: (id, c) => void calls.push(['candidate', id, c]),
      restart: async (id) => void calls.push(['restart', id]),
      stop: (id) => void calls.push(['stop', id]),
      endAll: () => undefined,
      onEvent: () => () => undefined,
      saveSnapshot: async (req) => (calls.push(['snapshot', req]), { kind: 'cancelled' }),
    };
    const handlers = createHandlers({
      session: {} as SessionService,
      inventory: {} as Inventory,
      settings: {} as SettingsStore,
      openExternal: async () => undefined,
      live,
    });
    const candidate = { candidate: 'c', sdpMid: '0', sdpMLineIndex: 0 };
    expect(await handlers[CHANNELS.startLive]({ mac: 'M' })).toEqual({
      sessionId: 's1',
      iceServers: [],
    });
    expect(await handlers[CHANNELS.sendLiveOffer]({ sessionId: 's1', sdp: 'v=0' })).toBeNull();
    expect(await handlers[CHANNELS.sendLiveCandidate]({ sessionId: 's1', candidate })).toBeNull();
    expect(await handlers[CHANNELS.restartLive]({ sessionId: 's1' })).toBeNull();
    expect(await handlers[CHANNELS.stopLive]({ sessionId: 's1' })).toBeNull();
    expect(await handlers[CHANNELS.saveSnapshot]({ mac: 'M', pngBase64: 'AAAA' })).toEqual({
      kind: 'cancelled',
    });
    expect(calls).toEqual([
      ['start', 'M'],
      ['offer', 's1', 'v=0'],
      ['candidate', 's1', candidate],
      ['restart', 's1'],
      ['stop', 's1'],
      ['snapshot', { mac: 'M', pngBase64: 'AAAA' }],
    ]);
  });

  it('a table built without live view says so with a typed error', async () => {
    const handlers = createHandlers({
      session: {} as SessionService,
      inventory: {} as Inventory,
      settings: {} as SettingsStore,
      openExternal: async () => undefined,
    });
    await expect(handlers[CHANNELS.startLive]({ mac: 'M' })).rejects.toMatchObject({
      code: 'LIVE_NOT_SUPPORTED',
    });
    expect(() => handlers[CHANNELS.stopLive]({ sessionId: 's' })).toThrow(
      expect.objectContaining({ code: 'LIVE_SESSION_UNKNOWN' }),
    );
  });
});
