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

  it('hands listeners the payload only, never the IPC event, and unsubscribes', async () => {
    const api = exposed.wyze as Record<
      'onSessionChanged' | 'onMenuCommand',
      (l: (...args: unknown[]) => void) => () => void
    > &
      Record<'getSession' | 'getCameras' | 'getViewPrefs', () => Promise<unknown>>;
    const received: unknown[][] = [];
    const off = api.onSessionChanged((...args) => received.push(args));
    // The page start's early answers (first-calls.ts): events wait until the page has them.
    await Promise.all([api.getSession(), api.getCameras(), api.getViewPrefs()]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    listeners.get('event:session-changed')?.(
      { sender: 'ipcRenderer', ports: [] },
      { status: 'signedOut' },
    );
    expect(received).toEqual([[{ status: 'signedOut' }]]);
    off();
    listeners.get('event:session-changed')?.({ sender: 'ipcRenderer' }, { status: 'starting' });
    expect(received).toHaveLength(1);

    const menu: unknown[][] = [];
    const offMenu = api.onMenuCommand((...args) => menu.push(args));
    listeners.get('event:menu-command')?.({ sender: 'ipcRenderer' }, { command: 'settings' });
    expect(menu).toEqual([[{ command: 'settings' }]]);
    offMenu();
    expect(listeners.has('event:menu-command')).toBe(false);
  });

  it('sends the page start calls as soon as it runs', () => {
    expect(invoked.slice(0, 3).map(([channel]) => channel)).toEqual([
      'session:get',
      'cameras:get',
      'view:get-prefs',
    ]);
  });
});
