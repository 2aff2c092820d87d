import { useLayoutEffect, useRef } from 'react';
import type { ColumnId } from '../../../common/prefs';
import type { ListRow } from '../../store/selectors';
import { CameraRow, GroupRow } from './CameraRow';

/**
 * How the camera table draws its rows (CameraTable.tsx): the row heights, one row of the list, and
 * which rows are drawn (a `RowWindow`). The first screen's window is `firstWindow`, computed at
 * once; TanStack Virtual (VirtualWindow.tsx, loaded just after) then computes it as the list
 * scrolls. The rows themselves stay where they are when it takes over: only the window moves.
 */

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

export type DataColumn = Exclude<ColumnId, 'name'>;

export const rowHeight = (row: ListRow | undefined): number =>
  row?.kind === 'group' ? GROUP_ROW_HEIGHT : ROW_HEIGHT;

export const rowKey = (row: ListRow): string =>
  row.kind === 'group' ? `group:${row.key}` : row.mac;

/**
 * React keys for the rows drawn, so that a row leaving the window gives its elements to a row
 * entering it. Keyed by camera, every search keystroke that changed the rows drawn removed ~25
 * rows of ~25 elements and built as many anew; given a slot, React updates the elements in place
 * (their text and attributes), which at 5,000 cameras cut a keystroke's own work by ~40 % at the
 * 95th percentile (scripts/README.md, the eighth pass). A row that stays keeps its slot, so its
 * elements stay as they are; the row holding keyboard focus is never given to another camera (its
 * slot is retired instead), so focus never lands on someone else's row.
 */
export class RowSlots {
  /** The slots of the rows on the page, as last committed. */
  private slots = new Map<string, number>();
  private nextSlot = 0;
  /** What the last render asked for, until React commits it. */
  private pending: { slots: Map<string, number>; nextSlot: number } | null = null;

  /**
   * One key per row key, in order. `focused` is the row key whose elements have keyboard focus
   * (null when none does). Computed from the slots committed, never from a render React may
   * have thrown away, so rendering twice gives the same keys; `commit` (in a layout effect)
   * makes them the page's.
   */
  keys(rowKeys: readonly string[], focused: string | null): number[] {
    const wanted = new Set(rowKeys);
    // Freed in the order they were drawn, so a slot tends to be reused at the same place.
    const free: number[] = [];
    for (const [key, slot] of this.slots) {
      if (!wanted.has(key) && key !== focused) free.push(slot);
    }
    let reused = 0;
    let nextSlot = this.nextSlot;
    const next = new Map<string, number>();
    const keys = rowKeys.map((key) => {
      let slot = this.slots.get(key);
      if (slot === undefined || next.has(key)) {
        slot = reused < free.length ? (free[reused++] as number) : nextSlot++;
      }
      next.set(key, slot);
      return slot;
    });
    this.pending = { slots: next, nextSlot };
    return keys;
  }

  /** The keys of the last render are now the page's (call after React commits it). */
  commit(): void {
    if (!this.pending) return;
    this.slots = this.pending.slots;
    this.nextSlot = this.pending.nextSlot;
    this.pending = null;
  }
}

/** The row key of the body row `element` is in (or is), if any: what `rowKey` gave it. */
export function rowKeyOf(element: Element): string | null {
  const row = element.closest<HTMLElement>('tbody tr');
  if (!row) return null;
  return row.dataset.mac ?? (row.dataset.group !== undefined ? `group:${row.dataset.group}` : null);
}

/** The rows drawn (`start` to `end`, end excluded) and the empty space above and below them. */
export interface RowWindow {
  start: number;
  end: number;
  padTop: number;
  padBottom: number;
}

/** Rows drawn below the window's edge on the first screen. */
const FIRST_OVERSCAN = 2;

/** How high `rows[from]` to `rows[to - 1]` stand: a spacer's height for the rows not drawn. */
function heightOf(rows: readonly ListRow[], from: number, to: number): number {
  let height = 0;
  for (let i = from; i < to; i++) height += rowHeight(rows[i]);
  return height;
}

/**
 * The first screen's window, without the virtualiser: the rows from the top that fill a window of
 * `height` pixels (and two more), then one spacer as high as the rest, so the scrollbar is
 * already the whole list's.
 */
export function firstWindow(rows: readonly ListRow[], height: number): RowWindow {
  let end = 0;
  for (let filled = 0; end < rows.length && filled < height; end++) filled += rowHeight(rows[end]);
  end = Math.min(rows.length, end + FIRST_OVERSCAN);
  return { start: 0, end, padTop: 0, padBottom: heightOf(rows, end, rows.length) };
}

/**
 * The window kept within `rows`. A search or filter that leaves fewer rows than the window reaches
 * (the list scrolled further down than the new list is long) would draw none of them until the
 * virtualiser reports its new window, and then draw them all anew. Moved to the end of the new
 * rows, as many as it held, it is about where the browser scrolls the shorter list back to: the
 * rows' elements go to the new rows (RowSlots), and the window the virtualiser then reports (in
 * the same commit, before any paint) is the same or a few rows shorter (the margin below the
 * rows in view, which the end of a list has no room for).
 */
export function withinRows(win: RowWindow, rows: readonly ListRow[]): RowWindow {
  if (win.end <= rows.length) return win;
  const start = Math.max(0, rows.length - (win.end - win.start));
  return { start, end: rows.length, padTop: heightOf(rows, 0, start), padBottom: 0 };
}

/** One row of the list: a camera, or a group's header. */
export function TableRow({
  row,
  index,
  activeIndex,
  columns,
}: {
  row: ListRow;
  index: number;
  activeIndex: number;
  columns: DataColumn[];
}) {
  const placement = { index, active: index === activeIndex };
  return row.kind === 'group' ? (
    <GroupRow
      groupKey={row.key}
      label={row.label}
      count={row.count}
      span={columns.length + 1}
      {...placement}
    />
  ) : (
    <CameraRow mac={row.mac} columns={columns} {...placement} />
  );
}

/**
 * The empty space standing for rows not drawn, so the scrollbar is the whole list's. Its height is
 * set on the element, not written as a style attribute: in a first screen written into the page
 * (docs/first-screen.md) the CSP would drop the attribute, and taking the markup over does not
 * write attributes again, so the list would stay as short as the rows drawn.
 */
export function Spacer({ height, span }: { height: number; span: number }) {
  const cell = useRef<HTMLTableCellElement>(null);
  useLayoutEffect(() => {
    if (cell.current) cell.current.style.height = `${height}px`;
  }, [height]);
  if (height <= 0) return null;
  return (
    <tr className="spacer" aria-hidden="true">
      <td colSpan={span} ref={cell} />
    </tr>
  );
}
