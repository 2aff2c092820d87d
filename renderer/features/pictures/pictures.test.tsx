import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialState, useStore } from '../../store';
import { device, installFakeBridge, list, session, snapshot } from '../../test-support';
import { DetailsPane } from '../details/DetailsPane';
import { PicturesView } from './PicturesView';
import { ViewModeToggle } from './ViewModeToggle';

let calls: [string, unknown][] = [];
beforeEach(() => {
  useStore.setState(initialState());
  calls = installFakeBridge();
  useStore.getState().setSession(session());
  useStore
    .getState()
    .receiveCameras(
      snapshot(
        list([
          device({ mac: 'A1', name: 'Front Door', thumbnailTakenAt: 1_779_700_000_000 }),
          device({ mac: 'B2', name: 'Shed', online: false, thumbnailTakenAt: 1_779_600_000_000 }),
          device({ mac: 'C3', name: 'Garage' }),
          device({ mac: 'P4', name: 'Plug', isCamera: false }),
        ]),
      ),
    );
});
afterEach(cleanup);

describe('pictures view', () => {
  it('shows every camera as its latest picture, name and status', () => {
    render(<PicturesView />);
    const grid = screen.getByRole('list', { name: 'Camera pictures' });
    const cards = within(grid).getAllByRole('listitem');
    expect(cards.map((c) => within(c).getByRole('button').textContent)).toEqual([
      'Front Door',
      'Garage',
      'Shed',
    ]);
    const front = within(grid).getByRole('img', { name: 'Latest picture from Front Door' });
    expect(front.getAttribute('src')).toBe('/thumbnails/A1.jpg?t=1779700000000');
    expect(front.getAttribute('loading')).toBe('lazy');
    expect(within(cards[1] as HTMLElement).getByText('No picture yet')).toBeTruthy();
    expect(within(cards[2] as HTMLElement).getByText(/^Offline/)).toBeTruthy();
  });

  it('shows the same cameras as the list: after search and filters', () => {
    render(<PicturesView />);
    act(() => useStore.getState().setSearch('door'));
    const grid = screen.getByRole('list', { name: 'Camera pictures' });
    expect(within(grid).getAllByRole('listitem')).toHaveLength(1);
    act(() => {
      useStore.getState().setSearch('');
      useStore.getState().setFilter('status', 'offline');
    });
    expect(
      within(grid)
        .getAllByRole('listitem')
        .map((c) => c.textContent),
    ).toEqual([expect.stringContaining('Shed')]);
  });

  it('opens a camera’s details from its name', async () => {
    render(
      <>
        <PicturesView />
        <DetailsPane />
      </>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Shed' }));
    expect(screen.getByRole('region', { name: 'Shed details' })).toBeTruthy();
  });

  it('switches between Table and Pictures, and main keeps the choice', async () => {
    render(<ViewModeToggle />);
    const group = screen.getByRole('group', { name: 'Show cameras as' });
    const table = within(group).getByRole('button', { name: 'Table' });
    const pictures = within(group).getByRole('button', { name: 'Pictures' });
    expect(table.getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(pictures);
    expect(useStore.getState().viewPrefs.mode).toBe('pictures');
    expect(pictures.getAttribute('aria-pressed')).toBe('true');
    expect(table.getAttribute('aria-pressed')).toBe('false');
    expect(calls).toContainEqual(['view:set-prefs', { mode: 'pictures' }]);
  });

  it('puts only a screenful of cards in the page for 5,000 cameras, each telling its place', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      device({
        mac: `M${String(i).padStart(4, '0')}`,
        name: `Camera ${String(i).padStart(4, '0')}`,
      }),
    );
    act(() => useStore.getState().receiveCameras(snapshot(list(many))));
    render(<PicturesView />);
    const cards = within(screen.getByRole('list', { name: 'Camera pictures' })).getAllByRole(
      'listitem',
    );
    expect(cards.length).toBeGreaterThan(0);
    // jsdom has no layout (every row measures 0 high), so "a screenful" is generous here.
    expect(cards.length).toBeLessThan(200);
    expect(cards[0]?.getAttribute('aria-setsize')).toBe('5000');
    expect(cards[0]?.getAttribute('aria-posinset')).toBe('1');
  });
});
