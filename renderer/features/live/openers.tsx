import { lazy, Suspense } from 'react';
import type { DeviceDto } from '../../../common/view';
import { cameraStatus } from '../../format';
import { useStore } from '../../store';

// The viewer, the wall and the sessions behind them load on first use (renderer/README.md,
// "Bundle budget"): this file is all of live view the first screen carries, kept small.
const LiveViews = lazy(() => import('./LiveViews'));

/**
 * Why a camera cannot be watched live, or undefined when it can: offline or in privacy mode (as
 * its status says), or Wyze answered that it cannot stream it. The list and the wall offer cameras
 * only (selectors.ts), so a device that is not one never gets here.
 */
export function liveUnavailableReason(
  d: Pick<DeviceDto, 'online' | 'poweredOn' | 'statusChangedAt'>,
  unsupported: string | undefined,
): string | undefined {
  const status = cameraStatus(d);
  return status.kind === 'offline' || status.kind === 'privacy' ? status.label : unsupported;
}

/**
 * A camera row's "Watch <name> live". When the camera cannot be watched it stays focusable but
 * says so with `aria-disabled`, with the reason as its description (`aria-description`, which
 * Chromium exposes; an element for `aria-describedby` would add the reason to the row header's
 * text); `disabled` would take it out of the tab order, and a `title` alone reaches the mouse
 * only. Activating it then announces the reason and opens nothing. `data-live-opener` is where
 * focus returns when the viewer closes (focus.ts). Its visible word "Watch" comes from the style
 * sheet, so the row header's text stays the camera's name (what reading the list by its row
 * headers expects).
 */
export function WatchButton({ device, name }: { device: DeviceDto; name: string }) {
  const unsupported = useStore((s) => s.liveUnsupported[device.mac]);
  const watch = useStore((s) => s.watchLive);
  const announce = useStore((s) => s.announce);
  const reason = liveUnavailableReason(device, unsupported);
  return (
    <button
      type="button"
      aria-label={`Watch ${name} live`}
      aria-disabled={reason ? true : undefined}
      aria-description={reason}
      title={reason}
      onClick={() =>
        reason ? announce(`${name} cannot be watched live: ${reason}`) : watch(device.mac)
      }
      data-live-opener={device.mac}
    />
  );
}

/** The toolbar's way to the live wall. */
export function LiveWallButton() {
  const openWall = useStore((s) => s.openLiveWall);
  return (
    <button type="button" onClick={openWall}>
      Live wall
    </button>
  );
}

/** The viewer or the wall, once one is open (the chunk comes from this computer: no fallback). */
export function LiveArea() {
  const open = useStore((s) => s.liveViewer !== null || s.liveWall !== null);
  return open ? (
    <Suspense>
      <LiveViews />
    </Suspense>
  ) : null;
}
