import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CameraListView } from '../../../common/view';
import { App } from '../../App';
import { initialState, useStore } from '../../store';
import { device, installFakeBridge, list, session, snapshot } from '../../test-support';
import { parseInterval } from './SettingsDialog';
import { shortcutList } from './ShortcutsDialog';

beforeEach(() => {
  useStore.setState(initialState());
  useStore.getState().setSession(session());
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  delete document.documentElement.dataset.theme;
});

const showCameras = (view: CameraListView) => useStore.getState().receiveCameras(snapshot(view));
const prefsCalls = (calls: [string, unknown][]) =>
  calls.filter(([c]) => c === 'view:set-prefs').map(([, arg]) => arg);

async function openSettings() {
  await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
  return screen.findByRole('dialog', { name: 'Settings' });
}

describe('Settings', () => {
  it('applies a theme at once and keeps it', async () => {
    const calls = installFakeBridge();
    showCameras(list([device()]));
    render(<App />);
    expect(document.documentElement.dataset.theme).toBe('system');
    const dialog = await openSettings();
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Dark' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(prefsCalls(calls)).toEqual([{ theme: 'dark' }]);
    await userEvent.click(within(dialog).getByRole('radio', { name: /^System/ }));
    expect(document.documentElement.dataset.theme).toBe('system');
  });

  it('keeps a refresh interval of a minute or more, and says why it refuses less', async () => {
    const calls = installFakeBridge();
    showCameras(list([device()]));
    render(<App />);
    const dialog = await openSettings();
    const field = within(dialog).getByLabelText('Refresh every (seconds)');
    await userEvent.clear(field);
    await userEvent.type(field, '30{Enter}');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText(/whole number of seconds from 60/)).toBeTruthy();
    expect(prefsCalls(calls)).toEqual([]);
    await userEvent.clear(field);
    await userEvent.type(field, '300');
    await userEvent.tab();
    expect(field.getAttribute('aria-invalid')).toBe('false');
    expect(prefsCalls(calls)).toEqual([{ refreshIntervalSec: 300 }]);
  });

  it.each([
    ['60', 60],
    ['86400', 86_400],
    ['59', null],
    ['86401', null],
    ['1e3', null],
    ['90.5', null],
    ['', null],
    ['-60', null],
  ])('reads the interval %j as %s', (text, seconds) => {
    expect(parseInterval(text)).toBe(seconds);
  });

  it('shows and hides columns, the name always shown', async () => {
    const calls = installFakeBridge();
    showCameras(list([device()]));
    render(<App />);
    const dialog = await openSettings();
    const name = within(dialog).getByRole('checkbox', { name: /^Name/ }) as HTMLInputElement;
    expect(name.checked && name.disabled).toBe(true);
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Firmware' }));
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Wi-Fi network' }));
    expect(prefsCalls(calls)).toEqual([
      { columns: ['name', 'model', 'status', 'ip', 'mac'] },
      { columns: ['name', 'model', 'status', 'ip', 'ssid', 'mac'] },
    ]);
  });

  it('closes with Esc and gives focus back to its button', async () => {
    installFakeBridge();
    showCameras(list([device()]));
    render(<App />);
    await openSettings();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Settings' }));
  });
});

describe('Keyboard shortcuts', () => {
  it('opens with "?" and with its button, and lists every shortcut', async () => {
    installFakeBridge();
    showCameras(list([device()]));
    render(<App />);
    await userEvent.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const action of shortcutList('Ctrl').map((s) => s.action)) {
      expect(within(dialog).getByText(action)).toBeTruthy();
    }
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
  });

  it('lists Ctrl/Cmd+R, Ctrl/Cmd+F and /, Esc, the arrows and Enter', () => {
    const keys = shortcutList('Cmd').flatMap((s) => s.keys.map((combo) => combo.join('+')));
    expect(keys).toEqual(expect.arrayContaining(['Cmd+R', 'Cmd+F', '/', 'Esc', '↑', '↓', 'Enter']));
  });

  it('does not open for a "?" typed into a field', async () => {
    installFakeBridge();
    useStore.getState().setSession(session({ status: 'signedOut', email: null }));
    render(<App />);
    await userEvent.type(await screen.findByLabelText('Email'), 'what?');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('Export', () => {
  it('exports the cameras of the view, in its order, and downloads what main hands back', async () => {
    const content = '\uFEFFName\r\n';
    const calls = installFakeBridge({
      'cameras:export': {
        ok: true,
        value: { kind: 'download', fileName: 'wyze-cameras-2026-11-27.json', content, count: 1 },
      },
    });
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });
    showCameras(
      list([
        device({ mac: 'A1', name: 'Porch' }),
        device({ mac: 'B2', name: 'Garage' }),
        device({ mac: 'C3', name: 'Porch side' }),
      ]),
    );
    useStore.getState().setViewPrefs({ search: 'porch' });
    render(<App />);
    await userEvent.click(screen.getByRole('button', { name: 'Export…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export cameras' });
    expect(within(dialog).getByText(/The 2 cameras in the current view \(of 3\)/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('radio', { name: /^JSON/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(calls.filter(([c]) => c === 'cameras:export')).toEqual([
      ['cameras:export', { format: 'json', macs: ['A1', 'C3'] }],
    ]);
    expect(clicked).toEqual(['wyze-cameras-2026-11-27.json']);
    // The BOM is kept: the first three bytes of the file are UTF-8's EF BB BF.
    const bytes = new Uint8Array((await created[0]?.arrayBuffer()) ?? new ArrayBuffer(0));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(content);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('stays open with the reason when main could not save', async () => {
    installFakeBridge({
      'cameras:export': {
        ok: false,
        error: { code: 'INTERNAL', message: 'The file was not saved: the disk is full.' },
      },
    });
    showCameras(list([device()]));
    render(<App />);
    await userEvent.click(screen.getByRole('button', { name: 'Export…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export cameras' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(within(dialog).getByRole('alert').textContent).toContain('the disk is full');
  });

  it('does not show an older error from elsewhere as its own', async () => {
    installFakeBridge();
    showCameras(list([device()]));
    useStore.setState({ actionError: { code: 'INTERNAL', message: 'Sign-out failed.' } });
    render(<App />);
    await userEvent.click(screen.getByRole('button', { name: 'Export…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export cameras' });
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('stays open, quietly, when the save dialog was cancelled', async () => {
    installFakeBridge({ 'cameras:export': { ok: true, value: { kind: 'cancelled' } } });
    showCameras(list([device()]));
    render(<App />);
    await userEvent.click(screen.getByRole('button', { name: 'Export…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export cameras' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(screen.getByRole('dialog', { name: 'Export cameras' })).toBeTruthy();
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });
});
