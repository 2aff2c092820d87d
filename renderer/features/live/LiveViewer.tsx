import { useEffect, useMemo, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useStore } from '../../store';
import { closeLive } from '../../store/live-sessions';
import { selectDevice } from '../../store/selectors';
import { focusLiveOpener, inFullScreen } from './focus';
import { LiveTile } from './LiveTile';

/**
 * The live viewer opened from a camera's row: a panel docked at the window's corner. Focus moves
 * into it when it opens; Esc (outside full screen) or "Close live view" closes it and puts focus
 * back on the row's Watch button.
 */
export function LiveViewer({ mac }: { mac: string }) {
  const device = useStore(useMemo(() => selectDevice(mac), [mac]));
  const heading = useRef<HTMLHeadingElement>(null);
  const name = device?.name || 'Unnamed camera';

  useEffect(() => {
    heading.current?.focus();
  }, [mac]);

  function close(): void {
    closeLive(mac);
    focusLiveOpener(mac);
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>): void {
    if (event.key !== 'Escape' || inFullScreen()) return;
    event.preventDefault();
    event.stopPropagation();
    close();
  }

  return (
    <div className="live-dock" onKeyDown={onKeyDown}>
      {/* Keyed by camera: another row's Watch replaces the viewer's camera, and nothing of the
          first one (its video element's last frame, size, snapshot, figures) may stay. */}
      <LiveTile key={mac} mac={mac} name={name} onClose={close} heading={heading} />
    </div>
  );
}
