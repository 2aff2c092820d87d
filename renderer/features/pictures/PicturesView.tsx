import { memo, useMemo } from 'react';
import { cameraStatus } from '../../format';
import { useStore } from '../../store';
import { selectCameraOrder, selectDevice } from '../../store/selectors';
import { CameraPicture } from '../details/CameraPicture';
import { useDetailsOpener } from '../details/useDetailsOpener';
import './pictures.css';

/** One camera's card: its latest picture, its name (which opens its details) and its status. */
const PictureCard = memo(function PictureCard({ mac }: { mac: string }) {
  const d = useStore(useMemo(() => selectDevice(mac), [mac]));
  const { nameProps, selected } = useDetailsOpener(mac);
  if (!d) return null;
  const name = d.name || 'Unnamed camera';
  const status = cameraStatus(d);
  return (
    <li className={selected ? 'picture-card selected' : 'picture-card'} data-status={status.kind}>
      <CameraPicture mac={d.mac} name={name} takenAt={d.thumbnailTakenAt} lazy />
      <div className="picture-card-text">
        <button {...nameProps}>{name}</button>
        <span className={`status status-${status.kind}`}>{status.label}</span>
      </div>
    </li>
  );
});

/**
 * The cameras the list shows (after search and filters, in its order) as a grid of their latest
 * pictures, for a glance at what every camera sees.
 */
export function PicturesView() {
  const order = useStore(selectCameraOrder);
  if (order.length === 0) return null;
  return (
    <ul className="pictures-grid" aria-label="Camera pictures">
      {order.map((mac) => (
        <PictureCard key={mac} mac={mac} />
      ))}
    </ul>
  );
}
