import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../App';
import { initialState, useStore } from '../../store';
import { device, list, session, snapshot } from '../../test-support';
import { installWatchBridge, record } from '../watch/watch-fakes';
import type { FakeWatch } from '../watch/watch-fakes';
import { ACTIVITY_PAGE_SIZE } from './ActivityView';

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
        list([device({ mac: PORCH, name: 'Porch' }), device({ mac: GARAGE, name: 'Garage' })]),
      ),
    );
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Follows event:watch as connectStore does, and shows the Activity view. */
async function openActivity(fake: FakeWatch) {
  window.wyze?.onWatch((event) => useStore.getState().receiveWatch(event));
  await useStore.getState().loadWatch();
  render(<App />);
  await userEvent.click(screen.getByRole('button', { name: 'Activity' }));
  return screen.findByRole('region', { name: 'Activity' }).then(async (view) => {
    await within(view).findByText(/^\d+ changes?\b/);
    return { view, fake };
  });
}

const rowsOf = (view: HTMLElement) =>
  within(within(view).getByRole('table')).getAllByRole('row').slice(1);

describe('Activity view', () => {
  it('is a table, newest first, with notifications by their title and text', async () => {
    const fake = installWatchBridge({}, [
      record({ kind: 'offline', macs: [PORCH], cameraName: 'Porch' }),
      record({
        kind: 'firmware',
        macs: [GARAGE],
        cameraName: 'Garage',
        from: '4.36.1',
        to: '4.36.2',
      }),
      record({
        kind: 'notification',
        macs: [PORCH],
        cameraName: 'Porch',
        title: 'Porch is offline',
        body: 'Offline for 5 minutes',
      }),
    ]);
    const { view } = await openActivity(fake);
    const headers = within(view)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['When', 'Camera', 'What', 'From', 'To']);
    const rows = rowsOf(view).map((r) =>
      within(r)
        .getAllByRole('cell')
        .slice(1)
        .map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ['Porch', 'Notification: Porch is offlineOffline for 5 minutes', '—', '—'],
      ['Garage', 'Firmware changed', '4.36.1', '4.36.2'],
      ['Porch', 'Went offline', '—', '—'],
    ]);
    expect(within(view).getByRole('status').textContent).toBe('3 changes');
  });

  it('filters by camera and kind, and asks main for exactly that', async () => {
    const fake = installWatchBridge({}, [
      record({ kind: 'offline', macs: [PORCH], cameraName: 'Porch' }),
      record({ kind: 'online', macs: [PORCH], cameraName: 'Porch' }),
      record({ kind: 'offline', macs: [GARAGE], cameraName: 'Garage' }),
    ]);
    const { view } = await openActivity(fake);
    await userEvent.selectOptions(within(view).getByRole('combobox', { name: 'Camera' }), 'Porch');
    await userEvent.click(within(view).getByRole('checkbox', { name: 'Went offline' }));
    await within(view).findByText('1 change matches these filters');
    expect(fake.queries().at(-1)).toEqual({
      mac: PORCH,
      kinds: ['offline'],
      before: null,
      limit: ACTIVITY_PAGE_SIZE,
    });
    expect(rowsOf(view)).toHaveLength(1);
    await userEvent.click(within(view).getByRole('checkbox', { name: 'Came online' }));
    await within(view).findByText('2 changes match these filters');
    expect(fake.queries().at(-1)?.kinds).toEqual(['offline', 'online']);
  });

  it('says when nothing matches, and when there is no history yet', async () => {
    const fake = installWatchBridge({}, [record({ kind: 'offline', macs: [PORCH] })]);
    const { view } = await openActivity(fake);
    await userEvent.click(within(view).getByRole('checkbox', { name: 'Renamed' }));
    expect(await within(view).findByText('No changes match these filters.')).toBeTruthy();
    fake.history.length = 0;
    await userEvent.click(within(view).getByRole('checkbox', { name: 'Renamed' }));
    expect(await within(view).findByText(/^No changes yet/)).toBeTruthy();
  });

  it('pages by cursor with "Load more", and reads page 1 again when main records something', async () => {
    const many = Array.from({ length: ACTIVITY_PAGE_SIZE + 5 }, () =>
      record({ macs: [PORCH], cameraName: 'Porch' }),
    );
    const fake = installWatchBridge({}, many);
    const { view } = await openActivity(fake);
    expect(rowsOf(view)).toHaveLength(ACTIVITY_PAGE_SIZE);
    expect(
      within(view).getByText(`${ACTIVITY_PAGE_SIZE} of ${ACTIVITY_PAGE_SIZE + 5} shown`),
    ).toBeTruthy();
    await userEvent.click(within(view).getByRole('button', { name: 'Load more' }));
    await within(view).findByText(`${ACTIVITY_PAGE_SIZE + 5} of ${ACTIVITY_PAGE_SIZE + 5} shown`);
    const oldestShownFirst = many[many.length - ACTIVITY_PAGE_SIZE]?.id;
    expect(fake.queries().at(-1)?.before).toBe(oldestShownFirst);
    expect(within(view).queryByRole('button', { name: 'Load more' })).toBeNull();
    act(() =>
      fake.add(
        record({
          kind: 'ip',
          macs: [GARAGE],
          cameraName: 'Garage',
          from: '10.0.0.2',
          to: '10.0.0.3',
        }),
      ),
    );
    await within(view).findByText(`${ACTIVITY_PAGE_SIZE + 6} changes`);
    // Read again as far as it was shown, so the pages already read stay.
    expect(fake.queries().at(-1)).toMatchObject({ before: null, limit: ACTIVITY_PAGE_SIZE + 5 });
    expect(within(rowsOf(view)[0] as HTMLElement).getByText('IP address changed')).toBeTruthy();
  });

  it('shows a read that failed, with a way to try again', async () => {
    const fake = installWatchBridge({}, [record()]);
    fake.failNext['activity:list'] = {
      code: 'INTERNAL',
      message: 'The history file is unreadable.',
    };
    window.wyze?.onWatch((event) => useStore.getState().receiveWatch(event));
    render(<App />);
    await userEvent.click(screen.getByRole('button', { name: 'Activity' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(
      /The history could not be read: The history file is unreadable\./,
    );
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('1 change')).toBeTruthy();
  });

  it('exports the view as filtered, downloading what main hands back in the preview', async () => {
    const fake = installWatchBridge({}, [record({ kind: 'firmware', macs: [GARAGE] })]);
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:test');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });
    const { view } = await openActivity(fake);
    await userEvent.click(within(view).getByRole('checkbox', { name: 'Firmware changed' }));
    await within(view).findByText('1 change matches these filters');
    await userEvent.click(within(view).getByRole('button', { name: 'Export CSV…' }));
    expect(fake.calls.filter(([c]) => c === 'activity:export')).toEqual([
      ['activity:export', { mac: null, kinds: ['firmware'] }],
    ]);
    expect(clicked).toEqual(['wyze-activity-2026-11-27.csv']);
    expect(useStore.getState().announcement).toBe(
      'Exported 1 change to wyze-activity-2026-11-27.csv',
    );
  });

  it('says why an export failed', async () => {
    const fake = installWatchBridge({}, [record()]);
    fake.failNext['activity:export'] = {
      code: 'INTERNAL',
      message: 'The file could not be written.',
    };
    const { view } = await openActivity(fake);
    await userEvent.click(within(view).getByRole('button', { name: 'Export CSV…' }));
    expect((await within(view).findByRole('alert')).textContent).toBe(
      'The export failed: The file could not be written.',
    );
  });

  it('marks what it shows as seen, also what arrives while it is open', async () => {
    const fake = installWatchBridge(
      { unseen: { lastSeenAt: 1, wentOffline: [PORCH], changes: 1 } },
      [record({ macs: [PORCH] })],
    );
    await openActivity(fake);
    const seen = () => fake.calls.filter(([c]) => c === 'activity:mark-seen').length;
    await vi.waitFor(() => expect(seen()).toBe(1));
    act(() => fake.add(record({ macs: [GARAGE] })));
    await vi.waitFor(() => expect(seen()).toBe(2));
    expect(useStore.getState().watch.unseen.wentOffline).toEqual([]);
  });

  it('does not mark seen what arrives while the window is hidden, until it is shown', async () => {
    const fake = installWatchBridge({}, [record({ macs: [PORCH] })]);
    await openActivity(fake);
    const seen = () => fake.calls.filter(([c]) => c === 'activity:mark-seen').length;
    await vi.waitFor(() => expect(seen()).toBe(1));
    try {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      act(() => fake.add(record({ macs: [GARAGE] })));
      await screen.findByText('2 changes');
      expect(seen()).toBe(1);
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
      act(() => void document.dispatchEvent(new Event('visibilitychange')));
      expect(seen()).toBe(2);
    } finally {
      Reflect.deleteProperty(document, 'visibilityState');
    }
  });
});
