import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { viewPrefsSchema } from '../../common/ipc';
import { defaultViewPrefs } from '../../common/prefs';
import type { ViewPrefs, ViewPrefsPatch } from '../../common/prefs';
import type { Logger } from '../logging/logger';
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
  phoneId: z.uuid().catch(() => randomUUID()),
  /** The e-mail of the last sign-in, to fill in the form. Not a secret. */
  lastEmail: z.string().max(320).nullable().catch(null),
  window: boundsSchema.nullable().catch(null),
  /**
   * The camera list's view preferences. Read leniently, one preference at a time: a file from an
   * older version, or one edited by hand, keeps every preference that is valid and gets the
   * default for the rest, and never costs the other settings (the phone_id above).
   */
  viewPrefs: z.unknown().optional().transform(readViewPrefs),
});

export type Settings = z.output<typeof settingsSchema>;
export type WindowBounds = z.infer<typeof boundsSchema>;

/** View preferences from a settings file: each valid one kept, the default for each other. */
export function readViewPrefs(raw: unknown): ViewPrefs {
  const prefs: Record<string, unknown> = { ...defaultViewPrefs() };
  if (typeof raw !== 'object' || raw === null) return prefs as unknown as ViewPrefs;
  for (const [key, schema] of Object.entries(viewPrefsSchema.shape)) {
    if (!Object.hasOwn(raw, key)) continue;
    const parsed = schema.safeParse((raw as Record<string, unknown>)[key]);
    if (parsed.success) prefs[key] = parsed.data;
  }
  // Every key is the default's or was checked by its own schema just above.
  return prefs as unknown as ViewPrefs;
}

/**
 * The app's non-secret settings in `settings.json` under the user-data folder. Each setting is
 * read on its own (an invalid one gets its default and costs none of the others, so the phone_id
 * survives a bad window size), and a folder that cannot be written (read-only, full) does not stop
 * the app: the settings then hold for this run only, and the failure is logged.
 */
export async function openSettings(userDataDir: string, opts: { logger?: Logger } = {}) {
  const file = jsonFile(join(userDataDir, 'settings.json'), settingsSchema);
  let current: Settings = (await file.read()) ?? {
    phoneId: randomUUID(),
    lastEmail: null,
    window: null,
    viewPrefs: defaultViewPrefs(),
  };
  await file.write(current).catch((err: unknown) => {
    opts.logger?.warn('could not write the settings file; settings hold for this run only', {
      err,
    });
  });
  return {
    get: (): Settings => ({ ...current }),
    async update(patch: Partial<Settings>): Promise<void> {
      current = { ...current, ...patch };
      await file.write(current);
    },
    viewPrefs: (): ViewPrefs => current.viewPrefs,
    /** Resolves once every change so far is on disk (or has failed to be written). */
    flushed: (): Promise<void> => file.flushed(),
    /**
     * Applies a change (already checked by the IPC schema) and answers the preferences after it.
     * A preference that cannot be written to disk still applies for this run: losing it at the
     * next launch is better than an error on every keystroke in the search box.
     */
    async setViewPrefs(patch: ViewPrefsPatch): Promise<ViewPrefs> {
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const viewPrefs = viewPrefsSchema.parse({ ...current.viewPrefs, ...defined });
      current = { ...current, viewPrefs };
      await file.write(current).catch(() => undefined);
      return viewPrefs;
    },
  };
}

export type SettingsStore = Awaited<ReturnType<typeof openSettings>>;
