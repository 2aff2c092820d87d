import { memo, useMemo } from 'react';
import { cameraStatus } from '../../format';
import { useStore } from '../../store';
import { selectDevice } from '../../store/selectors';
import { CopyButton } from './CopyButton';

/** One camera. It selects only its own device, so a change elsewhere does not re-render it. */
export const CameraRow = memo(function CameraRow({ mac }: { mac: string }) {
  const d = useStore(useMemo(() => selectDevice(mac), [mac]));
  if (!d) return null;
  const status = cameraStatus(d);
  const name = d.name || 'Unnamed camera';
  return (
    <tr data-status={status.kind}>
      <th scope="row">
        <span className="name">{name}</span>
        {(d.shared || d.battery !== null) && (
          <span className="sub">
            {d.shared && <span>Shared{d.owner ? ` by ${d.owner}` : ''}</span>}
            {d.battery !== null && <span>Battery {d.battery}%</span>}
          </span>
        )}
      </th>
      <td>
        <abbr title={d.model}>{d.modelName}</abbr>
        {!d.modelKnown && <span className="tag">unknown model</span>}
      </td>
      <td>
        <span className={`status status-${status.kind}`}>{status.label}</span>
      </td>
      <td>
        {d.lanIp ? (
          <span className="with-copy">
            <span className="mono">{d.lanIp}</span>
            <CopyButton value={d.lanIp} what="IP address" label={`Copy IP address of ${name}`} />
          </span>
        ) : (
          <span className="muted">not reported</span>
        )}
      </td>
      <td className="mono">{d.firmware ?? <span className="muted">not reported</span>}</td>
      <td>
        <span className="with-copy">
          <span className="mono">{d.mac}</span>
          <CopyButton value={d.mac} what="MAC" label={`Copy MAC of ${name}`} />
        </span>
      </td>
    </tr>
  );
});
