import { beforeEach, describe, expect, it } from 'vitest';
import { EVENTS } from '../../common/channels';
import type { EventChannel } from '../../common/channels';
import { buildWyzeApi } from '../../preload/api';
import { installFakeBridge } from '../test-support';
import { connectStore } from './events';
import { initialState, useStore } from './index';

beforeEach(() => {
  useStore.setState(initialState());
});

/** A bridge whose events the test sends itself, as main would. */
function installEventBridge() {
  const listeners = new Map<EventChannel, ((payload: unknown) => void)[]>();
  const api = buildWyzeApi({
    invoke: async () => ({ ok: false, error: { code: 'INTERNAL', message: 'not in this test' } }),
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () => undefined;
    },
  });
  Object.defineProperty(window, 'wyze', { value: api, configurable: true });
  return (event: EventChannel, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
}

describe('dialogs', () => {
  it('open from the menu: Help → Keyboard shortcuts and View → Settings…', async () => {
    const emit = installEventBridge();
    const disconnect = await connectStore();
    emit(EVENTS.menuCommand, { command: 'showShortcuts' });
    expect(useStore.getState().dialog).toBe('shortcuts');
    emit(EVENTS.menuCommand, { command: 'showSettings' });
    expect(useStore.getState().dialog).toBe('settings');
    disconnect();
  });

  it.each([
    ['an unknown command', { command: 'formatDisk' }],
    ['no command', {}],
    ['a command of the wrong type', { command: 7 }],
    ['a prototype key', { command: 'toString' }],
  ])('ignore %s from the menu', async (_what, payload) => {
    const emit = installEventBridge();
    const disconnect = await connectStore();
    emit(EVENTS.menuCommand, payload);
    expect(useStore.getState().dialog).toBeNull();
    disconnect();
  });

  it('open one at a time and close', () => {
    const { openDialog, closeDialog } = useStore.getState();
    openDialog('export');
    openDialog('settings');
    expect(useStore.getState().dialog).toBe('settings');
    closeDialog();
    expect(useStore.getState().dialog).toBeNull();
  });
});

describe('exportCameras', () => {
  it('sends the format and the MACs, and answers where the file went', async () => {
    const value = { kind: 'download', fileName: 'x.csv', content: 'Name\r\n', count: 0 };
    const calls = installFakeBridge({ 'cameras:export': { ok: true, value } });
    await expect(useStore.getState().exportCameras('csv', ['A', 'B'])).resolves.toEqual(value);
    expect(calls).toEqual([['cameras:export', { format: 'csv', macs: ['A', 'B'] }]]);
    expect(useStore.getState().pending.exportCameras).toBe(false);
  });

  it('answers null and keeps the error to show when main refuses', async () => {
    const error = { code: 'INTERNAL', message: 'The file was not saved: the disk is full.' };
    installFakeBridge({ 'cameras:export': { ok: false, error } });
    await expect(useStore.getState().exportCameras('json', ['A'])).resolves.toBeNull();
    expect(useStore.getState().actionError).toEqual(error);
  });
});
