import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { MAX_LIVE_SESSIONS } from '../../../common/live';
import { sortCameras } from '../../../common/camera-query';
import { searchCameras } from '../../../common/camera-search';
import type { DeviceDto } from '../../../common/view';
import { useStore } from '../../store';
import { closeLive, closeLiveWall, setOnWall } from '../../store/live-sessions';
import { selectDevicesByMac } from '../../store/selectors';
import { captureFocus } from '../shell/captureFocus';
import { inFullScreen } from './focus';
import { LiveTile } from './LiveTile';
import { liveUnavailableReason } from './openers';

/** How many cameras the chooser lists at once (a search narrows a long list). */
const LISTED = 50;

const nameOf = (d: DeviceDto | undefined) => d?.name || 'Unnamed camera';

/**
 * The cameras the wall can offer: every camera, in the list's sort order, narrowed by the
 * chooser's own search (not the list's search and filters, which may hide the one wanted).
 */
function useChoices(query: string): { shown: DeviceDto[]; total: number } {
  const devices = useStore((s) => s.list.devices);
  const sort = useStore((s) => s.viewPrefs.sort);
  return useMemo(() => {
    const cameras = sortCameras(
      devices.filter((d) => d.isCamera),
      sort,
    );
    const matching = searchCameras(cameras, query);
    return { shown: matching.slice(0, LISTED), total: matching.length };
  }, [devices, sort, query]);
}

/** "Show <camera> on the wall": disabled with the reason when it cannot stream or the wall is full. */
function Choice({
  device,
  on,
  full,
  limitId,
}: {
  device: DeviceDto;
  on: boolean;
  full: boolean;
  limitId: string;
}) {
  const unsupported = useStore((s) => s.liveUnsupported[device.mac]);
  const reasonId = useId();
  const reason = on ? undefined : liveUnavailableReason(device, unsupported);
  const name = nameOf(device);
  return (
    <li>
      <label>
        <input
          type="checkbox"
          aria-label={`Show ${name} on the wall`}
          aria-describedby={reason !== undefined ? reasonId : !on && full ? limitId : undefined}
          checked={on}
          disabled={!on && (reason !== undefined || full)}
          onChange={(e) => setOnWall(device.mac, e.target.checked)}
        />{' '}
        {name}
        {/* The model tells apart cameras that share a name (two "Garage"s). */}
        <span className="muted live-choice-model"> · {device.modelName}</span>
      </label>
      {reason !== undefined && (
        <span id={reasonId} className="muted live-choice-reason">
          {' '}
          · {reason}
        </span>
      )}
    </li>
  );
}

/**
 * The live wall: up to MAX_LIVE_SESSIONS cameras side by side, chosen with checkboxes from the
 * camera list. A modal dialog: the page behind is inert, Esc or "Close live wall" closes it (and
 * every stream on it), and focus returns to what opened it.
 */
export function LiveWall() {
  const wall = useStore((s) => s.liveWall) ?? [];
  const byMac = useStore(selectDevicesByMac);
  const [query, setQuery] = useState('');
  const { shown, total } = useChoices(query);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const limitId = useId();
  const full = wall.length >= MAX_LIVE_SESSIONS;

  useEffect(() => {
    const element = dialog.current;
    const restoreFocus = captureFocus();
    // showModal is missing only in test DOMs; an open <dialog> is still a dialog there.
    if (element && !element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
    }
    element?.querySelector<HTMLElement>('h2')?.focus();
    return () => {
      if (element?.open && typeof element.close === 'function') element.close();
      restoreFocus();
    };
  }, []);

  function closeTile(mac: string): void {
    closeLive(mac);
    dialog.current?.querySelector<HTMLElement>('h2')?.focus();
  }

  return (
    <dialog
      ref={dialog}
      className="live-wall"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!inFullScreen()) closeLiveWall();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || inFullScreen()) return;
        e.preventDefault();
        e.stopPropagation();
        closeLiveWall();
      }}
    >
      <header className="live-wall-header">
        <h2 id={titleId} tabIndex={-1}>
          Live wall
        </h2>
        <button type="button" className="secondary" onClick={closeLiveWall}>
          Close live wall
        </button>
      </header>
      <div className="live-wall-body">
        <fieldset className="live-chooser">
          <legend>Cameras on the wall</legend>
          <p id={limitId} className={full ? 'live-limit full' : 'live-limit'}>
            {full
              ? `The wall is full: it shows at most ${MAX_LIVE_SESSIONS} cameras at once. Take one off to add another.`
              : `Up to ${MAX_LIVE_SESSIONS} cameras at once (${wall.length} chosen).`}
          </p>
          <input
            type="search"
            aria-label="Find a camera for the wall"
            placeholder="Find a camera"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <ul>
            {shown.map((d) => (
              <Choice
                key={d.mac}
                device={d}
                on={wall.includes(d.mac)}
                full={full}
                limitId={limitId}
              />
            ))}
          </ul>
          {total > shown.length && (
            <p className="muted">
              {LISTED} of {total} cameras listed: type a name to find the others.
            </p>
          )}
        </fieldset>
        <div className="live-tiles" data-count={wall.length}>
          {wall.length === 0 && (
            <p className="muted live-empty">Choose up to {MAX_LIVE_SESSIONS} cameras to watch.</p>
          )}
          {wall.map((mac) => (
            <LiveTile
              key={mac}
              mac={mac}
              name={nameOf(byMac.get(mac))}
              level={3}
              onClose={() => closeTile(mac)}
            />
          ))}
        </div>
      </div>
    </dialog>
  );
}
