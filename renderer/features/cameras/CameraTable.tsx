import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import type { Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties, FocusEvent, KeyboardEvent, RefObject } from 'react';
import { COLUMN_IDS, COLUMN_LABELS, NO_FILTERS } from '../../../common/prefs';
import type { ColumnId } from '../../../common/prefs';
import { useStore } from '../../store';
import { selectListRows } from '../../store/selectors';
import type { ListRow } from '../../store/selectors';
import { CameraRow, GroupRow } from './CameraRow';
import { usePainted } from './usePainted';
import './list.css';

/**
 * The height of every camera row, in CSS pixels: two lines (the name; then its Watch button and
 * "Shared by… · Battery…"). list.css holds every row to it, whatever the cloud's values (no cell
 * wraps), so the virtualiser places rows by it and never measures one: measuring each row as it
 * entered the page forced a layout per row (~190 ms at the first paint of 5,000 cameras, and on
 * every scroll frame and search keystroke; scripts/README.md, "The benchmark").
 */
export const ROW_HEIGHT = 58;
/** The height of a group's header row (one line), held by list.css the same way. */
export const GROUP_ROW_HEIGHT = 38;
/** Rows drawn beyond each edge of the visible ones, so a quick scroll shows no blank. */
const OVERSCAN = 20;
/** Before the first paint, fewer: the first rows on screen are what the user waits for. */
const FIRST_OVERSCAN = 2;
/** The heights as CSS variables on the table, so list.css and the virtualiser share one number. */
const ROW_HEIGHT_VARIABLES = {
  '--row-height': `${ROW_HEIGHT}px`,
  '--group-row-height': `${GROUP_ROW_HEIGHT}px`,
} as CSSProperties;
/** A row's placement needs no measuring (see ROW_HEIGHT). */
const NOT_MEASURED = (): void => undefined;
/** How far Page Up / Page Down move the focused row. */
const PAGE = 10;

const rowKey = (row: ListRow): string => (row.kind === 'group' ? `group:${row.key}` : row.mac);

type DataColumn = Exclude<ColumnId, 'name'>;

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

/**
 * The scroller's size as the virtualiser sees it. One not laid out yet (hidden, or a page without
 * layout) reads 0 high, which would draw no row at all: it counts as the window's height instead.
 */
function observeScroller(
  instance: Virtualizer<HTMLDivElement, Element>,
  report: (rect: { width: number; height: number }) => void,
) {
  return observeElementRect(instance, (rect) =>
    report(rect.height > 0 ? rect : { width: rect.width, height: window.innerHeight }),
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
 * page, between two spacer rows, so 5,000 cameras scroll like 50. Screen readers still hear the
 * whole table: aria-rowcount on the table, aria-rowindex on each row. Arrow keys, Page Up/Down,
 * Home and End move focus between rows, scrolling the next one into the page first.
 */
export function CameraTable() {
  const rows = useStore(selectListRows);
  const stale = useStore((s) => s.list.stale);
  const columns = useDataColumns();
  const scrollRef = useFitToWindow();
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(GROUP_ROW_HEIGHT);
  const painted = usePainted();
  const [active, setActive] = useState(0);
  const focusNext = useRef<number | null>(null);

  // Stable while the rows are: the virtualiser recomputes every row's place (5,000 of them) when
  // its key function changes, which a new closure per render did on every scroll frame.
  const getItemKey = useCallback((i: number) => (rows[i] ? rowKey(rows[i]) : i), [rows]);
  const rowHeight = useCallback(
    (i: number) => (rows[i]?.kind === 'group' ? GROUP_ROW_HEIGHT : ROW_HEIGHT),
    [rows],
  );

  // The virtualiser is a mutable instance by design (the app does not use the React Compiler,
  // which is what this rule protects).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    // Exact, not an estimate: no row is measured (see ROW_HEIGHT).
    estimateSize: rowHeight,
    getItemKey,
    overscan: painted ? OVERSCAN : FIRST_OVERSCAN,
    // The header sits above the rows in the same scroller, and stays over them (sticky).
    paddingStart: headHeight,
    scrollPaddingStart: headHeight,
    // Before the scroller is measured, assume the window's height: the first paint has its rows.
    initialRect: { width: 0, height: window.innerHeight },
    observeElementRect: observeScroller,
  });

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

  // The camera the details pane shows is scrolled into the page, however far away it is drawn.
  const selectedMac = useStore((s) => s.selectedMac);
  useEffect(() => {
    if (selectedMac === null) return;
    const index = rows.findIndex((r) => r.kind === 'camera' && r.mac === selectedMac);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
    // Only a new selection scrolls: a list that changes under it leaves the scroll alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedMac]);

  const items = virtualizer.getVirtualItems();
  const activeIndex = Math.min(active, Math.max(rows.length - 1, 0));

  // A row asked for by the keyboard takes focus as soon as it is in the page.
  useLayoutEffect(() => {
    const index = focusNext.current;
    if (index === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`tbody tr[data-index="${index}"]`);
    if (row) {
      focusNext.current = null;
      row.focus({ preventScroll: true });
    }
  });

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLTableSectionElement>) => {
      const row = e.target as HTMLElement;
      if (row.tagName !== 'TR' || row.dataset.index === undefined) return;
      // Keys pressed faster than rows come into the page count from the row still on its way,
      // not from the one that has focus: a held arrow key loses no press.
      const from = focusNext.current ?? Number(row.dataset.index);
      const to = targetIndex(e.key, from, rows.length);
      if (to === null) return;
      e.preventDefault();
      setActive(to);
      focusNext.current = to;
      virtualizer.scrollToIndex(to, { align: 'auto' });
    },
    [rows.length, virtualizer],
  );

  const onFocus = useCallback((e: FocusEvent<HTMLTableSectionElement>) => {
    const index = (e.target as HTMLElement).closest('tr')?.dataset.index;
    if (index !== undefined) setActive(Number(index));
  }, []);

  const first = items[0];
  const last = items[items.length - 1];
  const padTop = first ? first.start - headHeight : 0;
  const padBottom = last ? virtualizer.getTotalSize() - last.end : 0;
  const span = columns.length + 1;

  return (
    <div className="table-wrap" ref={scrollRef}>
      <table
        aria-label="Cameras"
        aria-rowcount={rows.length + 1}
        className={stale ? 'camera-table stale' : 'camera-table'}
        style={ROW_HEIGHT_VARIABLES}
      >
        <thead ref={headRef}>
          <tr aria-rowindex={1}>
            <SortHeader column="name" />
            {columns.map((c) => (
              <SortHeader key={c} column={c} />
            ))}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown} onFocus={onFocus}>
          {padTop > 0 && (
            <tr className="spacer" aria-hidden="true">
              <td colSpan={span} style={{ height: padTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const placement = {
              index: item.index,
              active: item.index === activeIndex,
              measure: NOT_MEASURED,
            };
            return row.kind === 'group' ? (
              <GroupRow
                key={item.key}
                label={row.label}
                count={row.count}
                span={span}
                {...placement}
              />
            ) : (
              <CameraRow key={item.key} mac={row.mac} columns={columns} {...placement} />
            );
          })}
          {padBottom > 0 && (
            <tr className="spacer" aria-hidden="true">
              <td colSpan={span} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
      {rows.length === 0 && <NoMatch />}
    </div>
  );
}
