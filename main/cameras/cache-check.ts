/**
 * The check of the cached camera list (main/cameras/cache.ts), written out by hand.
 *
 * Why not zod, like every other file the app reads: the list is read at every launch, before the
 * first row can be painted, and holds up to thousands of devices. Zod's object schema for 5,000 of
 * them took 60–160 ms of the main thread (plus its garbage), during which main served the page
 * nothing (scripts/README.md, "Relaunch: where the time went"); this check takes 5–20 ms, most of
 * it in the bounds both share. It is still a full check, before anything is used: the file is written by the app
 * itself, but it sits in the user's profile where an older build, a hand edit or another program
 * can change it, so every value passes the same bounds as the cloud's (main/wyze/normalise.ts)
 * and an entry of any other shape is left out. `main/cameras/cache-check.test.ts` holds the zod
 * schema this replaced and checks, over generated hostile entries, that both give the same answer.
 */
import type { DeviceDto } from '../../common/view';
import {
  boundedBattery,
  boundedGmtOffset,
  boundedText,
  boundedTime,
  deviceId,
  ipAddress,
  timeZoneName,
} from '../wyze/normalise';

/** More devices than any account holds (the app is built for 5,000): a bigger file is not ours. */
export const MAX_CACHED_DEVICES = 20_000;
/** The longest e-mail address the list may belong to (RFC 5321's path limit, rounded up). */
const MAX_EMAIL_LENGTH = 320;

export interface CachedList {
  email: string;
  fetchedAt: number;
  devices: DeviceDto[];
}

type Entry = Record<string, unknown>;

const isEntry = (v: unknown): v is Entry =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Exactly these own keys, no more and no fewer (a `__proto__` key from JSON is one more). */
function hasExactly(entry: Entry, keys: ReadonlySet<string>): boolean {
  const own = Object.keys(entry);
  return own.length === keys.size && own.every((k) => keys.has(k));
}

/**
 * Set by a field check that met a value of the wrong type: the device being checked is left out.
 * (A flag rather than a result per field keeps the check allocation-free; it runs synchronously,
 * one device at a time, from `checkCachedDevice` only.)
 */
let refused = false;
function refuse(): null {
  refused = true;
  return null;
}

const string = (v: unknown): string => (typeof v === 'string' ? v : (refuse() ?? ''));
const nullableString = (v: unknown): string | null =>
  v === null || typeof v === 'string' ? v : refuse();
/** A finite number, or null (JSON's 1e999 reads as Infinity, which is refused). */
const nullableNumber = (v: unknown): number | null =>
  v === null || (typeof v === 'number' && Number.isFinite(v)) ? v : refuse();
const boolean = (v: unknown): boolean => (typeof v === 'boolean' ? v : (refuse() ?? false));
const nullableBoolean = (v: unknown): boolean | null =>
  v === null || typeof v === 'boolean' ? v : refuse();

/** Text that is required: cut and cleaned, or the fallback when nothing is left. */
const requiredText = (v: unknown, fallback: string): string => boundedText(string(v)) ?? fallback;
const optionalText = (v: unknown): string | null => {
  const s = nullableString(v);
  return s === null ? null : boundedText(s);
};
const time = (v: unknown): number | null => {
  const n = nullableNumber(v);
  return n === null ? null : boundedTime(n);
};
/** A value of `check`'s type cleaned by `clean`; null stays null. */
const nullableThen = <T, R>(
  check: (v: unknown) => T | null,
  clean: (v: T) => R | null,
  v: unknown,
): R | null => {
  const x = check(v);
  return x === null ? null : clean(x);
};

const DEVICE_KEYS: ReadonlySet<string> = new Set([
  'mac',
  'name',
  'model',
  'modelName',
  'modelKnown',
  'productType',
  'isCamera',
  'online',
  'statusChangedAt',
  'poweredOn',
  'lanIp',
  'publicIp',
  'ssid',
  'firmware',
  'hardware',
  'thumbnailTakenAt',
  'battery',
  'parentMac',
  'shared',
  'owner',
  'timezone',
] satisfies (keyof DeviceDto)[]);
const TIMEZONE_KEYS: ReadonlySet<string> = new Set(['name', 'gmtOffsetHours']);

/**
 * One cached device, cleaned as the cloud's would be (text cut, an impossible time, IP or id read
 * as null); null when it is not a device of the app's shape (a field missing, extra, or of the
 * wrong type, or no usable MAC).
 */
export function checkCachedDevice(entry: unknown): DeviceDto | null {
  if (!isEntry(entry) || !hasExactly(entry, DEVICE_KEYS)) return null;
  const zone = entry.timezone;
  if (!isEntry(zone) || !hasExactly(zone, TIMEZONE_KEYS)) return null;
  refused = false;
  const mac = deviceId(string(entry.mac));
  const device: DeviceDto = {
    mac: mac ?? '',
    name: requiredText(entry.name, ''),
    model: requiredText(entry.model, 'unknown'),
    modelName: requiredText(entry.modelName, 'unknown'),
    modelKnown: boolean(entry.modelKnown),
    productType: requiredText(entry.productType, 'Unknown'),
    isCamera: boolean(entry.isCamera),
    online: nullableBoolean(entry.online),
    statusChangedAt: time(entry.statusChangedAt),
    poweredOn: nullableBoolean(entry.poweredOn),
    lanIp: nullableThen(nullableString, ipAddress, entry.lanIp),
    publicIp: nullableThen(nullableString, ipAddress, entry.publicIp),
    ssid: optionalText(entry.ssid),
    firmware: optionalText(entry.firmware),
    hardware: optionalText(entry.hardware),
    thumbnailTakenAt: time(entry.thumbnailTakenAt),
    battery: nullableThen(nullableNumber, boundedBattery, entry.battery),
    parentMac: nullableThen(nullableString, deviceId, entry.parentMac),
    shared: boolean(entry.shared),
    owner: optionalText(entry.owner),
    timezone: {
      name: nullableThen(nullableString, timeZoneName, zone.name),
      gmtOffsetHours: nullableThen(nullableNumber, boundedGmtOffset, zone.gmtOffsetHours),
    },
  };
  return refused || mac === null ? null : device;
}

/**
 * The cached list, or null when the file is not one (no e-mail, an impossible time, not a list
 * of devices, more devices than any account holds). A device that is not one is left out, as is a
 * repeated MAC; the list keeps its other devices.
 */
export function checkCachedList(value: unknown): CachedList | null {
  if (!isEntry(value)) return null;
  const { email, fetchedAt, devices } = value;
  if (typeof email !== 'string' || email.length > MAX_EMAIL_LENGTH) return null;
  const when =
    typeof fetchedAt === 'number' && Number.isFinite(fetchedAt) ? boundedTime(fetchedAt) : null;
  if (when === null) return null;
  if (!Array.isArray(devices) || devices.length > MAX_CACHED_DEVICES) return null;
  const seen = new Set<string>();
  const usable: DeviceDto[] = [];
  for (const entry of devices as unknown[]) {
    const device = checkCachedDevice(entry);
    if (!device || seen.has(device.mac)) continue;
    seen.add(device.mac);
    usable.push(device);
  }
  return { email, fetchedAt: when, devices: usable };
}
