import { useEffect } from 'react';
import { useStore } from '../../store';
import {
  connectCameraEvents,
  eventsKey,
  loadEvents,
  retryEvents,
  setEventsCamera,
  showingEvents,
  showNewEvents,
} from '../../store/camera-events';
import { EventList } from './EventList';

/** How many of the camera's newest events the details pane shows. */
export const SECTION_EVENTS = 6;

/**
 * One camera's newest events in its details pane, with pictures and clips, and the way to the
 * Events view showing all of that camera's. New ones come in on top at once: the pane is short.
 */
export function CameraEventsSection({ mac, name }: { mac: string; name: string }) {
  const list = useStore((s) => s.cameraEvents[eventsKey(mac)]);
  const showView = useStore((s) => s.showView);
  const missing = list === undefined;
  const fresh = list?.fresh.length ?? 0;
  useEffect(() => {
    connectCameraEvents();
  }, []);
  useEffect(() => showingEvents(mac), [mac]);
  useEffect(() => {
    if (missing) void loadEvents(mac);
  }, [mac, missing]);
  useEffect(() => {
    if (fresh > 0) showNewEvents(mac);
  }, [mac, fresh]);

  let body;
  if (!list || list.status === 'loading') {
    body = (
      <p role="status" className="muted">
        Loading events…
      </p>
    );
  } else if (list.status === 'error') {
    body = (
      <div role="alert" className="events-error">
        <p>The events could not be loaded: {list.error}</p>
        <button type="button" onClick={() => void retryEvents(mac)}>
          Retry
        </button>
      </div>
    );
  } else if (list.events.length === 0) {
    body = <p className="events-empty">No events in the last 30 days</p>;
  } else {
    body = (
      <EventList
        label={`Newest events from ${name}`}
        events={list.events.slice(0, SECTION_EVENTS)}
        showCamera={false}
        className="event-grid compact"
      />
    );
  }

  return (
    <section className="camera-events" aria-labelledby={`camera-events-${mac}`}>
      <h3 id={`camera-events-${mac}`}>Events</h3>
      {body}
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setEventsCamera(mac);
          showView('events');
        }}
      >
        Show all events for {name}
      </button>
    </section>
  );
}

/** For `React.lazy` (renderer/README.md, "Bundle budget"). */
export default CameraEventsSection;
