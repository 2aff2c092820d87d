/**
 * `watch.json` in the user-data folder: the watch preferences, when the user last looked at the
 * Activity, the notification pause, and the API key's first use here; and `watch-baseline.json`,
 * the last camera list the history compared (so the first list after a launch is compared with
 * it: changes while the app was closed are recorded). Both are read leniently, field by field,
 * like the view preferences (main/session/settings.ts): a bad field gets its default and costs
 * none of the others.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { watchPrefsSchema } from '../../common/ipc';
import { defaultWatchPrefs } from '../../common/watch';
import type { WatchPrefs } from '../../common/watch';
import { jsonFile } from '../session/json-file';
import type { CameraSighting } from './changes';

/** The API key's first use here: a SHA-256 of the key ID (never the ID itself), and when. */
export interface ApiKeyRecord {
  keyIdSha256: string;
  firstUsedAt: number;
}

export interface WatchFile {
  prefs: WatchPrefs;
  lastSeenAt: number | null;
  pausedUntil: number | null;
  apiKey: ApiKeyRecord | null;
}

const time = z.number().int().nonnegative().max(8.64e15);

/** Watch preferences from a file: each valid one kept, the default for each other. */
export function readWatchPrefs(raw: unknown): WatchPrefs {
  const prefs: Record<string, unknown> = { ...defaultWatchPrefs() };
  if (typeof raw === 'object' && raw !== null) {
    for (const [key, schema] of Object.entries(watchPrefsSchema.shape)) {
      if (!Object.hasOwn(raw, key)) continue;
      const parsed = schema.safeParse((raw as Record<string, unknown>)[key]);
      if (parsed.success) prefs[key] = parsed.data;
    }
  }
  // Every key is the default's or was checked by its own schema just above.
  return prefs as unknown as WatchPrefs;
}

const watchFileSchema = z.object({
  prefs: z.unknown().optional().transform(readWatchPrefs),
  lastSeenAt: time.nullable().catch(null),
  pausedUntil: time.nullable().catch(null),
  apiKey: z
    .object({ keyIdSha256: z.string().regex(/^[0-9a-f]{64}$/), firstUsedAt: time })
    .nullable()
    .catch(null),
});

export const emptyWatchFile = (): WatchFile => ({
  prefs: defaultWatchPrefs(),
  lastSeenAt: null,
  pausedUntil: null,
  apiKey: null,
});

const nullableText = z.string().max(4096).nullable();
const sightingSchema = z.object({
  mac: z.string().min(1).max(64),
  name: z.string().max(4096),
  online: z.boolean().nullable(),
  statusChangedAt: z.number().finite().nullable(),
  poweredOn: z.boolean().nullable(),
  firmware: nullableText,
  lanIp: nullableText,
  ssid: nullableText,
});

/** The list compared last, and whose it was (a list of another account is not compared). */
export interface Baseline {
  email: string;
  cameras: CameraSighting[];
}

const baselineSchema = z.object({
  email: z.string().max(320),
  // A camera that cannot be read is left out: it is "new" next time, which is no change.
  cameras: z
    .array(z.unknown())
    .max(100_000)
    .transform((items) =>
      items.flatMap((item) => {
        const parsed = sightingSchema.safeParse(item);
        return parsed.success ? [parsed.data] : [];
      }),
    ),
});

/** The two files in `userDataDir`. */
export function watchFiles(userDataDir: string) {
  return {
    watch: jsonFile<WatchFile>(join(userDataDir, 'watch.json'), watchFileSchema),
    baseline: jsonFile<Baseline>(join(userDataDir, 'watch-baseline.json'), baselineSchema),
    historyPath: join(userDataDir, 'history.jsonl'),
  };
}
