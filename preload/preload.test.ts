import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DOCUMENTED_VERBS } from './documented-verbs';

// The preload runs against a fake contextBridge and ipcRenderer (security S3): what it exposes,
// and what listeners receive, is checked without Electron.
const exposed: Record<string, unknown> = {};
const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
const invoked: [string, unknown][] = [];

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      exposed[key] = api;
    },
  },
  ipcRenderer: {
    invoke: async (channel: string, arg: unknown) => {
      invoked.push([channel, arg]);
      return { ok: true, value: null };
    },
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      listeners.set(channel, listener);
    },
    removeListener: (channel: string) => {
      listeners.delete(channel);
    },
  },
}));

describe('preload (security S3)', () => {
  beforeEach(async () => {
    await import('./index');
  });

  it('exposes exactly the documented verbs as window.wyze, frozen', () => {
    expect(Object.keys(exposed)).toEqual(['wyze']);
    const api = exposed.wyze as Record<string, unknown>;
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...DOCUMENTED_VERBS]);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
    expect(api).not.toHaveProperty('ipcRenderer');
  });

  it('sends each verb on its own channel with its own argument', async () => {
    const api = exposed.wyze as {
      verifyMfa: (m: string, c: string) => Promise<unknown>;
      reportVisibility: (v: boolean) => Promise<unknown>;
    };
    await api.verifyMfa('totp', '123456');
    await api.reportVisibility(false);
    expect(invoked.slice(-2)).toEqual([
      ['session:verify-mfa', { method: 'totp', code: '123456' }],
      ['app:report-visibility', { visible: false }],
    ]);
  });

  it('hands listeners the payload only, never the IPC event, and unsubscribes', () => {
    const api = exposed.wyze as {
      onSessionChanged: (l: (...args: unknown[]) => void) => () => void;
    };
    const received: unknown[][] = [];
    const off = api.onSessionChanged((...args) => received.push(args));
    listeners.get('event:session-changed')?.(
      { sender: 'ipcRenderer', ports: [] },
      { status: 'signedOut' },
    );
    expect(received).toEqual([[{ status: 'signedOut' }]]);
    off();
    expect(listeners.has('event:session-changed')).toBe(false);
  });
});
