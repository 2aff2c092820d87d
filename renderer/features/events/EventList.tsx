import { useCallback, useEffect, useState } from 'react';
import type { CameraEvent } from '../../../common/camera-events';
import { useClock } from './clock';
import { EventCard } from './EventCard';

interface Props {
  label: string;
  events: readonly CameraEvent[];
  /** Show each event's camera (the account's list) or not (one camera's). */
  showCamera: boolean;
  className?: string;
  /** Esc anywhere on the screen closes the open clip (the Events view; not the details pane's). */
  escapeAnywhere?: boolean;
}

/** Events as a list of cards, newest first; one clip plays at a time. */
export function EventList({
  label,
  events,
  showCamera,
  className = 'event-grid',
  escapeAnywhere = false,
}: Props) {
  const now = useClock();
  const [openClip, setOpenClip] = useState<string | null>(null);
  const closeClip = useCallback(() => setOpenClip(null), []);
  const clipShown = openClip !== null;
  useEffect(() => {
    if (!escapeAnywhere || !clipShown) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) setOpenClip(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [escapeAnywhere, clipShown]);
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
