import type { DeviceDto } from '../../common/view';
import { compareCameras } from '../format';
import type { Store } from './index';

/**
 * Derived data, computed from the list main sent rather than stored beside it. Each selector is
 * memoised on the device array, which keeps its identity while no device changes (the delta
 * logic reuses it), so an unchanged list gives the same results, and the same arrays.
 */
function fromDevices<T>(compute: (devices: DeviceDto[], previous: T | undefined) => T) {
  let lastDevices: DeviceDto[] | undefined;
  let lastResult: T | undefined;
  return (state: Pick<Store, 'list'>): T => {
    const devices = state.list.devices;
    if (devices !== lastDevices || lastResult === undefined) {
      lastResult = compute(devices, lastResult);
      lastDevices = devices;
    }
    return lastResult;
  };
}

const sameStrings = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((value, i) => value === b[i]);

/** Devices by MAC. */
export const selectDevicesByMac = fromDevices((devices): Readonly<Record<string, DeviceDto>> =>
  Object.fromEntries(devices.map((d) => [d.mac, d])),
);

/** One device by MAC; undefined when it is gone. */
export const selectDevice =
  (mac: string) =>
  (state: Pick<Store, 'list'>): DeviceDto | undefined =>
    selectDevicesByMac(state)[mac];

/**
 * Camera MACs in display order: online first, then by name. The same array as before while the
 * order is the same, even when a device changed (its row re-renders; the table does not).
 */
export const selectCameraOrder = fromDevices((devices, previous: string[] | undefined) => {
  const order = devices
    .filter((d) => d.isCamera)
    .sort(compareCameras)
    .map((d) => d.mac);
  return previous && sameStrings(previous, order) ? previous : order;
});

export interface CameraCounts {
  cameras: number;
  online: number;
  /** Wyze devices on the account that are not cameras (plugs, sensors…). */
  others: number;
}

/** How many cameras, how many of them online, and how many other devices. */
export const selectCameraCounts = fromDevices((devices): CameraCounts => {
  let cameras = 0;
  let online = 0;
  for (const d of devices) {
    if (!d.isCamera) continue;
    cameras++;
    if (d.online === true) online++;
  }
  return { cameras, online, others: devices.length - cameras };
});
