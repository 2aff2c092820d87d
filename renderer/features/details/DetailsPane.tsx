import { lazy, Suspense, useEffect, useMemo, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useStore } from '../../store';
import { CameraHistory } from '../activity/CameraHistory';
import { LoadingNotice } from '../shell/Loading';
import { MuteSwitch } from '../watch/MuteSwitch';
import { selectCameraOrder, selectDevice } from '../../store/selectors';
import { CameraPicture } from './CameraPicture';
import { detailFields } from './fields';
import { focusDetailsOpener, revealCamera } from './focusRow';
import './details.css';

// The camera's events, with pictures and clips, load when a pane first shows them.
const CameraEventsSection = lazy(() => import('../events/CameraEventsSection'));

/** Keys that belong to a text field even while the pane is open. */
const isTyping = (target: EventTarget): boolean =>
  target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;

/**
 * The selected camera's details: a region named "<camera> details" with everything the cloud
 * reports and its latest picture. Arrow Up/Down move to the previous/next camera of the list as it
 * is shown (search, filters, sort); Esc closes the pane and puts focus back on the camera's row.
 */
export function DetailsPane() {
  const mac = useStore((s) => s.selectedMac);
  const device = useStore(useMemo(() => selectDevice(mac ?? ''), [mac]));
  const parentMac = device?.parentMac ?? '';
  const parent = useStore(useMemo(() => selectDevice(parentMac), [parentMac]));
  const order = useStore(selectCameraOrder);
  const selectCamera = useStore((s) => s.selectCamera);
  const closeDetails = useStore((s) => s.closeDetails);
  const heading = useRef<HTMLHeadingElement>(null);

  // Focus follows the selection, so a screen reader reads the camera now shown.
  // The list scrolls along, so the camera's row stays in view (and in a virtualised list, drawn).
  useEffect(() => {
    if (mac === null) return;
    heading.current?.focus();
    revealCamera(mac);
  }, [mac]);

  if (mac === null || !device) return null;
  const name = device.name || 'Unnamed camera';

  function close(): void {
    if (mac === null) return;
    closeDetails();
    focusDetailsOpener(mac);
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>): void {
    if (isTyping(event.target)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const at = order.indexOf(device?.mac ?? '');
    const next = order[event.key === 'ArrowDown' ? at + 1 : at - 1];
    if (at !== -1 && next !== undefined) selectCamera(next);
  }

  const position = order.indexOf(device.mac);
  return (
    <section className="details-pane" aria-label={`${name} details`} onKeyDown={onKeyDown}>
      <header className="details-header">
        <h2 ref={heading} tabIndex={-1}>
          {name}
        </h2>
        <button type="button" className="secondary" onClick={close} aria-keyshortcuts="Escape">
          Close details
        </button>
      </header>
      {position !== -1 && (
        <p className="details-hint muted">
          Camera {position + 1} of {order.length} · ↑ and ↓ move between cameras, Esc closes
        </p>
      )}
      <CameraPicture mac={device.mac} name={name} takenAt={device.thumbnailTakenAt} caption />
      <dl className="details-list">
        {detailFields(device, parent?.name || null).map((field) => (
          <div key={field.label} className="details-item">
            <dt>{field.label}</dt>
            <dd className={field.value !== null && field.mono ? 'mono' : undefined}>
              {field.value ?? <span className="muted">Not reported</span>}
            </dd>
          </div>
        ))}
      </dl>
      <MuteSwitch mac={device.mac} />
      <CameraHistory key={device.mac} mac={device.mac} name={name} />
      <Suspense fallback={<LoadingNotice />}>
        <CameraEventsSection key={device.mac} mac={device.mac} name={name} />
      </Suspense>
    </section>
  );
}

/** For `React.lazy` (renderer/README.md, "Bundle budget"). */
export default DetailsPane;
