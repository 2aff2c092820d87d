import { join } from 'node:path';
import { z } from 'zod';
import type { DeviceDto } from '../../common/view';
import { jsonFile } from '../session/json-file';
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

// The file may come from an older build or have been edited by hand: every value passes the same
// bounds as the normaliser's (main/wyze/normalise.ts), so what it says cannot break the page.
const text = z.string().transform(boundedText);
const optionalText = text.nullable().transform((s) => s ?? null);
const requiredText = (fallback: string) => text.transform((s) => s ?? fallback);
const time = z
  .number()
  .nullable()
  .transform((t) => boundedTime(t));

const deviceSchema = z
  .object({
    mac: z.string().transform(deviceId).pipe(z.string()),
    name: requiredText(''),
    model: requiredText('unknown'),
    modelName: requiredText('unknown'),
    modelKnown: z.boolean(),
    productType: requiredText('Unknown'),
    isCamera: z.boolean(),
    online: z.boolean().nullable(),
    statusChangedAt: time,
    poweredOn: z.boolean().nullable(),
    lanIp: z.string().nullable().transform(ipAddress),
    publicIp: z.string().nullable().transform(ipAddress),
    ssid: optionalText,
    firmware: optionalText,
    hardware: optionalText,
    thumbnailTakenAt: time,
    battery: z.number().nullable().transform(boundedBattery),
    parentMac: z.string().nullable().transform(deviceId),
    shared: z.boolean(),
    owner: optionalText,
    timezone: z
      .object({
        name: z.string().nullable().transform(timeZoneName),
        gmtOffsetHours: z.number().nullable().transform(boundedGmtOffset),
      })
      .strict(),
  })
  .strict() satisfies z.ZodType<DeviceDto>;

/** The usable devices of a cached list: a device that is not one is left out, as is a repeat. */
function usableDevices(entries: unknown[]): DeviceDto[] {
  const seen = new Set<string>();
  const devices: DeviceDto[] = [];
  for (const entry of entries) {
    const parsed = deviceSchema.safeParse(entry);
    if (!parsed.success || seen.has(parsed.data.mac)) continue;
    seen.add(parsed.data.mac);
    devices.push(parsed.data);
  }
  return devices;
}

const cacheSchema = z.object({
  email: z.string().max(320),
  /** A list fetched at an impossible time is not trusted at all. */
  fetchedAt: z
    .number()
    .transform((t) => boundedTime(t))
    .pipe(z.number()),
  devices: z.array(z.unknown()).max(MAX_CACHED_DEVICES).transform(usableDevices),
});

export type CachedList = z.infer<typeof cacheSchema>;

/**
 * The last camera list, so a relaunch shows it at once. It holds what the table shows (names,
 * IPs, firmware) and nothing secret: no tokens, keys or thumbnail URLs. What it loads is clean:
 * a file that is not a list is ignored, a device that is not one is left out, and an
 * out-of-range value reads as null (or, for text, is cut), exactly as from the cloud.
 */
export function openCameraCache(userDataDir: string) {
  const file = jsonFile(join(userDataDir, 'cameras.json'), cacheSchema);
  /** A read started early (`prefetch`), for the next `load`; dropped by any write. */
  let early: Promise<CachedList | null> | null = null;
  return {
    /**
     * Starts reading (and checking) the file now, e.g. while the keychain answers at start-up;
     * the next `load` uses this read unless the list was saved or cleared in between.
     */
    prefetch(): void {
      early ??= file.read();
    },
    async load(email: string): Promise<CachedList | null> {
      const pending = early;
      early = null;
      const cached = await (pending ?? file.read());
      return cached && cached.email.toLowerCase() === email.toLowerCase() ? cached : null;
    },
    save: (list: CachedList) => {
      early = null;
      return file.write(list);
    },
    clear: () => {
      early = null;
      return file.remove();
    },
  };
}

/** What the inventory uses of the cache (prefetching is the start-up's business). */
export type CameraCache = Omit<ReturnType<typeof openCameraCache>, 'prefetch'>;
