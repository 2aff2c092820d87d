import { startTransition, useEffect, useState } from 'react';
import { useStore } from '../../store';
import { selectCameraOrder } from '../../store/selectors';
import { CameraRow } from './CameraRow';

const COLUMNS = ['Name', 'Model', 'Status', 'IP address', 'Firmware', 'MAC'];
/** Rows painted at once; the rest follow in batches so a 2,000-camera list shows without delay. */
const FIRST_ROWS = 60;
const BATCH = 250;

/** The camera list as a real table: online first, then by name. */
export function CameraTable() {
  const order = useStore(selectCameraOrder);
  const stale = useStore((s) => s.list.stale);
  const [shown, setShown] = useState(FIRST_ROWS);
  useEffect(() => {
    if (shown >= order.length) return;
    const timer = window.setTimeout(() => startTransition(() => setShown((n) => n + BATCH)), 0);
    return () => window.clearTimeout(timer);
  }, [shown, order.length]);
  const rows = order.length > shown ? order.slice(0, shown) : order;
  return (
    <div className="table-wrap">
      <table
        aria-label="Cameras"
        aria-rowcount={order.length + 1}
        aria-busy={rows.length < order.length}
        className={stale ? 'stale' : undefined}
      >
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
          {rows.map((mac) => (
            <CameraRow key={mac} mac={mac} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
