import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { cameraStatus } from '../../format';
import { useStore } from '../../store';
import { selectCameraOrder, selectDevice } from '../../store/selectors';
import { CameraPicture } from '../details/CameraPicture';
import { useDetailsOpener } from '../details/useDetailsOpener';
import './pictures.css';
import { LastEvent } from '../events/LastEvent';

/** The narrowest a card gets, and the gap between cards, in CSS pixels (pictures.css agrees). */
const CARD_MIN_WIDTH = 240;
const GAP = 12;
/** A row's height before it is measured: a 16:9 picture of a card, its name and status. */
const ROW_ESTIMATE = 230;
/** Rows drawn beyond each edge of the window, so a quick scroll shows no blank. */
const OVERSCAN = 3;

/** One camera's card: its latest picture, its name (which opens its details) and its status. */
const PictureCard = memo(function PictureCard({
  mac,
  position,
  total,
}: {
  mac: string;
  position: number;
  total: number;
}) {
  const d = useStore(useMemo(() => selectDevice(mac), [mac]));
  const { nameProps, selected } = useDetailsOpener(mac);
  if (!d) return null;
  const name = d.name || 'Unnamed camera';
  const status = cameraStatus(d);
  return (
    <div
      role="listitem"
      aria-posinset={position}
      aria-setsize={total}
      className={selected ? 'picture-card selected' : 'picture-card'}
      data-status={status.kind}
    >
      <CameraPicture mac={d.mac} name={name} takenAt={d.thumbnailTakenAt} lazy />
      <div className="picture-card-text">
        <button {...nameProps}>{name}</button>
        <span className={`status status-${status.kind}`}>{status.label}</span>
        <LastEvent mac={d.mac} />
      </div>
    </div>
  );
});

/** How many cards fit across the list, from its width (one when it has none yet, as in tests). */
function useColumns(list: RefObject<HTMLDivElement | null>): number {
  const [columns, setColumns] = useState(1);
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    const fit = () =>
      setColumns(Math.max(1, Math.floor((el.clientWidth + GAP) / (CARD_MIN_WIDTH + GAP))));
    fit();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(fit);
    observer?.observe(el);
    return () => observer?.disconnect();
  }, [list]);
  return columns;
}

/**
 * The cameras the list shows (after search and filters, in its order) as a grid of their latest
 * pictures, for a glance at what every camera sees. Virtualised by rows of cards against the
 * window's scroll (TanStack Virtual), so 5,000 cameras cost what a screenful does; screen
 * readers still hear each card's place in the whole list (aria-posinset, aria-setsize).
 */
export function PicturesView() {
  const order = useStore(selectCameraOrder);
  const selected = useStore((s) => s.selectedMac);
  const list = useRef<HTMLDivElement>(null);
  const columns = useColumns(list);
  const rowCount = Math.ceil(order.length / columns);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const el = list.current;
    if (el) setScrollMargin(el.getBoundingClientRect().top + window.scrollY);
  }, [order.length]);
  const virtualizer = useWindowVirtualizer({
    count: rowCount,
    estimateSize: () => ROW_ESTIMATE,
    overscan: OVERSCAN,
    scrollMargin,
    gap: GAP,
  });

  // The arrow keys in the details pane move the selection: bring that camera's card into view.
  useEffect(() => {
    const index = selected === null ? -1 : order.indexOf(selected);
    if (index !== -1) virtualizer.scrollToIndex(Math.floor(index / columns), { align: 'auto' });
  }, [selected, order, columns, virtualizer]);

  if (order.length === 0) return null;
  return (
    <div
      ref={list}
      role="list"
      aria-label="Camera pictures"
      className="pictures-grid"
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((row) => (
        <div
          key={row.key}
          role="none"
          data-index={row.index}
          ref={virtualizer.measureElement}
          className="pictures-row"
          style={{
            gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
            transform: `translateY(${row.start - scrollMargin}px)`,
          }}
        >
          {order.slice(row.index * columns, row.index * columns + columns).map((mac, i) => (
            <PictureCard
              key={mac}
              mac={mac}
              position={row.index * columns + i + 1}
              total={order.length}
            />
          ))}
        </div>
      ))}
    </div>
  );
}

/** For `React.lazy` (renderer/README.md, "Bundle budget"). */
export default PicturesView;
