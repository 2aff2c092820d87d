import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialWatchState } from '../../../common/watch';
import type { WatchState } from '../../../common/watch';
import { App } from '../../App';
import { initialState, useStore } from '../../store';
import { device, list, session, snapshot } from '../../test-support';
import { shortcutList } from '../settings/ShortcutsDialog';
import { installWatchBridge, record } from './watch-fakes';
import { parseOfflineAfter } from './WatchSettings';

const PORCH = 'A1A1A1A1A1A1';
const GARAGE = 'B2B2B2B2B2B2';

beforeEach(() => {
  window.sessionStorage.clear();
  useStore.setState(initialState());
  useStore.getState().setSession(session());
  useStore
    .getState()
    .receiveCameras(
      snapshot(
        list([
          device({ mac: PORCH, name: 'Porch', online: false }),
          device({ mac: GARAGE, name: 'Garage', online: false }),
        ]),
      ),
    );
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** A bridge with this watch state, read and followed as connectStore does. */
async function watching(state: Partial<WatchState> = {}, history = [record()]) {
  const fake = installWatchBridge(state, history);
  window.wyze?.onWatch((event) => useStore.getState().receiveWatch(event));
  await useStore.getState().loadWatch();
  return fake;
}

describe('Views navigation', () => {
  it('marks the view shown, and moves between views by button and Alt+1…4', async () => {
    await watching();
    render(<App />);
    const nav = screen.getByRole('navigation', { name: 'Views' });
    const names = within(nav)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(names).toEqual(['Cameras', 'Activity', 'Events', 'Firmware']);
    const current = () => within(nav).getByRole('button', { current: 'page' }).textContent;
    expect(current()).toBe('Cameras');
    await userEvent.click(within(nav).getByRole('button', { name: 'Firmware' }));
    expect(current()).toBe('Firmware');
    expect(await screen.findByRole('heading', { name: 'Firmware', level: 2 })).toBeTruthy();
    await userEvent.keyboard('{Alt>}2{/Alt}');
    expect(current()).toBe('Activity');
    expect(document.activeElement).toBe(within(nav).getByRole('button', { name: 'Activity' }));
    expect(await screen.findByRole('heading', { name: 'Activity', level: 2 })).toBeTruthy();
    await userEvent.keyboard('{Alt>}1{/Alt}');
    expect(current()).toBe('Cameras');
    expect(screen.getByRole('table', { name: /cameras/i })).toBeTruthy();
  });

  it('leaves the screen behind an open dialog as it is', async () => {
    await watching();
    render(<App />);
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    await screen.findByRole('dialog', { name: 'Settings' });
    await userEvent.keyboard('{Alt>}2{/Alt}');
    expect(useStore.getState().appView).toBe('cameras');
  });

  it('lists its shortcuts in Keyboard shortcuts', () => {
    const actions = shortcutList('Ctrl').filter((s) => s.keys[0]?.[0] === 'Alt');
    expect(actions.map((s) => [s.keys[0]?.join('+'), s.action])).toEqual([
      ['Alt+1', 'Show the cameras'],
      ['Alt+2', 'Show Activity (changes and notifications)'],
      ['Alt+3', 'Show Events'],
      ['Alt+4', 'Show Firmware'],
    ]);
  });
});

describe('"While you were away"', () => {
  const away = { unseen: { lastSeenAt: 1, wentOffline: [PORCH, GARAGE], changes: 5 } };

  it('names the cameras that went offline and counts the other changes', async () => {
    await watching(away);
    render(<App />);
    const banner = await screen.findByRole('status', { name: 'While you were away' });
    expect(within(banner).getByText(/^2 cameras/).textContent).toBe(
      '2 cameras went offline while you were away: Porch, Garage · 3 other changes',
    );
  });

  it('"Show in Activity" opens Activity and marks it seen', async () => {
    const fake = await watching(away);
    render(<App />);
    const banner = await screen.findByRole('status', { name: 'While you were away' });
    await userEvent.click(within(banner).getByRole('button', { name: 'Show in Activity' }));
    expect(await screen.findByRole('heading', { name: 'Activity', level: 2 })).toBeTruthy();
    expect(fake.calls.some(([c]) => c === 'activity:mark-seen')).toBe(true);
    await userEvent.keyboard('{Alt>}1{/Alt}');
    expect(screen.queryByRole('status', { name: 'While you were away' })).toBeNull();
  });

  it('"Dismiss" marks it seen and the banner goes', async () => {
    await watching({ unseen: { lastSeenAt: 1, wentOffline: [], changes: 1 } });
    render(<App />);
    const banner = await screen.findByRole('status', { name: 'While you were away' });
    expect(banner.textContent).toMatch(/^1 change while you were away/);
    await userEvent.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status', { name: 'While you were away' })).toBeNull();
  });

  it('says nothing before the first look, or when nothing changed', async () => {
    await watching({ unseen: { lastSeenAt: null, wentOffline: [PORCH], changes: 1 } });
    render(<App />);
    expect(screen.queryByRole('status', { name: 'While you were away' })).toBeNull();
    act(() =>
      useStore.getState().receiveWatch({
        kind: 'state',
        state: { ...initialWatchState(), unseen: { lastSeenAt: 5, wentOffline: [], changes: 0 } },
      }),
    );
    expect(screen.queryByRole('status', { name: 'While you were away' })).toBeNull();
    // The same screen shows it once there is something to say (the checks above were not early).
    act(() =>
      useStore.getState().receiveWatch({
        kind: 'state',
        state: { ...initialWatchState(), unseen: { lastSeenAt: 5, wentOffline: [], changes: 2 } },
      }),
    );
    expect(await screen.findByRole('status', { name: 'While you were away' })).toBeTruthy();
  });
});

describe('API key reminder', () => {
  it('from day 330: opens the developer console, or waits until the next session', async () => {
    const fake = await watching({ apiKey: { firstUsedAt: 1, ageDays: 340, remind: true } });
    render(<App />);
    const banner = await screen.findByRole('status', { name: 'API key reminder' });
    expect(banner.textContent).toMatch(
      /^Your Wyze API key was first used here 340 days ago; Wyze keys last a year \(about 25 days left\)\. Create a new one at the Wyze developer console\./,
    );
    await userEvent.click(
      within(banner).getByRole('button', { name: 'Open the Wyze developer console' }),
    );
    expect(fake.calls).toContainEqual(['app:open-external', { target: 'apiKeyConsole' }]);
    await userEvent.click(within(banner).getByRole('button', { name: 'Remind me later' }));
    expect(screen.queryByRole('status', { name: 'API key reminder' })).toBeNull();
  });

  it('says a key older than a year may have stopped working', async () => {
    await watching({ apiKey: { firstUsedAt: 1, ageDays: 400, remind: true } });
    render(<App />);
    const banner = await screen.findByRole('status', { name: 'API key reminder' });
    expect(banner.textContent).toMatch(
      /first used here 400 days ago; Wyze keys last a year, so it may have stopped working\. Create/,
    );
  });

  it('is not shown before day 330', async () => {
    await watching({ apiKey: { firstUsedAt: 1, ageDays: 20, remind: false } });
    render(<App />);
    // Something else lazy on the same screen has come, so the reminder had its chance.
    act(() =>
      useStore.getState().receiveWatch({
        kind: 'state',
        state: {
          ...initialWatchState(),
          apiKey: { firstUsedAt: 1, ageDays: 20, remind: false },
          unseen: { lastSeenAt: 5, wentOffline: [], changes: 2 },
        },
      }),
    );
    expect(await screen.findByRole('status', { name: 'While you were away' })).toBeTruthy();
    expect(screen.queryByRole('status', { name: 'API key reminder' })).toBeNull();
  });
});

describe('Settings: notifications and background', () => {
  async function openGroup() {
    render(<App />);
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const dialog = await screen.findByRole('dialog', { name: 'Settings' });
    return within(dialog).getByRole('group', { name: 'Notifications and background' });
  }
  const prefCalls = (calls: [string, unknown][]) =>
    calls.filter(([c]) => c === 'watch:set-prefs').map(([, arg]) => arg);

  it('applies each switch at once through main', async () => {
    const fake = await watching();
    const group = await openGroup();
    await userEvent.click(
      within(group).getByRole('switch', { name: /^Notify me when cameras change/ }),
    );
    await userEvent.click(
      within(group).getByRole('switch', { name: /^Keep watching when the window is closed/ }),
    );
    await userEvent.click(within(group).getByRole('switch', { name: /^Start at login/ }));
    expect(prefCalls(fake.calls)).toEqual([
      { notifications: false },
      { keepWatchingWhenClosed: true },
      { startAtLogin: true },
    ]);
    expect(
      (within(group).getByRole('switch', { name: /^Start at login/ }) as HTMLInputElement).checked,
    ).toBe(true);
    // With notifications off, the delay has nothing to apply to.
    expect((within(group).getByLabelText(/stays offline for/) as HTMLInputElement).disabled).toBe(
      true,
    );
  });

  it('keeps an offline delay from 1 to 120 minutes, and says why it refuses others', async () => {
    const fake = await watching();
    const group = await openGroup();
    const field = within(group).getByLabelText('Notify when a camera stays offline for (minutes)');
    expect((field as HTMLInputElement).value).toBe('5');
    await userEvent.clear(field);
    await userEvent.type(field, '0{Enter}');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(within(group).getByText(/whole number of minutes from 1 to 120/)).toBeTruthy();
    await userEvent.clear(field);
    await userEvent.type(field, '15');
    await userEvent.tab();
    expect(prefCalls(fake.calls)).toEqual([{ offlineAfterMin: 15 }]);
  });

  it('shows main’s refusal and the switch as main keeps it', async () => {
    const fake = await watching();
    fake.failNext['watch:set-prefs'] = {
      code: 'INTERNAL',
      message: 'Start at login is not available here.',
    };
    const group = await openGroup();
    const login = within(group).getByRole('switch', {
      name: /^Start at login/,
    }) as HTMLInputElement;
    await userEvent.click(login);
    expect((await within(group).findByRole('alert')).textContent).toBe(
      'The setting was not changed: Start at login is not available here.',
    );
    expect(login.checked).toBe(false);
  });

  it.each([
    ['1', 1],
    ['120', 120],
    ['0', null],
    ['121', null],
    ['2.5', null],
    ['', null],
    ['-5', null],
    ['5e1', null],
  ])('reads the delay %j as %s', (text, minutes) => {
    expect(parseOfflineAfter(text)).toBe(minutes);
  });
});

describe('Details pane: History and mute', () => {
  async function openDetails() {
    render(<App />);
    act(() => useStore.getState().selectCamera(PORCH));
    return screen.findByRole('region', { name: 'Porch details' });
  }

  it('shows the camera’s newest records and leads to all of them in Activity', async () => {
    const fake = await watching({}, [
      record({ kind: 'offline', macs: [PORCH], cameraName: 'Porch' }),
      record({
        kind: 'firmware',
        macs: [PORCH],
        cameraName: 'Porch',
        from: '4.36.1',
        to: '4.36.2',
      }),
      record({ kind: 'offline', macs: [GARAGE], cameraName: 'Garage' }),
    ]);
    const pane = await openDetails();
    const history = await within(pane).findByRole('list', { name: 'Porch history, newest first' });
    const items = within(history)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/Firmware changed 4\.36\.1 → 4\.36\.2$/);
    expect(items[1]).toMatch(/Went offline$/);
    expect(fake.queries()).toContainEqual({ mac: PORCH, kinds: [], before: null, limit: 20 });
    await userEvent.click(within(pane).getByRole('button', { name: 'Show all in Activity' }));
    const view = await screen.findByRole('region', { name: 'Activity' });
    expect(
      (within(view).getByRole('combobox', { name: 'Camera' }) as HTMLSelectElement).value,
    ).toBe(PORCH);
  });

  it('mutes notifications for this camera only', async () => {
    const fake = await watching();
    const pane = await openDetails();
    const mute = within(pane).getByRole('switch', { name: 'Mute notifications for this camera' });
    await userEvent.click(mute);
    expect(fake.calls).toContainEqual(['watch:set-prefs', { mutedMacs: [PORCH] }]);
    expect((mute as HTMLInputElement).checked).toBe(true);
    act(() => useStore.getState().selectCamera(GARAGE));
    const garage = await screen.findByRole('region', { name: 'Garage details' });
    expect(
      (
        within(garage).getByRole('switch', {
          name: 'Mute notifications for this camera',
        }) as HTMLInputElement
      ).checked,
    ).toBe(false);
  });
});

describe('a clicked notification', () => {
  it('brings the cameras view up on that camera’s details', async () => {
    const fake = await watching();
    render(<App />);
    await userEvent.keyboard('{Alt>}4{/Alt}');
    act(() => fake.emit({ kind: 'focus-camera', mac: GARAGE }));
    expect(await screen.findByRole('region', { name: 'Garage details' })).toBeTruthy();
    expect(
      within(screen.getByRole('navigation', { name: 'Views' })).getByRole('button', {
        current: 'page',
      }).textContent,
    ).toBe('Cameras');
  });
});
