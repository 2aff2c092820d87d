import { create } from 'zustand';
import type { ErrorDto, Result } from '../../common/result';
import type { CameraListView, DeviceDto, SessionView } from '../../common/view';
import { emptyCameraList } from '../../common/view';
import { compareCameras } from '../format';

/**
 * The renderer's mirror of main-process state, in three slices. Main is the source of truth;
 * this store only reflects its events and tracks what the user is doing right now.
 */
export interface SessionSlice {
  session: SessionView;
  setSession(view: SessionView): void;
}

export interface CamerasSlice {
  list: CameraListView;
  /** Devices by MAC; an unchanged device keeps its object, so its row does not re-render. */
  byMac: Record<string, DeviceDto>;
  /** Camera MACs in display order: online first, then by name. */
  cameraOrder: string[];
  otherDevices: number;
  onlineCount: number;
  setCameras(view: CameraListView): void;
}

export type Busy = 'signIn' | 'demo' | 'mfa' | 'sendCode' | 'signOut' | null;

export interface UiSlice {
  busy: Busy;
  /** The failure of the user's last action, shown by the one error banner. */
  actionError: ErrorDto | null;
  /** Runs an action through the bridge, tracking busy state and its error. */
  run<T>(busy: Busy, action: () => Promise<Result<T>>): Promise<T | null>;
  clearError(): void;
  /** A short message for screen readers, spoken by the one live region (e.g. "Copied"). */
  announcement: string;
  announce(message: string): void;
}

export type Store = SessionSlice & CamerasSlice & UiSlice;

export const initialSession: SessionView = {
  status: 'starting',
  email: null,
  demo: false,
  persistence: 'keychain',
  hasStoredApiKey: false,
  mfa: null,
  error: null,
};

/** Field-by-field equality; cheap enough to run over thousands of devices on every update. */
function sameDevice(a: DeviceDto, b: DeviceDto): boolean {
  for (const key of Object.keys(a) as (keyof DeviceDto)[]) {
    if (key === 'timezone') continue;
    if (a[key] !== b[key]) return false;
  }
  return (
    a.timezone.name === b.timezone.name && a.timezone.gmtOffsetHours === b.timezone.gmtOffsetHours
  );
}

export const useStore = create<Store>()((set, get) => ({
  session: initialSession,
  setSession: (session) => set({ session }),

  list: emptyCameraList(),
  byMac: {},
  cameraOrder: [],
  otherDevices: 0,
  onlineCount: 0,
  setCameras(list) {
    const previous = get().byMac;
    const byMac: Record<string, DeviceDto> = {};
    for (const device of list.devices) {
      const before = previous[device.mac];
      byMac[device.mac] = before && sameDevice(before, device) ? before : device;
    }
    const cameras = list.devices.filter((d) => d.isCamera).map((d) => byMac[d.mac] ?? d);
    cameras.sort(compareCameras);
    const order = cameras.map((d) => d.mac);
    const current = get().cameraOrder;
    const sameOrder =
      order.length === current.length && order.every((mac, i) => mac === current[i]);
    set({
      list,
      byMac,
      cameraOrder: sameOrder ? current : order,
      otherDevices: list.devices.length - cameras.length,
      onlineCount: cameras.filter((d) => d.online === true).length,
    });
  },

  busy: null,
  actionError: null,
  async run(busy, action) {
    set({ busy, actionError: null });
    try {
      const result = await action();
      if (result.ok) return result.value;
      set({ actionError: result.error });
      return null;
    } catch {
      set({
        actionError: {
          code: 'INTERNAL',
          message: 'The app stopped answering. Restart it and try again.',
        },
      });
      return null;
    } finally {
      set({ busy: null });
    }
  },
  clearError: () => set({ actionError: null }),
  announcement: '',
  announce: (announcement) => set({ announcement }),
}));
