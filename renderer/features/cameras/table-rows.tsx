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

/** The rows drawn (`start` to `end`, end excluded) and the empty space above and below them. */
export interface RowWindow {
  start: number;
  end: number;
  padTop: number;
  padBottom: number;
}

/** Rows drawn below the window's edge on the first screen. */
const FIRST_OVERSCAN = 2;

/**
 * The first screen's window, without the virtualiser: the rows from the top that fill a window of
 * `height` pixels (and two more), then one spacer as high as the rest, so the scrollbar is
 * already the whole list's.
 */
export function firstWindow(rows: readonly ListRow[], height: number): RowWindow {
  let end = 0;
  for (let filled = 0; end < rows.length && filled < height; end++) filled += rowHeight(rows[end]);
  end = Math.min(rows.length, end + FIRST_OVERSCAN);
  let padBottom = 0;
  for (let i = end; i < rows.length; i++) padBottom += rowHeight(rows[i]);
  return { start: 0, end, padTop: 0, padBottom };
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
    <GroupRow label={row.label} count={row.count} span={columns.length + 1} {...placement} />
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
