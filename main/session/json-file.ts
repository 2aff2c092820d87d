import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';

/**
 * One queue per file (by absolute path), shared by every handle on it: each read, write and
 * remove starts only after the one before it settled, so writes land in call order, a remove
 * queued after a write really leaves no file, and a read sees every write queued before it.
 */
const queues = new Map<string, Promise<void>>();

function enqueue<T>(path: string, job: () => Promise<T>): Promise<T> {
  const key = resolve(path);
  const previous = queues.get(key) ?? Promise.resolve();
  // `previous` never rejects (see `settled`): a failed job fails its own caller only.
  const run = previous.then(job);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}

/**
 * Larger files are not read at all: 20,000 cached cameras take about 12 MB, so anything past this
 * was not written by the app, and reading it whole would stall the main process.
 */
export const MAX_JSON_FILE_BYTES = 32 * 1024 * 1024;

/**
 * A small JSON file in the user-data folder, validated on read and replaced atomically on write
 * (a unique temporary file, fsync, rename: write-file-atomic). Holds only non-secret data
 * (settings, the last camera list).
 */
export function jsonFile<T>(
  path: string,
  schema: z.ZodType<T>,
  { maxBytes = MAX_JSON_FILE_BYTES }: { maxBytes?: number } = {},
) {
  return {
    path,
    /** The file's value, or null when it is missing, unreadable, too large or not valid. */
    read(): Promise<T | null> {
      return enqueue(path, async () => {
        let text: string;
        try {
          if ((await stat(path)).size > maxBytes) return null;
          text = await readFile(path, 'utf8');
        } catch {
          return null;
        }
        try {
          const parsed = schema.safeParse(JSON.parse(text));
          return parsed.success ? parsed.data : null;
        } catch {
          return null;
        }
      });
    },
    /** Replaces the file with `value`, after every earlier operation on it. */
    write(value: T): Promise<void> {
      return enqueue(path, async () => {
        const text = JSON.stringify(value);
        await mkdir(dirname(path), { recursive: true });
        await writeFileAtomic(path, text, { mode: 0o600 });
      });
    },
    /** Resolves once every operation queued on the file so far has settled. */
    flushed(): Promise<void> {
      return enqueue(path, () => Promise.resolve());
    },
    /** Deletes the file (no error when it is missing), after every earlier operation on it. */
    remove(): Promise<void> {
      return enqueue(path, () => rm(path, { force: true }));
    },
  };
}
