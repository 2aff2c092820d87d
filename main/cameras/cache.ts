import { join } from 'node:path';
import { z } from 'zod';
import type { DeviceDto } from '../../common/view';
import { jsonFile } from '../session/json-file';

const deviceSchema = z
  .object({
    mac: z.string(),
    name: z.string(),
    model: z.string(),
    modelName: z.string(),
    modelKnown: z.boolean(),
    productType: z.string(),
    isCamera: z.boolean(),
    online: z.boolean().nullable(),
    statusChangedAt: z.number().nullable(),
    poweredOn: z.boolean().nullable(),
    lanIp: z.string().nullable(),
    publicIp: z.string().nullable(),
    ssid: z.string().nullable(),
    firmware: z.string().nullable(),
    hardware: z.string().nullable(),
    thumbnailTakenAt: z.number().nullable(),
    battery: z.number().nullable(),
    parentMac: z.string().nullable(),
    shared: z.boolean(),
    owner: z.string().nullable(),
    timezone: z.object({ name: z.string().nullable(), gmtOffsetHours: z.number().nullable() }),
  })
  .strict() satisfies z.ZodType<DeviceDto>;

const cacheSchema = z.object({
  email: z.string(),
  fetchedAt: z.number(),
  devices: z.array(deviceSchema),
});

export type CachedList = z.infer<typeof cacheSchema>;

/**
 * The last camera list, so a relaunch shows it at once. It holds what the table shows (names,
 * IPs, firmware) and nothing secret: no tokens, keys or thumbnail URLs.
 */
export function openCameraCache(userDataDir: string) {
  const file = jsonFile(join(userDataDir, 'cameras.json'), cacheSchema);
  return {
    async load(email: string): Promise<CachedList | null> {
      const cached = await file.read();
      return cached && cached.email.toLowerCase() === email.toLowerCase() ? cached : null;
    },
    save: (list: CachedList) => file.write(list),
    clear: () => file.remove(),
  };
}

export type CameraCache = ReturnType<typeof openCameraCache>;
