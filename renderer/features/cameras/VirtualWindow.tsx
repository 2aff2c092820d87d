import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import type { Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect } from 'react';
import type { RefObject } from 'react';
import { viewportHeight } from '../../first-screen';
import { useStore } from '../../store';
import type { ListRow } from '../../store/selectors';
import { rowHeight, rowKey } from './table-rows';
import type { RowWindow } from './table-rows';

/**
 * Rows drawn beyond each edge of the visible ones (~350 px). The virtualiser draws the rows a
 * scroll brings into view in the scroll event itself, so a scroll the page drives shows no blank;
 * one the compositor runs ahead of the page (a wheel, the scrollbar) can outpace it by a frame,
 * and the margin covers that for a quick wheel. Each row more is style, layout and paint work on
 * every scroll frame and keystroke: with 20, at 5,000 cameras, scrolling ran at ~42 fps and a
 * keystroke's p95 was ~60 ms; with 4–6, ~55 fps and ~30 ms (scripts/README.md, third pass).
 */
const OVERSCAN = 6;

export type TableVirtualizer = Virtualizer<HTMLDivElement, Element>;

/**
 * The scroller's size as the virtualiser sees it. One not laid out yet (hidden, or a page without
 * layout) reads 0 high, which would draw no row at all: it counts as the window's height instead.
 */
function observeScroller(
  instance: TableVirtualizer,
  report: (rect: { width: number; height: number }) => void,
) {
  return observeElementRect(instance, (rect) =>
    report(rect.height > 0 ? rect : { width: rect.width, height: window.innerHeight }),
  );
}

/** How far beyond the rows in view a focused row stays drawn, in rows. */
const KEEP_FOCUSED_WITHIN = 12;

/**
 * The window, stretched to keep the row that has keyboard focus drawn when it is just outside it
 * (the first screen drew rows to the window's height, the virtualiser draws to the list's; a
 * scroll of a few rows): removing it would drop focus to the page.
 */
function keepingFocus(
  win: RowWindow,
  scroller: HTMLElement | null,
  virtualizer: TableVirtualizer,
  headHeight: number,
): RowWindow {
  const focused = document.activeElement;
  if (!scroller || !focused || !scroller.contains(focused)) return win;
  const index = Number(focused.closest('tr')?.dataset.index ?? Number.NaN);
  const item = virtualizer.measurementsCache[index];
  if (!item || (index >= win.start && index < win.end)) return win;
  if (index < win.start && win.start - index <= KEEP_FOCUSED_WITHIN) {
    return { ...win, start: index, padTop: item.start - headHeight };
  }
  if (index >= win.end && index - win.end < KEEP_FOCUSED_WITHIN) {
    return { ...win, end: index + 1, padBottom: virtualizer.getTotalSize() - item.end };
  }
  return win;
}

const sameWindow = (a: RowWindow | null, b: RowWindow): boolean =>
  a !== null &&
  a.start === b.start &&
  a.end === b.end &&
  a.padTop === b.padTop &&
  a.padBottom === b.padBottom;

export interface VirtualWindowProps {
  rows: ListRow[];
  scrollRef: RefObject<HTMLDivElement | null>;
  /** The header's height: the rows start below it, in the same scroller. */
  headHeight: number;
  /** The window the table draws now, and how to move it. */
  shown: RowWindow | null;
  onWindow(window: RowWindow): void;
  /** The virtualiser, for the table's keyboard (scrolling a row into the page). */
  onVirtualizer(virtualizer: TableVirtualizer | null): void;
}

/**
 * Which rows of the camera table are in view, computed with TanStack Virtual as the list scrolls
 * (5,000 cameras scroll like 50). It draws nothing: the table draws the window it reports, in the
 * same commit (a layout effect), so a scroll never paints a blank. Loaded just after the first
 * screen (renderer/README.md, "Bundle budget"); until then the table draws `firstWindow`.
 */
export default function VirtualWindow({
  rows,
  scrollRef,
  headHeight,
  shown,
  onWindow,
  onVirtualizer,
}: VirtualWindowProps) {
  // Stable while the rows are: the virtualiser recomputes every row's place (5,000 of them) when
  // its key function changes, which a new closure per render did on every scroll frame.
  const getItemKey = useCallback((i: number) => (rows[i] ? rowKey(rows[i]) : i), [rows]);
  const sizeOf = useCallback((i: number) => rowHeight(rows[i]), [rows]);

  // The virtualiser is a mutable instance by design (the app does not use the React Compiler,
  // which is what this rule protects).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    // Exact, not an estimate: no row is measured (see ROW_HEIGHT).
    estimateSize: sizeOf,
    getItemKey,
    overscan: OVERSCAN,
    // The header sits above the rows in the same scroller, and stays over them (sticky).
    paddingStart: headHeight,
    scrollPaddingStart: headHeight,
    // Before the scroller is measured, assume the window's height.
    initialRect: { width: 0, height: viewportHeight() },
    // Where the list already is: it may have been scrolled before this chunk arrived, and the
    // virtualiser scrolls its element to this offset when it attaches (0 by default, which threw
    // the user back to the top).
    initialOffset: () => scrollRef.current?.scrollTop ?? 0,
    observeElementRect: observeScroller,
  });

  useLayoutEffect(() => {
    onVirtualizer(virtualizer);
    return () => onVirtualizer(null);
  }, [virtualizer, onVirtualizer]);

  // The camera the details pane shows is scrolled into the page, however far away it is drawn.
  const selectedMac = useStore((s) => s.selectedMac);
  useEffect(() => {
    if (selectedMac === null) return;
    const index = rows.findIndex((r) => r.kind === 'camera' && r.mac === selectedMac);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
    // Only a new selection scrolls: a list that changes under it leaves the scroll alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedMac]);

  // The window is read here, after the virtualiser has attached to the scroller (its own layout
  // effect, above), not while rendering: its first read of the offset is the one it keeps, and
  // scrolls the scroller back to, when it attaches. React may yield between rendering this
  // component (it arrives in a Suspense retry, which is time-sliced) and committing it; a scroll
  // in that gap was undone (the list jumped back to where it was when this rendered).
  useLayoutEffect(() => {
    const items = virtualizer.getVirtualItems();
    const first = items[0];
    const last = items[items.length - 1];
    const next: RowWindow = {
      start: first ? first.index : 0,
      end: last ? last.index + 1 : 0,
      padTop: first ? first.start - headHeight : 0,
      padBottom: last ? virtualizer.getTotalSize() - last.end : 0,
    };
    const wanted = keepingFocus(next, scrollRef.current, virtualizer, headHeight);
    if (!sameWindow(shown, wanted)) onWindow(wanted);
  });
  return null;
}
