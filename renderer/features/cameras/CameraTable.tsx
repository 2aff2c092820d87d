import {
  Component,
  lazy,
  Suspense,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ErrorInfo, FocusEvent, KeyboardEvent, ReactNode, RefObject } from 'react';
import { COLUMN_IDS, COLUMN_LABELS, NO_FILTERS } from '../../../common/prefs';
import type { ColumnId } from '../../../common/prefs';
import { viewportHeight } from '../../first-screen';
import { useStore } from '../../store';
import { selectListRows } from '../../store/selectors';
import {
  firstWindow,
  GROUP_ROW_HEIGHT,
  rowKey,
  rowKeyOf,
  RowSlots,
  Spacer,
  TableRow,
  withinRows,
} from './table-rows';
import type { DataColumn, RowWindow } from './table-rows';
import { useCutTitles } from './useCutTitles';
import type { TableVirtualizer } from './VirtualWindow';
import './list.css';

export { GROUP_ROW_HEIGHT, ROW_HEIGHT } from './table-rows';

/** How far Page Up / Page Down move the focused row. */
const PAGE = 10;

// TanStack Virtual (about 9 kB of the 90 kB budget, gzipped) loads just after the first screen
// (renderer/README.md, "Bundle budget"). It draws nothing itself: until it reports which rows are
// in view, the table draws `firstWindow`, and the rows already drawn stay when it takes over.
const VirtualWindow = lazy(() => import('./VirtualWindow'));

/**
 * If the virtualiser cannot load or draw (its chunk missing from a broken install), the table
 * stays on the first rows instead of the whole app giving way to the error screen; main's log
 * hears of it.
 */
class WithoutVirtualiser extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    useStore.getState().reportRenderError(error, info.componentStack ?? '');
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

/** The data columns the preferences show, in table order (the name is always the row header). */
function useDataColumns(): DataColumn[] {
  const shown = useStore((s) => s.viewPrefs.columns);
  return useMemo(
    () => COLUMN_IDS.filter((c): c is DataColumn => c !== 'name' && shown.includes(c)),
    [shown],
  );
}

function SortHeader({ column }: { column: ColumnId }) {
  const sort = useStore((s) => s.viewPrefs.sort);
  const sortBy = useStore((s) => s.sortBy);
  const sorted = sort.column === column;
  return (
    <th scope="col" aria-sort={sorted ? sort.direction : undefined} data-column={column}>
      <button type="button" className="sort" onClick={() => sortBy(column)}>
        {COLUMN_LABELS[column]}
      </button>
    </th>
  );
}

/** The least height the list keeps on a short window (a few rows), in CSS pixels. */
const MIN_LIST_HEIGHT = 240;
/** Room left under the list, in CSS pixels. */
const BOTTOM_GAP = 16;

/**
 * Makes the scroller end at the window's bottom edge, whatever sits above it (banners, filter
 * chips): the list scrolls, the page does not, and the last row can always be scrolled into view.
 */
function useFitToWindow(): RefObject<HTMLDivElement | null> {
  const scroller = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const fit = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      el.style.maxHeight = `${Math.max(MIN_LIST_HEIGHT, window.innerHeight - top - BOTTOM_GAP)}px`;
    };
    fit();
    window.addEventListener('resize', fit);
    const above = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(fit);
    for (let node = el.previousElementSibling; node; node = node.previousElementSibling) {
      above?.observe(node);
    }
    return () => {
      window.removeEventListener('resize', fit);
      above?.disconnect();
    };
  }, []);
  return scroller;
}

/** The key a row takes focus on: the next or previous row, a page, the first or the last. */
function targetIndex(key: string, from: number, count: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(from + 1, count - 1);
    case 'ArrowUp':
      return Math.max(from - 1, 0);
    case 'PageDown':
      return Math.min(from + PAGE, count - 1);
    case 'PageUp':
      return Math.max(from - PAGE, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** What the table says when the search and filters leave no camera. */
function NoMatch() {
  const clear = useStore((s) => s.setViewPrefs);
  return (
    <div className="no-match">
      <p>No camera matches the search and filters.</p>
      <button type="button" onClick={() => clear({ search: '', filters: { ...NO_FILTERS } })}>
        Clear search and filters
      </button>
    </div>
  );
}

/**
 * The camera list as a real table, virtualised: only the rows in view (and a margin) are in the
 * page, between two spacer rows, so 5,000 cameras scroll like 50 (VirtualWindow.tsx says which).
 * Screen readers still hear the whole table: aria-rowcount on the table, aria-rowindex on each
 * row. Arrow keys, Page Up/Down, Home and End move focus between rows, scrolling the next one into
 * the page first.
 */
export function CameraTable() {
  const rows = useStore(selectListRows);
  const stale = useStore((s) => s.list.stale);
  const columns = useDataColumns();
  const scrollRef = useFitToWindow();
  useCutTitles(scrollRef);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(GROUP_ROW_HEIGHT);
  const [active, setActive] = useState(0);
  const focusNext = useRef<number | null>(null);
  const [virtualWindow, setVirtualWindow] = useState<RowWindow | null>(null);
  const [slots] = useState(() => new RowSlots());
  // The row keyboard focus is in (RowSlots never hands it to another camera): from the body's
  // focus events, so rendering reads no state of the document.
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const virtualizer = useRef<TableVirtualizer | null>(null);
  const onVirtualizer = useCallback((v: TableVirtualizer | null) => {
    virtualizer.current = v;
  }, []);

  // The header's height is where the rows start: measured now and whenever it changes.
  useLayoutEffect(() => {
    const head = headRef.current;
    if (!head) return;
    const measure = () => setHeadHeight(head.getBoundingClientRect().height || GROUP_ROW_HEIGHT);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(head);
    return () => observer.disconnect();
  }, []);

  // A row asked for by the keyboard takes focus as soon as it is in the page.
  useLayoutEffect(() => {
    const index = focusNext.current;
    if (index === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`tbody tr[data-index="${index}"]`);
    if (row) {
      focusNext.current = null;
      // The virtualiser has scrolled the row into the page; before it is there, the browser does.
      row.focus({ preventScroll: virtualizer.current !== null });
    }
  });

  // The window's height, or the one a first screen written into the page was drawn for, while
  // it is taken over (renderer/first-screen.ts); within the rows a search may just have cut.
  const shown = withinRows(virtualWindow ?? firstWindow(rows, viewportHeight()), rows);
  const { start, end, padTop, padBottom } = shown;
  const drawn = rows.slice(start, end);
  const keys = slots.keys(drawn.map(rowKey), focusedKey);
  // The keys of the render React committed are the page's from now on.
  useLayoutEffect(() => {
    slots.commit();
  });

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLTableSectionElement>) => {
      const row = e.target as HTMLElement;
      if (row.tagName !== 'TR' || row.dataset.index === undefined) return;
      // Keys pressed faster than rows come into the page count from the row still on its way,
      // not from the one that has focus: a held arrow key loses no press.
      const from = focusNext.current ?? Number(row.dataset.index);
      let to = targetIndex(e.key, from, rows.length);
      if (to === null) return;
      // Until the virtualiser is there, only the rows drawn can take focus.
      if (!virtualizer.current) to = Math.max(start, Math.min(to, end - 1));
      e.preventDefault();
      setActive(to);
      focusNext.current = to;
      virtualizer.current?.scrollToIndex(to, { align: 'auto' });
    },
    [rows.length, start, end],
  );

  const onFocus = useCallback((e: FocusEvent<HTMLTableSectionElement>) => {
    const target = e.target as HTMLElement;
    const index = target.closest('tr')?.dataset.index;
    if (index !== undefined) setActive(Number(index));
    setFocusedKey(rowKeyOf(target));
  }, []);

  const onBlur = useCallback((e: FocusEvent<HTMLTableSectionElement>) => {
    const next = e.relatedTarget;
    // The window losing focus (another app, say) leaves it on the row: the row keeps it while the
    // list refreshes in the background.
    if (next === null && document.activeElement === e.target) return;
    // Focus moving to another row is that row's focus event; leaving the rows ends it. (A row
    // taken out of the page sends no blur: its key stays until focus next moves, which at worst
    // keeps that camera's elements from being handed on once.)
    if (!(next instanceof Node) || !e.currentTarget.contains(next)) setFocusedKey(null);
  }, []);

  // The row Tab enters the table on: the last one focused, or, when it has been scrolled out of
  // the page, the first row drawn (the table always keeps one tab stop).
  const lastActive = Math.min(active, Math.max(rows.length - 1, 0));
  const activeIndex = lastActive >= start && lastActive < end ? lastActive : start;
  const span = columns.length + 1;

  return (
    <div className="table-wrap" ref={scrollRef}>
      <table
        aria-label="Cameras"
        aria-rowcount={rows.length + 1}
        className={stale ? 'camera-table stale' : 'camera-table'}
      >
        <thead ref={headRef}>
          <tr aria-rowindex={1}>
            <SortHeader column="name" />
            {columns.map((c) => (
              <SortHeader key={c} column={c} />
            ))}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown} onFocus={onFocus} onBlur={onBlur}>
          <Spacer height={padTop} span={span} />
          {drawn.map((row, i) => (
            <TableRow
              key={keys[i]}
              row={row}
              index={start + i}
              activeIndex={activeIndex}
              columns={columns}
            />
          ))}
          <Spacer height={padBottom} span={span} />
        </tbody>
      </table>
      {rows.length === 0 && <NoMatch />}
      <WithoutVirtualiser>
        <Suspense fallback={null}>
          <VirtualWindow
            rows={rows}
            scrollRef={scrollRef}
            headHeight={headHeight}
            shown={virtualWindow}
            onWindow={setVirtualWindow}
            onVirtualizer={onVirtualizer}
          />
        </Suspense>
      </WithoutVirtualiser>
    </div>
  );
}
