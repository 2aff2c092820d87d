import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceDto } from '../../../common/view';
import { App } from '../../App';
import { useStore } from '../../store';
import { device, list, snapshot } from '../../test-support';
import { ROW_HEIGHT, setUpTable } from './test-layout';

let tearDown: () => void;
beforeEach(() => {
  tearDown = setUpTable();
});
afterEach(() => {
  tearDown();
});

const show = (devices: DeviceDto[]) => useStore.getState().receiveCameras(snapshot(list(devices)));
const table = () => screen.getByRole('table', { name: 'Cameras' });
const bodyRows = () => within(table()).getAllByRole('row').slice(1);
/** The names in the table, top to bottom (each row header's first button, which opens its details). */
const names = () =>
  within(table())
    .queryAllByRole('rowheader')
    .map((h) => within(h).getAllByRole('button')[0]?.textContent);

const many = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    device({ mac: `M${String(i).padStart(5, '0')}`, name: `Camera ${i + 1}` }),
  );

describe('virtualised camera table', () => {
  it('puts only the rows in view (and a margin) in the page, and counts them all', () => {
    show(many(5000));
    render(<App />);
    expect(table().getAttribute('aria-rowcount')).toBe('5001');
    const rows = bodyRows();
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(rows.map((r) => r.getAttribute('aria-rowindex')).slice(0, 3)).toEqual(['2', '3', '4']);
    // The spacer rows that stand for the others are hidden from assistive technology.
    expect(table().querySelectorAll('tr.spacer[aria-hidden="true"]').length).toBe(1);
  });

  it('brings a row in with the keyboard: Arrow Down past the rows drawn, End, Home', async () => {
    show(many(5000));
    render(<App />);
    // The keys move focus once the virtualiser has taken over from the first screen's rows.
    await act(async () => {
      await import('./VirtualWindow');
    });
    const first = bodyRows()[0] as HTMLElement;
    act(() => first.focus());
    const drawn = bodyRows().length;
    for (let i = 0; i < drawn + 5; i++) await userEvent.keyboard('{ArrowDown}');
    const target = String(drawn + 5 + 2);
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-rowindex')).toBe(target));
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('5001'));
    expect(document.activeElement?.textContent).toContain('Camera 5000');
    expect(bodyRows().length).toBeLessThan(60);
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('2'));
  });

  it('scrolls the camera the details pane shows into the page, however far away', async () => {
    show(many(5000));
    render(<App />);
    act(() => useStore.getState().selectCamera('M04321'));
    await waitFor(() =>
      expect(table().querySelector('tr[data-mac="M04321"]')?.getAttribute('aria-rowindex')).toBe(
        '4323',
      ),
    );
  });

  it('keeps a tab stop when the focused row is scrolled out of the page', async () => {
    show(many(5000));
    render(<App />);
    await act(async () => {
      await import('./VirtualWindow');
    });
    act(() => (bodyRows()[0] as HTMLElement).focus());
    const scroller = table().closest('.table-wrap') as HTMLElement;
    act(() => scroller.scrollTo({ top: ROW_HEIGHT * 2000 }));
    await waitFor(() => expect(bodyRows()[0]?.getAttribute('aria-rowindex')).not.toBe('2'));
    const tabStops = bodyRows().filter((r) => r.tabIndex === 0);
    expect(tabStops).toEqual([bodyRows()[0]]);
  });

  it('has one tab stop among the rows, which follows focus', async () => {
    show(many(3));
    render(<App />);
    const tabStops = () => bodyRows().filter((r) => r.tabIndex === 0);
    expect(tabStops()).toEqual([bodyRows()[0]]);
    act(() => (bodyRows()[0] as HTMLElement).focus());
    await userEvent.keyboard('{ArrowDown}');
    expect(tabStops()).toEqual([bodyRows()[1]]);
  });
});

describe('rows drawn again for a search', () => {
  const named = (prefix: string) =>
    Array.from({ length: 20 }, (_, i) => {
      const n = String(i).padStart(2, '0');
      return device({ mac: `${prefix[0] ?? ''}${n}`, name: `${prefix} ${n}` });
    });
  const gardensAndPorches = () => [...named('Porch'), ...named('Garden')];

  it('updates the rows already in the page in place for the cameras a search brings', async () => {
    show(gardensAndPorches());
    render(<App />);
    expect(names()[0]).toBe('Garden 00');
    const before = bodyRows();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search cameras' }), 'porch');
    expect(screen.getByText('20 of 40 cameras')).toBeTruthy();
    expect(names()[0]).toBe('Porch 00');
    const after = bodyRows();
    // The same elements, now other cameras' (table-rows.tsx, RowSlots).
    expect(after.length).toBeGreaterThan(5);
    expect(after.every((row) => before.includes(row))).toBe(true);
    expect(after[0]?.getAttribute('data-mac')).toBe('P00');
    expect(
      within(after[0] as HTMLElement).getByRole('button', { name: 'Watch Porch 00 live' }),
    ).toBeTruthy();
  });

  it('hands the rows on when the list was scrolled further down than the search leaves rows', async () => {
    // 4,000 cameras, then (by name) 1,000 gates: a search for the cameras leaves the end out.
    show(many(5000).map((d, i) => (i < 1000 ? { ...d, name: `Gate ${i + 1}` } : d)));
    render(<App />);
    await act(async () => {
      await import('./VirtualWindow');
    });
    const scroller = table().closest('.table-wrap') as HTMLElement;
    act(() => scroller.scrollTo({ top: 58 * 5000 }));
    await waitFor(() => expect(bodyRows().at(-1)?.getAttribute('aria-rowindex')).toBe('5001'));
    const before = bodyRows();
    const removed: Node[] = [];
    const watch = new MutationObserver((records) =>
      records.forEach((r) => removed.push(...r.removedNodes)),
    );
    watch.observe(table(), { subtree: true, childList: true });
    act(() => useStore.getState().setSearch('camera'));
    expect(screen.getByText('4000 of 5000 cameras')).toBeTruthy();
    watch.disconnect();
    const after = bodyRows();
    // The end of the new list, drawn with the elements the end of the old one had: no row was
    // taken out of the page on the way (table-rows.tsx, withinRows).
    expect(after.at(-1)?.getAttribute('aria-rowindex')).toBe('4001');
    expect(after.length).toBe(before.length);
    expect(after.every((row) => before.includes(row))).toBe(true);
    expect(removed.filter((n) => n.nodeName === 'TR' && before.includes(n as HTMLElement))).toEqual(
      [],
    );
  });

  it('never hands the focused row to another camera: focus leaves with its camera', () => {
    show(gardensAndPorches());
    render(<App />);
    const name = within(table()).getByRole('button', { name: 'Garden 00' });
    act(() => name.focus());
    act(() => useStore.getState().setSearch('porch'));
    expect(names()[0]).toBe('Porch 00');
    expect(name.isConnected).toBe(false);
    const focusedRow = document.activeElement?.closest('tr');
    expect(focusedRow?.getAttribute('data-mac') ?? null).toBeNull();
  });

  it('keeps the focused row its camera while the window is in the background', () => {
    show(gardensAndPorches());
    render(<App />);
    const name = within(table()).getByRole('button', { name: 'Garden 00' });
    act(() => name.focus());
    // Another app takes focus: the page's focus stays on the button, with nowhere it went.
    act(() => {
      name.dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: null }));
    });
    expect(document.activeElement).toBe(name);
    // A refresh meanwhile drops the gardens.
    act(() => show(gardensAndPorches().filter((d) => d.name.startsWith('Porch'))));
    expect(names()[0]).toBe('Porch 00');
    expect(name.isConnected).toBe(false);
    expect(document.activeElement?.closest('tr')?.getAttribute('data-mac') ?? null).toBeNull();
  });

  it('hands a row on again once focus has left it for the search box', () => {
    show(gardensAndPorches());
    render(<App />);
    act(() => within(table()).getByRole('button', { name: 'Garden 00' }).focus());
    act(() => screen.getByRole('searchbox', { name: 'Search cameras' }).focus());
    const before = bodyRows();
    act(() => useStore.getState().setSearch('porch'));
    expect(names()[0]).toBe('Porch 00');
    expect(bodyRows().every((row) => before.includes(row))).toBe(true);
  });
});

describe('find and order', () => {
  const cams = [
    device({ mac: 'A', name: 'Caméra nord', ssid: 'Maison', firmware: '4.1' }),
    device({ mac: 'B', name: 'Porch', online: false, ssid: 'Home', firmware: '4.2' }),
    device({ mac: 'C', name: 'Attic', ssid: 'Home', shared: true, owner: 'x@example.com' }),
    device({ mac: 'D', name: 'Garden', poweredOn: false, lanIp: '10.0.0.9', ssid: null }),
  ];

  it('filters as you type, ignoring accents, and says "N of M cameras"', async () => {
    show(cams);
    render(<App />);
    expect(screen.getByText('4 of 4 cameras')).toBeTruthy();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search cameras' }), 'camera');
    expect(names()).toEqual(['Caméra nord']);
    expect(screen.getByText('1 of 4 cameras')).toBeTruthy();
  });

  it('focuses the search box on "/" and Ctrl+F, but not for a "/" typed in a field', async () => {
    show(cams);
    render(<App />);
    const search = screen.getByRole('searchbox', { name: 'Search cameras' });
    await userEvent.keyboard('/');
    expect(document.activeElement).toBe(search);
    expect((search as HTMLInputElement).value).toBe('');
    await userEvent.type(search, 'a/b');
    expect((search as HTMLInputElement).value).toBe('a/b');
    act(() => search.blur());
    await userEvent.keyboard('{Control>}f{/Control}');
    expect(document.activeElement).toBe(search);
  });

  it('sorts by a header button, aria-sort on the column, and turns the direction', async () => {
    show(cams);
    render(<App />);
    const header = (name: string) => within(table()).getByRole('columnheader', { name });
    expect(header('Status').getAttribute('aria-sort')).toBe('ascending');
    expect(names()).toEqual(['Attic', 'Caméra nord', 'Garden', 'Porch']);
    await userEvent.click(within(header('Name')).getByRole('button', { name: 'Name' }));
    expect(header('Name').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Status').hasAttribute('aria-sort')).toBe(false);
    await userEvent.click(within(header('Name')).getByRole('button', { name: 'Name' }));
    expect(header('Name').getAttribute('aria-sort')).toBe('descending');
    expect(names()).toEqual(['Porch', 'Garden', 'Caméra nord', 'Attic']);
  });

  it('offers the values of each filter once the first rows are painted, not before', async () => {
    show(cams);
    render(<App />);
    const ssids = () =>
      within(screen.getByLabelText('Wi-Fi network'))
        .getAllByRole('option')
        .map((o) => o.textContent);
    expect(ssids()).toEqual(['Any network']);
    expect(names()).toHaveLength(4);
    await waitFor(() => expect(ssids()).toEqual(['Any network', 'Home (2)', 'Maison (1)']));
  });

  it('keeps a saved filter selected as the values come, and puts a new value in its place', async () => {
    const prefs = useStore.getState().viewPrefs;
    useStore.setState({ viewPrefs: { ...prefs, filters: { ...prefs.filters, ssid: 'Maison' } } });
    show(cams);
    render(<App />);
    const select = screen.getByLabelText('Wi-Fi network') as HTMLSelectElement;
    const ssids = () =>
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent);
    // Before the values come, the chosen one is on offer alone.
    expect(ssids()).toEqual(['Any network', 'Maison (0)']);
    expect(select.value).toBe('Maison');
    await waitFor(() => expect(ssids()).toEqual(['Any network', 'Home (2)', 'Maison (1)']));
    expect(select.value).toBe('Maison');
    act(() => show([...cams, device({ mac: 'E', name: 'Barn', ssid: 'Barn net' })]));
    expect(ssids()).toEqual(['Any network', 'Barn net (1)', 'Home (2)', 'Maison (1)']);
    expect(select.value).toBe('Maison');
  });

  it('combines filters, shows each as a chip to remove, and clears them all', async () => {
    show(cams);
    render(<App />);
    // The values come after the first paint (see the test above).
    await screen.findByRole('option', { name: 'Home (2)' });
    await userEvent.selectOptions(screen.getByLabelText('Wi-Fi network'), 'Home');
    await userEvent.click(screen.getByLabelText('Shared with me'));
    expect(names()).toEqual(['Attic']);
    await userEvent.click(screen.getByRole('button', { name: 'Remove filter: Shared with me' }));
    expect(names()).toEqual(['Attic', 'Porch']);
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'privacy');
    expect(screen.getByText('0 of 4 cameras')).toBeTruthy();
    expect(screen.getByText('No camera matches the search and filters.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Clear all filters' }));
    expect(names()).toHaveLength(4);
    expect(screen.queryByRole('button', { name: /^Remove filter/ })).toBeNull();
  });

  it('groups with a header row per group carrying its count, and counts those rows too', async () => {
    show(cams);
    render(<App />);
    await userEvent.selectOptions(screen.getByLabelText('Group by'), 'ssid');
    const groupHeaders = within(table())
      .getAllByRole('columnheader')
      .filter((h) => h.getAttribute('scope') === 'colgroup')
      .map((h) => h.textContent);
    expect(groupHeaders).toEqual([
      'Home · 2 cameras',
      'Maison · 1 camera',
      'Not reported · 1 camera',
    ]);
    expect(table().getAttribute('aria-rowcount')).toBe(String(4 + 3 + 1));
    expect(bodyRows().map((r) => r.getAttribute('aria-rowindex'))).toEqual([
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
    ]);
  });
});
