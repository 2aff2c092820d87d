import type { WyzeDevice } from '../../common/device';
import { describeModel } from '../../common/models';

/**
 * Turns device entries from either list shape into WyzeDevice, never throwing: the current
 * object list (§7.1, with device_params) and the legacy device_info_list (§5.4, flat fields).
 * A field that is missing or of the wrong type becomes null rather than a guess.
 */

type Raw = Record<string, unknown>;

const isRecord = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

const text = (v: unknown): string | null => {
  if (typeof v !== 'string') return null;
  const trimmed = v.trim();
  return trimmed === '' ? null : trimmed;
};

const num = (v: unknown): number | null => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return null;
};

const flag = (v: unknown): boolean | null => {
  const n = num(v);
  return n === 1 ? true : n === 0 ? false : null;
};

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9a-f:.]{2,45}$/i;
const ip = (v: unknown): string | null => {
  const s = text(v);
  return s && (IPV4.test(s) || (s.includes(':') && IPV6.test(s))) ? s : null;
};

const epochMs = (v: unknown): number | null => {
  const n = num(v);
  return n !== null && n > 0 ? n : null;
};

const battery = (v: unknown): number | null => {
  const n = num(v);
  return n !== null && n >= 0 && n <= 100 ? Math.round(n) : null;
};

function thumbnail(v: unknown): WyzeDevice['thumbnail'] {
  if (!isRecord(v)) return null;
  const url = text(v.thumbnails_url);
  if (!url || !/^https:\/\//i.test(url)) return null;
  return { url, takenAt: epochMs(v.thumbnails_ts) };
}

interface Fields {
  params: Raw;
  role: unknown;
  timezone: unknown;
}

function build(raw: Raw, f: Fields): WyzeDevice | null {
  const mac = text(raw.mac);
  if (!mac) return null;
  const model = text(raw.product_model) ?? 'unknown';
  const described = describeModel(model);
  const productType = text(raw.product_type) ?? 'Unknown';
  const role = num(f.role);
  return {
    mac,
    name: typeof raw.nickname === 'string' ? raw.nickname : '',
    model,
    modelName: described.name,
    modelKnown: described.known,
    productType,
    isCamera: productType === 'Camera',
    online: flag(raw.conn_state),
    statusChangedAt: epochMs(raw.conn_state_ts),
    poweredOn: flag(f.params.power_switch),
    lanIp: ip(f.params.ip),
    publicIp: ip(f.params.public_ip),
    ssid: text(f.params.ssid),
    firmware: text(raw.firmware_ver),
    hardware: text(raw.hardware_ver),
    thumbnail: thumbnail(f.params.camera_thumbnails),
    battery: battery(f.params.electricity),
    parentMac: text(raw.parent_device_mac),
    shared: role !== null && role !== 1,
    owner: text(raw.binding_user_nickname),
    timezone: { name: text(f.timezone), gmtOffsetHours: num(raw.timezone_gmt_offset) },
  };
}

/** One entry of get_object_list's device_list. */
export function normaliseDevice(raw: unknown): WyzeDevice | null {
  if (!isRecord(raw)) return null;
  return build(raw, {
    params: isRecord(raw.device_params) ? raw.device_params : {},
    role: raw.user_role,
    timezone: raw.timezone_name,
  });
}

/** One entry of the legacy get_device_list's device_info_list. */
export function normaliseLegacyDevice(raw: unknown): WyzeDevice | null {
  if (!isRecord(raw)) return null;
  return build(raw, { params: raw, role: raw.role, timezone: raw.device_timezone });
}

export interface DeviceList {
  devices: WyzeDevice[];
  /** Entries that could not be used (no MAC, not an object, a repeated MAC). */
  skipped: number;
}

/** Normalises a whole list, keeping the first entry of any repeated MAC. */
export function normaliseDeviceList(
  entries: unknown[],
  normalise: (raw: unknown) => WyzeDevice | null = normaliseDevice,
): DeviceList {
  const seen = new Set<string>();
  const devices: WyzeDevice[] = [];
  for (const entry of entries) {
    const device = normalise(entry);
    if (!device || seen.has(device.mac)) continue;
    seen.add(device.mac);
    devices.push(device);
  }
  return { devices, skipped: entries.length - devices.length };
}

/**
 * get_device_Info's flat record (§5.5). It carries no conn_state or power_switch: those come
 * from its property_list, P5 (online) and P3 (power), with their timestamps.
 */
export function normaliseDeviceInfo(raw: unknown): WyzeDevice | null {
  if (!isRecord(raw)) return null;
  const props = Array.isArray(raw.property_list) ? raw.property_list.filter(isRecord) : [];
  const prop = (pid: string): Raw | undefined => props.find((p) => p.pid === pid);
  const online = prop('P5');
  const power = prop('P3');
  return build(
    { ...raw, conn_state: online?.value, conn_state_ts: online?.ts },
    {
      params: { ...raw, power_switch: power?.value },
      role: raw.user_role,
      timezone: raw.timezone_name,
    },
  );
}
