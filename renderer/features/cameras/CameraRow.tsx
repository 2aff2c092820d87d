import { memo, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { ColumnId } from '../../../common/prefs';
import type { DeviceDto } from '../../../common/view';
import { cameraStatus, plural } from '../../format';
import { useStore } from '../../store';
import { selectDevice } from '../../store/selectors';
import { useDetailsOpener } from '../details/useDetailsOpener';
import { LastEvent } from '../events/LastEvent';
import { WatchButton } from '../live/openers';
import { CLIP_AT, Clipped, shortLabel } from './Clipped';
import { CopyButton } from './CopyButton';

/**
 * What a row needs from the table (plain values, so an unchanged row is not drawn again): its
 * position among the body rows (0-based; the header is row 1 for screen readers) and whether it is
 * the row keyboard focus enters the table on (roving tabindex). Rows are never measured: list.css
 * holds each to its height (table-rows.tsx, ROW_HEIGHT).
 */
export interface RowPlacement {
  index: number;
  active: boolean;
}

const notReported = <span className="muted">not reported</span>;

function mono(value: string | null): ReactNode {
  return value !== null && value !== '' ? <Clipped className="mono" text={value} /> : notReported;
}

function withCopy(value: string | null, what: string, label: string): ReactNode {
  if (value === null || value === '') return notReported;
  return (
    <span className="with-copy">
      <Clipped className="mono" text={value} />
      <CopyButton value={value} what={what} label={label} />
    </span>
  );
}

/** The data cell of one column (the name column is the row's header, drawn by the row). */
function cell(column: Exclude<ColumnId, 'name'>, d: DeviceDto, label: string): ReactNode {
  switch (column) {
    case 'model':
      return (
        <>
          <abbr title={d.model}>
            <Clipped text={d.modelName} />
          </abbr>
          {!d.modelKnown && <span className="tag">unknown model</span>}
        </>
      );
    case 'status': {
      const status = cameraStatus(d);
      return <span className={`status status-${status.kind}`}>{status.label}</span>;
    }
    case 'ip':
      return withCopy(d.lanIp, 'IP address', `Copy IP address of ${label}`);
    case 'publicIp':
      return mono(d.publicIp);
    case 'ssid':
      return d.ssid !== null && d.ssid !== '' ? <Clipped text={d.ssid} /> : notReported;
    case 'firmware':
      return mono(d.firmware);
    case 'hardware':
      return mono(d.hardware);
    case 'mac':
      return withCopy(d.mac, 'MAC', `Copy MAC of ${label}`);
  }
}

/**
 * One camera. It selects only its own device, so a change elsewhere does not re-render it; the
 * table tells it where it is (aria-rowindex) and which columns to show.
 */
export const CameraRow = memo(function CameraRow({
  mac,
  columns,
  index,
  active,
}: RowPlacement & {
  mac: string;
  /** The data columns shown, in order (the name is always first, as the row header). */
  columns: readonly Exclude<ColumnId, 'name'>[];
}) {
  const d = useStore(useMemo(() => selectDevice(mac), [mac]));
  const { selected, rowProps, nameProps } = useDetailsOpener(mac);
  if (!d) return null;
  const name = d.name || 'Unnamed camera';
  const label = shortLabel(name);
  return (
    <tr
      data-index={index}
      data-mac={mac}
      data-status={cameraStatus(d).kind}
      aria-rowindex={index + 2}
      tabIndex={active ? 0 : -1}
      className={selected ? 'selected' : undefined}
      {...rowProps}
    >
      <th scope="row">
        {/* The name opens the details: cut to its column like any cloud value, whole in its
            title and while it has focus (list.css). */}
        <button
          {...nameProps}
          className={`${nameProps.className} clip name`}
          title={name.length > CLIP_AT ? name : undefined}
        >
          {name}
        </button>
        {/* The second line: one row that its column cuts from the end (list.css). */}
        <span className="row-sub">
          <WatchButton device={d} name={name} />
          <LastEvent mac={mac} />
          {(d.shared || d.battery !== null) && (
            <span className="sub">
              {d.shared && <Clipped text={`Shared${d.owner ? ` by ${d.owner}` : ''}`} />}
              {d.battery !== null && <span>Battery {d.battery}%</span>}
            </span>
          )}
        </span>
      </th>
      {columns.map((column) => (
        <td key={column} data-column={column}>
          {cell(column, d, label)}
        </td>
      ))}
    </tr>
  );
});

/** A group's header row: what the cameras below it share, and how many there are. */
export const GroupRow = memo(function GroupRow({
  groupKey,
  label,
  count,
  span,
  index,
  active,
}: RowPlacement & { groupKey: string; label: string; count: number; span: number }) {
  return (
    <tr
      className="group-row"
      data-group={groupKey}
      data-index={index}
      aria-rowindex={index + 2}
      tabIndex={active ? 0 : -1}
    >
      <th scope="colgroup" colSpan={span}>
        {/* One box, so it can stay in view when the list scrolls sideways (list.css). */}
        <span className="group-heading">
          <span className="group-label">{label}</span>
          <span className="group-count"> · {plural(count, 'camera')}</span>
        </span>
      </th>
    </tr>
  );
});
