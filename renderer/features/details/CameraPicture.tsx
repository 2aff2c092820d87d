import { useState } from 'react';
import { formatDateTime } from '../../format';
import { useStore } from '../../store';
import { pictureUrl } from './pictureUrl';
import './details.css';

interface Props {
  mac: string;
  name: string;
  /** When the picture was taken; null when the cloud lists no picture for this camera. */
  takenAt: number | null;
  /** Show "Taken <time>" under the picture. */
  caption?: boolean;
  /** Decode off the main thread and only when near the viewport (the pictures grid). */
  lazy?: boolean;
}

/**
 * A camera's latest picture, served by main through the app's own protocol; "No picture yet"
 * when the cloud lists none or it could not be fetched.
 */
export function CameraPicture({ mac, name, takenAt, caption = false, lazy = false }: Props) {
  const src = takenAt === null ? null : pictureUrl(mac, takenAt);
  // A picture main could not serve (say, right after a relaunch, before the list brought its URL)
  // is tried again after the next refresh; until then it reads "No picture yet".
  const [failed, setFailed] = useState<{ src: string; at: number | null } | null>(null);
  const fetchedAt = useStore((s) => (failed ? s.list.fetchedAt : null));
  const shown = src !== null && !(failed?.src === src && failed.at === fetchedAt);
  return (
    <figure className="camera-picture">
      {shown ? (
        <img
          src={src}
          alt={`Latest picture from ${name}`}
          width={320}
          height={180}
          loading={lazy ? 'lazy' : 'eager'}
          decoding="async"
          onError={() => setFailed({ src, at: useStore.getState().list.fetchedAt })}
        />
      ) : (
        <div className="no-picture" role="img" aria-label={`No picture yet from ${name}`}>
          No picture yet
        </div>
      )}
      {caption && shown && takenAt !== null && (
        <figcaption>Taken {formatDateTime(takenAt)}</figcaption>
      )}
    </figure>
  );
}
