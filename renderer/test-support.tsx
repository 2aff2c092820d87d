import type { CamerasSnapshot } from '../common/camera-delta';
import { buildWyzeApi } from '../preload/api';
import type { Transport } from '../preload/api';
import type { CameraListView, DeviceDto, SessionView } from '../common/view';
import { emptyCameraList } from '../common/view';

/** Test-only: a window.wyze whose transport answers from a table instead of the main process. */
export function installFakeBridge(answers: Partial<Record<string, unknown>> = {}) {
  const calls: [string, unknown][] = [];
  const transport: Transport = {
    invoke: async (channel, arg) => {
      calls.push([channel, arg]);
      return channel in answers ? answers[channel] : { ok: true, value: null };
    },
    on: () => () => undefined,
  };
  Object.defineProperty(window, 'wyze', { value: buildWyzeApi(transport), configurable: true });
  return calls;
}

export const session = (patch: Partial<SessionView> = {}): SessionView => ({
  status: 'signedIn',
  email: 'demo@wyzecam.example',
  demo: false,
  persistence: 'keychain',
  hasStoredApiKey: true,
  mfa: null,
  error: null,
  ...patch,
});

export const device = (patch: Partial<DeviceDto> = {}): DeviceDto => ({
  mac: 'AABBCCDDEEFF',
  name: 'Driveway',
  model: 'WYZE_CAKP2JFUS',
  modelName: 'Wyze Cam v3',
  modelKnown: true,
  productType: 'Camera',
  isCamera: true,
  online: true,
  statusChangedAt: 1_779_000_000_000,
  poweredOn: true,
  lanIp: '192.168.1.22',
  publicIp: '203.0.113.45',
  ssid: 'Home',
  firmware: '4.36.11.7095',
  hardware: '0.0.0.0',
  thumbnailTakenAt: null,
  battery: null,
  parentMac: null,
  shared: false,
  owner: 'demo@wyzecam.example',
  timezone: { name: 'America/New_York', gmtOffsetHours: -5 },
  ...patch,
});

export const list = (
  devices: DeviceDto[],
  patch: Partial<CameraListView> = {},
): CameraListView => ({
  ...emptyCameraList(),
  devices,
  fetchedAt: Date.now(),
  ...patch,
});

let revision = 0;

/** A snapshot event of this list, newer than any before it (as main would send it). */
export const snapshot = (view: CameraListView): CamerasSnapshot => ({
  kind: 'snapshot',
  revision: ++revision,
  list: view,
});

/** Test-only: a transport whose calls hang until the test resolves them, one by one. */
export function installManualBridge() {
  const calls: { channel: string; arg: unknown; resolve: (answer: unknown) => void }[] = [];
  const transport: Transport = {
    invoke: (channel, arg) => new Promise((resolve) => calls.push({ channel, arg, resolve })),
    on: () => () => undefined,
  };
  Object.defineProperty(window, 'wyze', { value: buildWyzeApi(transport), configurable: true });
  return calls;
}
