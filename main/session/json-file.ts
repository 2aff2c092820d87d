import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';

/**
 * A small JSON file in the user-data folder, validated on read and replaced atomically on write.
 * Holds only non-secret data (settings, the last camera list).
 */
export function jsonFile<T>(path: string, schema: z.ZodType<T>) {
  return {
    path,
    async read(): Promise<T | null> {
      let text: string;
      try {
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
    },
    async write(value: T): Promise<void> {
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(value), { mode: 0o600 });
      await rename(tmp, path);
    },
    async remove(): Promise<void> {
      await rm(path, { force: true });
    },
  };
}
