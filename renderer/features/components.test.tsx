import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyCameraList } from '../../common/view';
import type { CameraListView } from '../../common/view';
import { App } from '../App';
import { initialState, useStore } from '../store';
import { device, installFakeBridge, list, session, snapshot } from '../test-support';

beforeEach(() => {
  useStore.setState(initialState());
});

const showCameras = (view: CameraListView) => useStore.getState().receiveCameras(snapshot(view));
afterEach(cleanup);

describe('sign-in screen', () => {
  it('has labelled fields and checks them before sending anything', async () => {
    const calls = installFakeBridge();
    useStore
      .getState()
      .setSession(session({ status: 'signedOut', hasStoredApiKey: false, email: null }));
    render(<App />);
    // The sign-in screen is loaded on first use (renderer/README.md, "Bundle budget").
    for (const label of ['Email', 'API key ID'])
      expect(await screen.findByLabelText(label)).toBeTruthy();
    expect(screen.getByLabelText('Password', { selector: 'input' })).toBeTruthy();
    expect(screen.getByLabelText('API key', { selector: 'input' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Enter your Wyze password.')).toBeTruthy();
    expect(calls.filter(([c]) => c === 'session:sign-in')).toEqual([]);
  });

  it('reuses the stored API key and sends only e-mail and password', async () => {
    const calls = installFakeBridge({ 'session:sign-in': { ok: true, value: session() } });
    useStore.getState().setSession(session({ status: 'expired', email: 'demo@wyzecam.example' }));
    render(<App />);
    expect(screen.queryByLabelText('API key ID')).toBeNull();
    expect(((await screen.findByLabelText('Email')) as HTMLInputElement).value).toBe(
      'demo@wyzecam.example',
    );
    await userEvent.type(screen.getByLabelText('Password', { selector: 'input' }), 'pw');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(calls).toContainEqual([
      'session:sign-in',
      { email: 'demo@wyzecam.example', password: 'pw' },
    ]);
  });

  it('shows a failed sign-in in the one error banner', async () => {
    installFakeBridge({
      'session:sign-in': {
        ok: false,
        error: { code: 'ACCOUNT_LOCKED', message: 'Wyze has paused sign-in.' },
      },
    });
    useStore
      .getState()
      .setSession(session({ status: 'signedOut', hasStoredApiKey: true, email: 'a@b.c' }));
    render(<App />);
    await userEvent.type(await screen.findByLabelText('Password', { selector: 'input' }), 'pw');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert').textContent).toContain('Wyze has paused sign-in.');
  });
});

describe('camera list', () => {
  it('is a real table with the documented columns, statuses and "not reported"', () => {
    installFakeBridge();
    useStore.getState().setSession(session());
    showCameras(
      list([
        device({
          mac: 'B',
          name: 'Porch',
          model: 'GW_GC1',
          modelName: 'Wyze Cam OG',
          lanIp: null,
        }),
        device({ mac: 'C', name: 'Shed', online: false }),
        device({ mac: 'D', name: 'Living Room', poweredOn: false }),
        device({ mac: 'E', name: 'Plug', isCamera: false }),
      ]),
    );
    render(<App />);
    const table = screen.getByRole('table', { name: 'Cameras' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Name', 'Model', 'Status', 'IP address', 'Firmware', 'MAC']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Living Room',
      'Porch',
      'Shed',
    ]);
    expect(rows[0]?.textContent).toContain('Privacy mode');
    expect(rows[1]?.textContent).toContain('not reported');
    expect(within(rows[1] as HTMLElement).getByTitle('GW_GC1').textContent).toBe('Wyze Cam OG');
    expect(rows[2]?.textContent).toContain('Offline since');
    expect(screen.getByText(/3 cameras · 2 online · \+ 1 other Wyze device/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy IP address of Living Room' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy MAC of Shed' })).toBeTruthy();
  });

  it('says when there are no cameras, and while loading', () => {
    installFakeBridge();
    useStore.getState().setSession(session());
    showCameras({ ...emptyCameraList(), refreshing: true });
    const { unmount } = render(<App />);
    expect(screen.getByText('Loading your cameras…')).toBeTruthy();
    unmount();
    showCameras(list([]));
    render(<App />);
    expect(screen.getByText('There are no cameras on this account.')).toBeTruthy();
  });

  it('refreshes on Ctrl+R and on the Refresh button', async () => {
    const calls = installFakeBridge();
    useStore.getState().setSession(session());
    showCameras(list([device()]));
    render(<App />);
    await userEvent.keyboard('{Control>}r{/Control}');
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(calls.filter(([c]) => c === 'cameras:refresh')).toHaveLength(2);
  });
});

describe('error banner', () => {
  it.each(['NETWORK', 'TIMEOUT', 'TOKEN_REFUSED'] as const)(
    'offers "Try again" when the camera list failed with %s',
    async (code) => {
      const calls = installFakeBridge();
      useStore.getState().setSession(session());
      showCameras(list([device()], { error: { code, message: `failed: ${code}` }, stale: true }));
      render(<App />);
      const banner = screen.getByRole('alert');
      expect(within(banner).getByText(`failed: ${code}`)).toBeTruthy();
      await userEvent.click(within(banner).getByRole('button', { name: 'Try again' }));
      expect(calls.map(([c]) => c)).toContain('cameras:refresh');
    },
  );
});
