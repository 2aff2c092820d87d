import { appendFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { LogRecord } from '../logging/logger';
import { createLogger } from '../logging/logger';
import { idMaker, openHistory } from './history';
import type { NewRecord } from './history';

// write-file-atomic (the rewrite) fails on demand: as root, a read-only folder cannot make it.
const faults = vi.hoisted(() => ({ rewriteFails: false }));
vi.mock('write-file-atomic', async (importOriginal) => {
  const actual = await importOriginal<{ default: (...args: unknown[]) => Promise<void> }>();
  return {
    default: (...args: unknown[]) =>
      faults.rewriteFails
        ? Promise.reject(Object.assign(new Error('no space left'), { code: 'ENOSPC' }))
        : actual.default(...args),
  };
});

const T0 = 1_800_000_000_000;
const DAY = 86_400_000;
const change = (at: number, mac = 'AA01'): NewRecord => ({
  kind: 'offline',
  at,
  cloudAt: null,
  macs: [mac],
  cameraName: 'Front door',
  from: null,
  to: null,
  title: null,
  body: null,
});

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'wyzecam-history-faults-'));
  const path = join(dir, 'history.jsonl');
  const logs: LogRecord[] = [];
  const logger = createLogger({ sink: (r) => logs.push(r) });
  const open = () => openHistory({ path, logger, now: () => T0 });
  return { path, logs, open };
}

describe('history store: faults on disk', () => {
  it('a write cut short (disk full, a kill) does not cost the next record', async () => {
    const { path, open } = await setup();
    const store = await open();
    const [a] = await store.append([change(T0)]);
    await appendFile(path, '{"id":"000001800000000000-0000'); // half a line, no newline
    const [b] = await store.append([change(T0 + 1)]);
    expect((await open()).all()).toEqual([a, b]);
  });

  it('opens even when the torn file cannot be rewritten, and appends on a line of their own', async () => {
    const { path, open, logs } = await setup();
    const first = await open();
    const [a] = await first.append([change(T0)]);
    await appendFile(path, '{"torn":');
    faults.rewriteFails = true;
    try {
      const store = await open();
      expect(store.all()).toEqual([a]);
      expect(logs.some((l) => l.message === 'status history: could not rewrite')).toBe(true);
      const [b] = await store.append([change(T0 + 1)]);
      faults.rewriteFails = false;
      expect((await open()).all()).toEqual([a, b]);
    } finally {
      faults.rewriteFails = false;
    }
  });

  it('a history.jsonl that is a folder: opens empty, appends are logged, nothing throws', async () => {
    const { path, open, logs } = await setup();
    await mkdir(path);
    const store = await open();
    expect(store.all()).toEqual([]);
    const added = await store.append([change(T0)]);
    expect(store.all()).toEqual(added);
    expect(logs.some((l) => l.message === 'status history: could not write')).toBe(true);
  });

  it('a line of megabytes is skipped and the records around it kept', async () => {
    const { path, open } = await setup();
    const store = await open();
    const [a] = await store.append([change(T0)]);
    await appendFile(path, `${'x'.repeat(5 * 1024 * 1024)}\n`);
    const [b] = await store.append([change(T0 + 1)]);
    const reopened = await open();
    expect(reopened.all()).toEqual([a, b]);
    expect((await readFile(path, 'utf8')).length).toBeLessThan(1000);
  });

  it('concurrent appends land in the order they were asked for', async () => {
    const { open } = await setup();
    const store = await open();
    const batches = Array.from({ length: 20 }, (_, i) => [change(T0 + (i % 3), `M${i}`)]);
    const added = (await Promise.all(batches.map((b) => store.append(b)))).flat();
    const reopened = await open();
    expect(reopened.all()).toEqual(added);
    expect(reopened.all().map((r) => r.macs[0])).toEqual(batches.map((b) => b[0]?.macs[0]));
  });

  it('an empty file written by hand is read as no history', async () => {
    const { path, open } = await setup();
    await writeFile(path, '');
    expect((await open()).all()).toEqual([]);
  });
});

describe('history store: the clock jumps', () => {
  it('still drops what is past 90 days after the clock went back a year', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wyzecam-history-clock-'));
    const path = join(dir, 'history.jsonl');
    let clock = T0;
    const open = () =>
      openHistory({ path, logger: createLogger({ sink: () => undefined }), now: () => clock });
    const store = await open();
    const [later] = await store.append([change(T0)]);
    clock = T0 - 365 * DAY; // the clock goes back a year
    await store.append([change(clock, 'BB02')]);
    clock += 100 * DAY;
    const reopened = await open();
    expect(reopened.all()).toEqual([later]);
    clock = T0 + 100 * DAY; // and forward past the retention: nothing is kept
    expect((await open()).all()).toEqual([]);
  });
});

describe('history ids: a clock stuck on one millisecond', () => {
  it('go on growing past a million records instead of failing', () => {
    const next = idMaker(`${String(T0).padStart(15, '0')}-999998`);
    const ids = [T0, T0, T0, T0 - 5].map(next);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(4);
  });
});
