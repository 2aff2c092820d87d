import type { WyzeDevice } from '../../common/device';
import { isIP } from 'node:net';
import { describeModel } from '../../common/models';

/**
 * Turns device entries from either list shape into WyzeDevice, never throwing: the current
 * object list (with device_params) and the legacy device_info_list (flat fields); docs/protocol.md,
 * "Device list".
 * A field that is missing or of the wrong type becomes null rather than a guess.
 */

type Raw = Record<string, unknown>;

const isRecord = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * What any value the app shows must stay within. The cloud (or a tampered cache file) can send
 * anything; a value outside these bounds is reported as null ("not reported"), never shown, so
 * that one absurd number cannot blank the page (docs/protocol.md, "Timestamps and units").
 */
export const LIMITS = {
  /** Earliest plausible time, 2010-01-01 UTC: older than any Wyze device. */
  earliestTime: Date.UTC(2010, 0, 1),
  /** How far past this machine's clock a time may be, for clock skew. */
  futureSkewMs: 24 * 60 * 60 * 1000,
  /** Free text (names, SSIDs, firmware…): longer values are cut, ending in "…". */
  textLength: 256,
  /** Device ids (MACs): longer ones are refused. */
  idLength: 64,
  /** Thumbnail URLs (pre-signed S3 URLs run to about 1,500 characters). */
  urlLength: 4096,
  /** UTC offsets run from −12 h to +14 h; ±14 bounds both. */
  gmtOffsetHours: 14,
} as const;

/**
 * Below this a time is in seconds, not milliseconds: 1e11 ms is in 1973, 1e11 s in the year 5138,
 * so every plausible time is unambiguous (docs/protocol.md, "Timestamps and units").
 */
const SECONDS_BELOW = 1e11;

const num = (v: unknown): number | null => {
  const n =
    typeof v === 'number'
      ? v
      : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())
        ? Number(v)
        : null;
  // A long string of digits parses to Infinity: refuse it like any other non-finite number.
  return n !== null && Number.isFinite(n) ? n : null;
};

/**
 * A time as epoch ms, from ms or seconds (number or numeric string), or null when it is not
 * between 2010 and a day from `now`. Every date the app shows passes through here, so
 * `new Date(t).toISOString()` cannot throw for any time it gets.
 */
export function boundedTime(v: unknown, now: number = Date.now()): number | null {
  const n = num(v);
  if (n === null || n <= 0) return null;
  const ms = Math.trunc(n < SECONDS_BELOW ? n * 1000 : n);
  return ms >= LIMITS.earliestTime && ms <= now + LIMITS.futureSkewMs ? ms : null;
}

/** A number within [min, max], or null. */
export function boundedNumber(v: unknown, min: number, max: number): number | null {
  const n = num(v);
  return n !== null && n >= min && n <= max ? n : null;
}

/** A battery level: a whole percentage from 0 to 100, or null. */
export const boundedBattery = (v: unknown): number | null => {
  const n = boundedNumber(v, 0, 100);
  return n === null ? null : Math.round(n);
};

/** A UTC offset in hours, within ±14, or null. */
export const boundedGmtOffset = (v: unknown): number | null =>
  boundedNumber(v, -LIMITS.gmtOffsetHours, LIMITS.gmtOffsetHours);

/** Control characters (C0, DEL, C1) and line separators read as spaces. */
const CONTROLS = /[\p{Cc}\u2028\u2029]/gu;
/** Bidirectional embeddings, overrides and isolates: they can make one name read as another. */
const BIDI_OVERRIDES = /[\u202a-\u202e\u2066-\u2069]/g;

/** Cuts `s` to `max` characters (code points, so no emoji is split in half), ending in "…". */
export function capText(s: string, max: number = LIMITS.textLength): string {
  if (s.length <= max) return s;
  // A code point is one or two UTF-16 units, so the first 2×max units hold at least max of them.
  const points = Array.from(s.slice(0, 2 * max));
  if (s.length <= 2 * max && points.length <= max) return s;
  return `${points.slice(0, max - 1).join('')}…`;
}

/**
 * Text for display: a string without control or bidi-override characters, trimmed, at most
 * 256 characters; null when it is not a string or nothing is left.
 */
export function boundedText(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const clean = v.replace(CONTROLS, ' ').replace(BIDI_OVERRIDES, '').trim();
  return clean === '' ? null : capText(clean);
}

/** Device ids as the cloud writes them: hex MACs, "GW_GC1_7C78B2A1B2C3", sensor ids "77836023". */
const DEVICE_ID = new RegExp(`^[A-Za-z0-9][A-Za-z0-9_.:-]{0,${LIMITS.idLength - 1}}$`);

/** A device id (MAC), or null when it is empty, too long or holds other characters. */
export function deviceId(v: unknown): string | null {
  const s = typeof v === 'string' ? v.trim() : '';
  return DEVICE_ID.test(s) ? s : null;
}

/** An IPv4 or IPv6 address as Node parses one, or null. */
export function ipAddress(v: unknown): string | null {
  const s = typeof v === 'string' ? v.trim() : '';
  return s.length <= 64 && isIP(s) !== 0 ? s : null;
}

const IANA_ZONE = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;
const knownZones = new Map<string, boolean>();

/** An IANA time-zone name this runtime knows (so Intl can use it), or null. */
export function timeZoneName(v: unknown): string | null {
  const s = typeof v === 'string' ? v.trim() : '';
  if (!IANA_ZONE.test(s)) return null;
  let known = knownZones.get(s);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: s });
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size < 1000) knownZones.set(s, known);
  }
  return known ? s : null;
}

const flag = (v: unknown): boolean | null => {
  const n = num(v);
  return n === 1 ? true : n === 0 ? false : null;
};

/**
 * A picture URL that parses, of a sane length: https, or http to loopback (the emulator; whether
 * it may be fetched is main/thumbnails' decision), else null.
 */
function thumbnailUrl(v: unknown): string | null {
  const s = typeof v === 'string' ? v.trim() : '';
  if (s.length > LIMITS.urlLength || !URL.canParse(s)) return null;
  const { protocol, hostname } = new URL(s);
  const loopback = hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
  return protocol === 'https:' || (protocol === 'http:' && loopback) ? s : null;
}

function thumbnail(v: unknown): WyzeDevice['thumbnail'] {
  if (!isRecord(v)) return null;
  const url = thumbnailUrl(v.thumbnails_url);
  return url ? { url, takenAt: boundedTime(v.thumbnails_ts) } : null;
}

interface Fields {
  params: Raw;
  role: unknown;
  timezone: unknown;
}

function build(raw: Raw, f: Fields): WyzeDevice | null {
  const mac = deviceId(raw.mac);
  if (!mac) return null;
  const model = boundedText(raw.product_model) ?? 'unknown';
  const described = describeModel(model);
  const productType = boundedText(raw.product_type) ?? 'Unknown';
  const role = num(f.role);
  return {
    mac,
    name: boundedText(raw.nickname) ?? '',
    model,
    modelName: capText(described.name),
    modelKnown: described.known,
    productType,
    isCamera: productType === 'Camera',
    online: flag(raw.conn_state),
    statusChangedAt: boundedTime(raw.conn_state_ts),
    poweredOn: flag(f.params.power_switch),
    lanIp: ipAddress(f.params.ip),
    publicIp: ipAddress(f.params.public_ip),
    ssid: boundedText(f.params.ssid),
    firmware: boundedText(raw.firmware_ver),
    hardware: boundedText(raw.hardware_ver),
    thumbnail: thumbnail(f.params.camera_thumbnails),
    battery: boundedBattery(f.params.electricity),
    parentMac: deviceId(raw.parent_device_mac),
    shared: role !== null && role !== 1,
    owner: boundedText(raw.binding_user_nickname),
    timezone: {
      name: timeZoneName(f.timezone),
      gmtOffsetHours: boundedGmtOffset(raw.timezone_gmt_offset),
    },
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
 * get_device_Info's flat record (docs/protocol.md, "Device info and properties"). It carries no
 * conn_state or power_switch: those come from its property_list, P5 (online) and P3 (power), with
 * their timestamps.
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
