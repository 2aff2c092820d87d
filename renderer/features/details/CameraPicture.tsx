import { useState } from 'react';
import { formatDateTime } from '../../format';
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
  const [failed, setFailed] = useState<string | null>(null);
  const shown = src !== null && failed !== src;
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
          onError={() => setFailed(src)}
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
