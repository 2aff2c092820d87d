import { useStore } from '../../store';
import { CameraRow } from './CameraRow';

const COLUMNS = ['Name', 'Model', 'Status', 'IP address', 'Firmware', 'MAC'];

/** The camera list as a real table: online first, then by name. */
export function CameraTable() {
  const order = useStore((s) => s.cameraOrder);
  const stale = useStore((s) => s.list.stale);
  return (
    <div className="table-wrap">
      <table aria-label="Cameras" className={stale ? 'stale' : undefined}>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {order.map((mac) => (
            <CameraRow key={mac} mac={mac} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
