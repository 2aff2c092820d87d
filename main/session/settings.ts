import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { jsonFile } from './json-file';

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean(),
});

const settingsSchema = z.object({
  /**
   * The installation's phone_id: a UUIDv4 made once and kept (docs/protocol.md, "Common
   * parameters").
   */
  phoneId: z.uuid(),
  /** The e-mail of the last sign-in, to fill in the form. Not a secret. */
  lastEmail: z.string().max(320).nullable(),
  window: boundsSchema.nullable(),
});

export type Settings = z.infer<typeof settingsSchema>;
export type WindowBounds = z.infer<typeof boundsSchema>;

/** The app's non-secret settings in `settings.json` under the user-data folder. */
export async function openSettings(userDataDir: string) {
  const file = jsonFile(join(userDataDir, 'settings.json'), settingsSchema);
  let current: Settings = (await file.read()) ?? {
    phoneId: randomUUID(),
    lastEmail: null,
    window: null,
  };
  await file.write(current);
  return {
    get: (): Settings => ({ ...current }),
    async update(patch: Partial<Settings>): Promise<void> {
      current = { ...current, ...patch };
      await file.write(current);
    },
  };
}

export type SettingsStore = Awaited<ReturnType<typeof openSettings>>;
