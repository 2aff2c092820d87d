import { defaultViewPrefs, MAX_SEARCH_LENGTH, NO_FILTERS } from '../../common/prefs';
import type { CameraFilters, ColumnId, ViewPrefs, ViewPrefsPatch } from '../../common/prefs';
import { wyze } from '../api';

/**
 * How the camera list is viewed: search, sort, filters, grouping, columns, mode. The page applies
 * a change at once and main keeps it (view:set-prefs) so it survives a reload and a relaunch;
 * main's answer is not applied back, so a slow answer never undoes a newer keystroke.
 */
export interface ViewSlice {
  viewPrefs: ViewPrefs;
  /** Every change made in this page: newer than anything main could answer a load with. */
  viewEdits: ViewPrefsPatch;
  /** Reads the preferences main kept (once, at start). */
  loadViewPrefs(): Promise<void>;
  /** Applies a change and keeps it; search text is kept after a pause in typing. */
  setViewPrefs(patch: ViewPrefsPatch): void;
  setSearch(search: string): void;
  /** Sorts by a column: ascending first, the other way when it is already the sort column. */
  sortBy(column: ColumnId): void;
  setFilter<K extends keyof CameraFilters>(key: K, value: CameraFilters[K]): void;
  clearFilters(): void;
  /** Sends a search still waiting for its pause now (the page is going away). */
  flushViewPrefs(): void;
}

/** How long typing must pause before the search text is written to disk. */
export const SEARCH_SAVE_DELAY_MS = 400;

type Set = (partial: Partial<ViewSlice>) => void;
type Get = () => ViewSlice;

export function createViewSlice(set: Set, get: Get): ViewSlice {
  let unsaved: ViewPrefsPatch = {};
  let timer: ReturnType<typeof setTimeout> | undefined;

  function flush(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const patch = unsaved;
    unsaved = {};
    if (Object.keys(patch).length === 0) return;
    // A preference that could not be kept still applies in this page; nothing to report.
    wyze()
      .setViewPrefs(patch)
      .catch(() => undefined);
  }

  function apply(patch: ViewPrefsPatch, { debounce = false } = {}): void {
    const { viewPrefs, viewEdits } = get();
    set({ viewPrefs: { ...viewPrefs, ...patch }, viewEdits: { ...viewEdits, ...patch } });
    unsaved = { ...unsaved, ...patch };
    if (debounce) {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, SEARCH_SAVE_DELAY_MS);
    } else {
      flush();
    }
  }

  return {
    viewPrefs: defaultViewPrefs(),
    viewEdits: {},
    async loadViewPrefs() {
      try {
        const result = await wyze().getViewPrefs();
        // What the user changed while this was on its way wins.
        if (result.ok) set({ viewPrefs: { ...result.value, ...get().viewEdits } });
      } catch {
        // The bridge is gone: the defaults stay.
      }
    },
    setViewPrefs: (patch) => apply(patch),
    setSearch: (search) =>
      apply({ search: search.slice(0, MAX_SEARCH_LENGTH) }, { debounce: true }),
    sortBy(column) {
      const { sort } = get().viewPrefs;
      const direction =
        sort.column === column && sort.direction === 'ascending' ? 'descending' : 'ascending';
      apply({ sort: { column, direction } });
    },
    setFilter(key, value) {
      apply({ filters: { ...get().viewPrefs.filters, [key]: value } });
    },
    clearFilters: () => apply({ filters: { ...NO_FILTERS } }),
    flushViewPrefs: flush,
  };
}
