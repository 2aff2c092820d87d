import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MAX_JSON_FILE_BYTES, jsonFile } from './json-file';
import { openSettings } from './settings';

let dir: string;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wyzecam-json-file-'));
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  rmSync(dir, { recursive: true, force: true });
});

const counterSchema = z.object({ n: z.number().int() }).strict();

/** Lets pending rejections surface as 'unhandledRejection' before the test checks for them. */
const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('jsonFile writes', () => {
  it('400 concurrent writes all resolve, the last one wins, and no temp file is left', async () => {
    const file = jsonFile(join(dir, 'counter.json'), counterSchema);
    const results = await Promise.allSettled(
      Array.from({ length: 400 }, (_, n) => file.write({ n })),
    );
    await macrotask();
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(JSON.parse(readFileSync(file.path, 'utf8'))).toEqual({ n: 399 });
    expect(await file.read()).toEqual({ n: 399 });
    expect(readdirSync(dir)).toEqual(['counter.json']);
    expect(unhandled).toEqual([]);
  });

  it('two handles on the same file share one queue', async () => {
    const path = join(dir, 'shared.json');
    const a = jsonFile(path, counterSchema);
    const b = jsonFile(path, counterSchema);
    const writes = Array.from({ length: 100 }, (_, n) => (n % 2 ? a : b).write({ n }));
    expect((await Promise.allSettled(writes)).every((r) => r.status === 'fulfilled')).toBe(true);
    expect(await a.read()).toEqual({ n: 99 });
    expect(readdirSync(dir)).toEqual(['shared.json']);
  });

  it('a remove queued behind a write runs after it: the file is gone', async () => {
    const file = jsonFile(join(dir, 'gone.json'), counterSchema);
    const write = file.write({ n: 1 });
    const remove = file.remove();
    await Promise.all([write, remove]);
    expect(readdirSync(dir)).toEqual([]);
    expect(await file.read()).toBeNull();
  });

  it('a failed write rejects its caller only, and later writes still run', async () => {
    const file = jsonFile(join(dir, 'later.json'), counterSchema);
    // BigInt cannot be serialised: this write fails inside the queue.
    const bad = file.write({ n: 1n } as unknown as { n: number });
    const good = file.write({ n: 2 });
    await expect(bad).rejects.toThrow();
    await expect(good).resolves.toBeUndefined();
    expect(await file.read()).toEqual({ n: 2 });
  });

  it.skipIf(process.platform === 'win32')('writes owner-only files (0600)', async () => {
    const file = jsonFile(join(dir, 'private.json'), counterSchema);
    await file.write({ n: 1 });
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
  });
});

describe('jsonFile reads', () => {
  it('reads a valid file and refuses one past the size cap without reading it', async () => {
    const path = join(dir, 'big.json');
    writeFileSync(path, JSON.stringify({ n: 1 }));
    expect(await jsonFile(path, counterSchema).read()).toEqual({ n: 1 });
    // Still valid JSON (trailing spaces), so only the size can make the read refuse it.
    writeFileSync(path, `{"n":2}${' '.repeat(MAX_JSON_FILE_BYTES)}`);
    expect(await jsonFile(path, counterSchema).read()).toBeNull();
    writeFileSync(path, '{"n":3}  ');
    expect(await jsonFile(path, counterSchema, { maxBytes: 9 }).read()).toEqual({ n: 3 });
    expect(await jsonFile(path, counterSchema, { maxBytes: 8 }).read()).toBeNull();
  });
});

describe('settings', () => {
  it('400 concurrent updates all resolve and the file holds the last one', async () => {
    const settings = await openSettings(dir);
    const results = await Promise.allSettled(
      Array.from({ length: 400 }, (_, n) => settings.update({ lastEmail: `u${n}@example.com` })),
    );
    await macrotask();
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const onDisk = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as {
      lastEmail: string;
    };
    expect(onDisk.lastEmail).toBe('u399@example.com');
    expect((await openSettings(dir)).get().lastEmail).toBe('u399@example.com');
    expect(readdirSync(dir)).toEqual(['settings.json']);
    expect(unhandled).toEqual([]);
  });
});
