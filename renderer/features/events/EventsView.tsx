import { useEffect, useMemo, useRef } from 'react';
import type { DeviceDto } from '../../../common/view';
import { plural } from '../../format';
import { useStore } from '../../store';
import {
  connectCameraEvents,
  eventsKey,
  loadEvents,
  loadMoreEvents,
  retryEvents,
  setEventsCamera,
  showingEvents,
  showNewEvents,
} from '../../store/camera-events';
import type { EventList as EventListState } from '../../store/camera-events';
import { EventList } from './EventList';

/** The account's cameras by name, for the filter (memoised on the list's device array). */
function useCameraChoices(): { mac: string; name: string }[] {
  const devices = useStore((s) => s.list.devices);
  return useMemo(
    () =>
      devices
        .filter((d: DeviceDto) => d.isCamera)
        .map((d) => ({ mac: d.mac, name: d.name || 'Unnamed camera' }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.mac.localeCompare(b.mac)),
    [devices],
  );
}

function CameraFilter({ mac }: { mac: string | null }) {
  const cameras = useCameraChoices();
  const known = mac === null || cameras.some((c) => c.mac === mac);
  return (
    <div className="field events-filter">
      <label htmlFor="events-camera">Camera</label>
      <select
        id="events-camera"
        value={mac ?? ''}
        onChange={(e) => setEventsCamera(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">All cameras</option>
        {!known && <option value={mac}>A removed camera ({mac})</option>}
        {cameras.map((c) => (
          <option key={c.mac} value={c.mac}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "3 new events — show": puts them on top when asked; never takes focus by itself. */
function NewEvents({ mac, count }: { mac: string | null; count: number }) {
  return (
    <div role="status" className="events-new">
      {count > 0 && (
        <button type="button" onClick={() => showNewEvents(mac)}>
          {plural(count, 'new event')} — show
        </button>
      )}
    </div>
  );
}

function Body({ mac, list }: { mac: string | null; list: EventListState | undefined }) {
  const container = useRef<HTMLDivElement>(null);
  if (!list || list.status === 'loading') {
    return (
      <p role="status" className="muted">
        Loading events…
      </p>
    );
  }
  if (list.status === 'error') {
    return (
      <div role="alert" className="events-error">
        <p>The events could not be loaded: {list.error}</p>
        <button type="button" onClick={() => void retryEvents(mac)}>
          Retry
        </button>
      </div>
    );
  }

  async function more(): Promise<void> {
    const shown = list?.events.length ?? 0;
    await loadMoreEvents(mac);
    // "Load more" is gone once there is nothing older: focus goes to the first event it added.
    if (!document.activeElement || document.activeElement === document.body) {
      container.current?.querySelectorAll<HTMLElement>('.event-card')[shown]?.focus();
    }
  }

  return (
    <div ref={container}>
      <NewEvents mac={mac} count={list.fresh.length} />
      {list.events.length === 0 ? (
        <p className="events-empty">No events in the last 30 days</p>
      ) : (
        <EventList
          label="Events, newest first"
          events={list.events}
          showCamera={mac === null}
          escapeAnywhere
        />
      )}
      {list.moreError !== null && (
        <p role="alert" className="events-error">
          Older events could not be loaded: {list.moreError}
        </p>
      )}
      {list.nextBefore !== null && (
        <button
          type="button"
          className="events-more"
          aria-disabled={list.loadingMore}
          onClick={() => {
            if (!list.loadingMore) void more();
          }}
        >
          {list.loadingMore ? 'Loading more…' : 'Load more'}
        </button>
      )}
    </div>
  );
}

/**
 * The Events view: the account's camera events (or one camera's), newest first, as cards with
 * their pictures and, where the cloud has one, a clip that plays in place; older ones a page at a
 * time (docs/protocol.md, "Events").
 */
export function EventsView() {
  const mac = useStore((s) => s.eventsCamera);
  const list = useStore((s) => s.cameraEvents[eventsKey(mac)]);
  const missing = list === undefined;
  useEffect(() => {
    connectCameraEvents();
  }, []);
  useEffect(() => showingEvents(mac), [mac]);
  useEffect(() => {
    if (missing) void loadEvents(mac);
  }, [mac, missing]);
  return (
    <section className="events-view" aria-labelledby="events-title">
      <div className="events-head">
        <h2 id="events-title">Events</h2>
        <CameraFilter mac={mac} />
      </div>
      <Body mac={mac} list={list} />
    </section>
  );
}

/** For `React.lazy` (renderer/README.md, "Bundle budget"). */
export default EventsView;
