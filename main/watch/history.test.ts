import { appendFile, mkdtemp, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../logging/logger';
import { createLogger } from '../logging/logger';
import { idMaker, openHistory, parseHistory } from './history';
import type { NewRecord } from './history';

const DAY = 86_400_000;
const T0 = 1_800_000_000_000;

function change(at: number, mac = 'AA01'): NewRecord {
  return {
    kind: 'offline',
    at,
    cloudAt: at - 1000,
    macs: [mac],
    cameraName: 'Front door',
    from: null,
    to: null,
    title: null,
    body: null,
  };
}

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'wyzecam-history-'));
  const path = join(dir, 'history.jsonl');
  const logs: LogRecord[] = [];
  const logger = createLogger({ sink: (r) => logs.push(r) });
  let clock = T0;
  const open = (extra: { maxRecords?: number } = {}) =>
    openHistory({ path, logger, now: () => clock, ...extra });
  return { path, logs, open, setNow: (t: number) => (clock = t) };
}

describe('history ids', () => {
  it('sort in the order they were made, even when the clock goes back', () => {
    const next = idMaker();
    const ids = [T0, T0, T0 - 5000, T0 + 1, 0, -5].map(next);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const resumed = idMaker(ids.at(-1));
    expect(resumed(T0 - DAY) > (ids.at(-1) ?? '')).toBe(true);
  });
});

describe('history store on disk', () => {
  it('appends one line per record and reads them back after a relaunch', async () => {
    const { path, open } = await setup();
    const first = await open();
    const added = await first.append([change(T0), change(T0 + 1, 'BB02')]);
    const text = await readFile(path, 'utf8');
    expect(text.split('\n')).toHaveLength(3);
    expect(text.endsWith('\n')).toBe(true);
    const again = await open();
    expect(again.all()).toEqual(added);
    const [more] = await again.append([change(T0 + 2)]);
    expect(more && more.id > (added[1]?.id ?? '')).toBe(true);
  });

  it.each([
    ['half a record (killed mid-write)', (line: string) => line.slice(0, line.length / 2)],
    ['a record without its newline', (line: string) => line.replace(/\n$/, '')],
    ['a few stray bytes', () => '{"id":'],
  ])('keeps every whole record when the file ends in %s', async (_name, tear) => {
    const { path, open } = await setup();
    const store = await open();
    const kept = await store.append([change(T0), change(T0 + 1)]);
    const torn = `${JSON.stringify({ id: '999999999999999-000000', ...change(T0 + 2) })}\n`;
    await appendFile(path, tear(torn));
    const reopened = await open();
    expect(reopened.all()).toEqual(kept);
    // The file was repaired: the next record starts on a line of its own.
    await reopened.append([change(T0 + 3)]);
    expect((await open()).all()).toHaveLength(3);
  });

  it('skips a corrupt line in the middle, logs it, and keeps the rest', async () => {
    const { path, open, logs } = await setup();
    const store = await open();
    const [a] = await store.append([change(T0)]);
    await appendFile(path, 'not json at all\n{"id":"x"}\n');
    const [b] = await store.append([change(T0 + 1)]);
    const reopened = await open();
    expect(reopened.all()).toEqual([a, b]);
    expect(logs.some((l) => l.message.includes('unreadable lines') && l.fields?.count === 2)).toBe(
      true,
    );
  });

  it('survives a truncation anywhere in the file', async () => {
    const { path, open } = await setup();
    const store = await open();
    const records = await store.append([1, 2, 3, 4].map((i) => change(T0 + i)));
    const size = (await stat(path)).size;
    await truncate(path, Math.floor(size * 0.6));
    const reopened = await open();
    expect(records.slice(0, reopened.all().length)).toEqual(reopened.all());
    expect(reopened.all().length).toBeGreaterThan(0);
  });

  it('drops records older than the retention, at open and while appending', async () => {
    const { open, setNow } = await setup();
    const store = await open();
    await store.append([change(T0 - 100 * DAY), change(T0 - 89 * DAY), change(T0)]);
    expect((await open()).all().map((r) => r.at)).toEqual([T0 - 89 * DAY, T0]);
    setNow(T0 + 2 * DAY);
    const later = await open();
    await later.append([change(T0 + 2 * DAY)]);
    expect(later.all().map((r) => r.at)).toEqual([T0, T0 + 2 * DAY]);
  });

  it('keeps at most the cap, dropping the oldest', async () => {
    const { open } = await setup();
    const store = await open({ maxRecords: 10 });
    for (let i = 0; i < 12; i++) await store.append([change(T0 + i)]);
    // Some slack before a rewrite (a tenth of the cap); a relaunch trims to the cap.
    expect(store.all().length).toBeLessThanOrEqual(11);
    const reopened = await open({ maxRecords: 10 });
    expect(reopened.all().map((r) => r.at)).toEqual(
      Array.from({ length: 10 }, (_, i) => T0 + 2 + i),
    );
  });

  it('deletes the file on clear', async () => {
    const { path, open } = await setup();
    const store = await open();
    await store.append([change(T0)]);
    await store.clear();
    await expect(stat(path)).rejects.toThrow();
    expect(store.all()).toEqual([]);
  });

  it('reads any garbage without throwing, and stays appendable', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
        ),
        async (garbage) => {
          const { path, open } = await setup();
          await writeFile(path, garbage);
          const store = await open();
          const [added] = await store.append([change(T0)]);
          const reopened = await open();
          expect(reopened.all().at(-1)).toEqual(added);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('parseHistory', () => {
  it('drops a line whose id is not after the one before it', () => {
    const line = (id: string) => JSON.stringify({ id, ...change(T0) });
    const text = [line('000000000000002-000000'), line('000000000000001-000000'), ''].join('\n');
    expect(parseHistory(text)).toMatchObject({
      dropped: 1,
      records: [{ id: '000000000000002-000000' }],
    });
  });
});
