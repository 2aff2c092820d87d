import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultViewPrefs, MAX_SEARCH_LENGTH, NO_FILTERS } from '../../common/prefs';
import { device, installFakeBridge, installManualBridge, list, snapshot } from '../test-support';
import { initialState, useStore } from './index';
import {
  selectCameraOrder,
  selectFilterOptions,
  selectListRows,
  selectShownCount,
} from './selectors';
import { SEARCH_SAVE_DELAY_MS } from './view';

beforeEach(() => {
  useStore.setState(initialState());
});
afterEach(() => {
  vi.useRealTimers();
});

const setPrefsCalls = (calls: [string, unknown][]) =>
  calls.filter(([c]) => c === 'view:set-prefs').map(([, arg]) => arg);

describe('view preferences in the store', () => {
  it('apply a search at once, and keep it only after a pause in typing', () => {
    vi.useFakeTimers();
    const calls = installFakeBridge();
    for (const search of ['c', 'ca', 'cam']) useStore.getState().setSearch(search);
    expect(useStore.getState().viewPrefs.search).toBe('cam');
    expect(setPrefsCalls(calls)).toEqual([]);
    vi.advanceTimersByTime(SEARCH_SAVE_DELAY_MS);
    expect(setPrefsCalls(calls)).toEqual([{ search: 'cam' }]);
  });

  it('keep other changes at once, with a search still waiting', () => {
    vi.useFakeTimers();
    const calls = installFakeBridge();
    useStore.getState().setSearch('yard');
    useStore.getState().setFilter('status', 'offline');
    expect(setPrefsCalls(calls)).toEqual([
      { search: 'yard', filters: { ...NO_FILTERS, status: 'offline' } },
    ]);
    vi.advanceTimersByTime(SEARCH_SAVE_DELAY_MS * 2);
    expect(setPrefsCalls(calls)).toHaveLength(1);
  });

  it('keep no more of a search than main accepts', () => {
    vi.useFakeTimers();
    const calls = installFakeBridge();
    useStore.getState().setSearch('x'.repeat(MAX_SEARCH_LENGTH + 50));
    vi.advanceTimersByTime(SEARCH_SAVE_DELAY_MS);
    expect(setPrefsCalls(calls)).toEqual([{ search: 'x'.repeat(MAX_SEARCH_LENGTH) }]);
  });

  it('send a waiting search when the page goes away', () => {
    vi.useFakeTimers();
    const calls = installFakeBridge();
    useStore.getState().setSearch('yard');
    useStore.getState().flushViewPrefs();
    expect(setPrefsCalls(calls)).toEqual([{ search: 'yard' }]);
  });

  it('sort ascending by a new column, and turn the direction on the same column', () => {
    installFakeBridge();
    const { sortBy } = useStore.getState();
    sortBy('name');
    expect(useStore.getState().viewPrefs.sort).toEqual({ column: 'name', direction: 'ascending' });
    sortBy('name');
    expect(useStore.getState().viewPrefs.sort).toEqual({ column: 'name', direction: 'descending' });
    sortBy('name');
    expect(useStore.getState().viewPrefs.sort.direction).toBe('ascending');
    sortBy('ip');
    expect(useStore.getState().viewPrefs.sort).toEqual({ column: 'ip', direction: 'ascending' });
  });

  it('load what main kept, without undoing a change made while it was on its way', async () => {
    const calls = installManualBridge();
    const loading = useStore.getState().loadViewPrefs();
    useStore.getState().setFilter('sharedWithMe', true);
    const kept = { ...defaultViewPrefs(), search: 'porch', groupBy: 'model' as const };
    calls.find((c) => c.channel === 'view:get-prefs')?.resolve({ ok: true, value: kept });
    await loading;
    expect(useStore.getState().viewPrefs).toEqual({
      ...kept,
      filters: { ...NO_FILTERS, sharedWithMe: true },
    });
  });

  it('keep the defaults when main cannot answer', async () => {
    Object.defineProperty(window, 'wyze', {
      value: { getViewPrefs: () => Promise.reject(new Error('gone')) },
      configurable: true,
    });
    await useStore.getState().loadViewPrefs();
    expect(useStore.getState().viewPrefs).toEqual(defaultViewPrefs());
  });
});

describe('the shown list (selectors)', () => {
  const cams = [
    device({ mac: 'A', name: 'Caméra nord', ssid: 'Home' }),
    device({ mac: 'B', name: 'Porch', online: false, ssid: 'Barn' }),
    device({ mac: 'C', name: 'Camera sud', ssid: 'Home', firmware: '1.0' }),
    device({ mac: 'P', name: 'Plug camera', isCamera: false }),
  ];

  it('search, filter and group, with group rows carrying counts', () => {
    installFakeBridge();
    useStore.getState().receiveCameras(snapshot(list(cams)));
    useStore.getState().setSearch('camera');
    expect(selectCameraOrder(useStore.getState())).toEqual(['A', 'C']);
    expect(selectShownCount(useStore.getState())).toBe(2);
    useStore.getState().setViewPrefs({ search: '', groupBy: 'ssid' });
    expect(selectListRows(useStore.getState())).toEqual([
      { kind: 'group', key: 'Barn', label: 'Barn', count: 1 },
      { kind: 'camera', mac: 'B' },
      { kind: 'group', key: 'Home', label: 'Home', count: 2 },
      { kind: 'camera', mac: 'A' },
      { kind: 'camera', mac: 'C' },
    ]);
    useStore.getState().setFilter('firmware', '1.0');
    expect(selectCameraOrder(useStore.getState())).toEqual(['C']);
  });

  it('keep the rows array while only a device changed', () => {
    installFakeBridge();
    useStore.getState().receiveCameras(snapshot(list(cams)));
    const rows = selectListRows(useStore.getState());
    const order = selectCameraOrder(useStore.getState());
    const [first, ...rest] = cams;
    if (!first) throw new Error('no camera');
    useStore.getState().receiveCameras(snapshot(list([{ ...first, firmware: '9' }, ...rest])));
    expect(selectListRows(useStore.getState())).toBe(rows);
    expect(selectCameraOrder(useStore.getState())).toBe(order);
  });

  it('give back the same rows when a search is erased back, ungrouped and grouped', () => {
    installFakeBridge();
    useStore.getState().receiveCameras(snapshot(list(cams)));
    const macs = () =>
      selectListRows(useStore.getState()).map((r) => (r.kind === 'camera' ? r.mac : r.key));
    expect(macs()).toEqual(['A', 'C', 'B']);
    useStore.getState().setSearch('sud');
    expect(selectListRows(useStore.getState())).toEqual([{ kind: 'camera', mac: 'C' }]);
    useStore.getState().setSearch('');
    const all = selectListRows(useStore.getState());
    useStore.getState().setSearch('po');
    expect(macs()).toEqual(['B']);
    useStore.getState().setSearch('');
    expect(selectListRows(useStore.getState())).toBe(all);
    expect(macs()).toEqual(['A', 'C', 'B']);
    useStore.getState().setViewPrefs({ groupBy: 'status' });
    const grouped = selectListRows(useStore.getState());
    expect(grouped.filter((r) => r.kind === 'group')).toHaveLength(2);
    useStore.getState().setSearch('porch');
    expect(selectListRows(useStore.getState())).toEqual([
      { kind: 'group', key: 'offline', label: 'Offline', count: 1 },
      { kind: 'camera', mac: 'B' },
    ]);
  });

  it('offer the filter values of cameras only', () => {
    useStore.getState().receiveCameras(snapshot(list(cams)));
    expect(selectFilterOptions(useStore.getState()).ssids.map((o) => [o.value, o.count])).toEqual([
      ['Barn', 1],
      ['Home', 2],
    ]);
  });
});
