import { useCallback, useState } from 'react';
import type { CameraEvent } from '../../../common/camera-events';
import { useClock } from './clock';
import { EventCard } from './EventCard';

interface Props {
  label: string;
  events: readonly CameraEvent[];
  /** Show each event's camera (the account's list) or not (one camera's). */
  showCamera: boolean;
  className?: string;
}

/** Events as a list of cards, newest first; one clip plays at a time. */
export function EventList({ label, events, showCamera, className = 'event-grid' }: Props) {
  const now = useClock();
  const [openClip, setOpenClip] = useState<string | null>(null);
  const closeClip = useCallback(() => setOpenClip(null), []);
  return (
    <ul className={className} aria-label={label}>
      {events.map((event) => (
        <EventCard
          key={event.id}
          event={event}
          now={now}
          clipOpen={openClip === event.id}
          onOpenClip={setOpenClip}
          onCloseClip={closeClip}
          showCamera={showCamera}
        />
      ))}
    </ul>
  );
}
