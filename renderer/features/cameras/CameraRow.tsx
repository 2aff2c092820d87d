import { memo, useMemo } from 'react';
import { cameraStatus } from '../../format';
import { useStore } from '../../store';
import { selectDevice } from '../../store/selectors';
import { Clipped, shortLabel } from './Clipped';
import { CopyButton } from './CopyButton';

/** One camera. It selects only its own device, so a change elsewhere does not re-render it. */
export const CameraRow = memo(function CameraRow({ mac }: { mac: string }) {
  const d = useStore(useMemo(() => selectDevice(mac), [mac]));
  if (!d) return null;
  const status = cameraStatus(d);
  const name = d.name || 'Unnamed camera';
  const label = shortLabel(name);
  return (
    <tr data-status={status.kind}>
      <th scope="row">
        <Clipped className="name" text={name} />
        {(d.shared || d.battery !== null) && (
          <span className="sub">
            {d.shared && <Clipped text={`Shared${d.owner ? ` by ${d.owner}` : ''}`} />}
            {d.battery !== null && <span>Battery {d.battery}%</span>}
          </span>
        )}
      </th>
      <td>
        <abbr title={d.model}>
          <Clipped text={d.modelName} />
        </abbr>
        {!d.modelKnown && <span className="tag">unknown model</span>}
      </td>
      <td>
        <span className={`status status-${status.kind}`}>{status.label}</span>
      </td>
      <td>
        {d.lanIp ? (
          <span className="with-copy">
            <Clipped className="mono" text={d.lanIp} />
            <CopyButton value={d.lanIp} what="IP address" label={`Copy IP address of ${label}`} />
          </span>
        ) : (
          <span className="muted">not reported</span>
        )}
      </td>
      <td>
        {d.firmware !== null ? (
          <Clipped className="mono" text={d.firmware} />
        ) : (
          <span className="muted">not reported</span>
        )}
      </td>
      <td>
        <span className="with-copy">
          <Clipped className="mono" text={d.mac} />
          <CopyButton value={d.mac} what="MAC" label={`Copy MAC of ${label}`} />
        </span>
      </td>
    </tr>
  );
});
