/**
 * The status history on disk: `history.jsonl` in the user-data folder, one record per line,
 * appended and fsync'd, so an interrupted write costs at most the line being written
 * (docs/security.md, S26). Reading keeps every valid line, drops a torn last line and skips a
 * corrupt one; the file is then rewritten atomically (write-file-atomic) without them. Bounded:
 * records older than the retention and the oldest past the count cap are dropped.
 */
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { ACTIVITY_KINDS, HISTORY_RETENTION_DAYS } from '../../common/watch';
import type { ActivityRecord } from '../../common/watch';
import type { Logger } from '../logging/logger';
import { createSerialQueue } from '../session/serial-queue';

/** The most records kept; past it (plus a tenth, so it is not rewritten at every append) the oldest go. */
export const MAX_HISTORY_RECORDS = 50_000;
/** A file larger than this was not written by the app: only its last part is read. */
export const MAX_HISTORY_BYTES = 64 * 1024 * 1024;
const DAY_MS = 86_400_000;

const text = z.string().max(4096);
const recordSchema = z
  .object({
    id: z.string().regex(/^\d{15}-\d{6}$/),
    kind: z.enum(ACTIVITY_KINDS),
    at: z.number().finite(),
    cloudAt: z.number().finite().nullable(),
    macs: z.array(z.string().min(1).max(64)).min(1).max(10_000),
    cameraName: text,
    from: text.nullable(),
    to: text.nullable(),
    title: text.nullable(),
    body: text.nullable(),
  })
  .strict() satisfies z.ZodType<ActivityRecord>;

/** Parses a file's text: the valid records in order, and how many lines were dropped. */
export function parseHistory(content: string): { records: ActivityRecord[]; dropped: number } {
  const lines = content.split('\n');
  // The part after the last newline is a line whose write did not finish (or nothing).
  const torn = lines.pop() ?? '';
  let dropped = torn.trim() ? 1 : 0;
  const records: ActivityRecord[] = [];
  let lastId = '';
  for (const line of lines) {
    if (!line.trim()) continue;
    const record = parseLine(line);
    // Ids only grow: a line out of order was not written by this store.
    if (record && record.id > lastId) {
      records.push(record);
      lastId = record.id;
    } else dropped++;
  }
  return { records, dropped };
}

function parseLine(line: string): ActivityRecord | null {
  try {
    const parsed = recordSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Makes ids that sort as strings in the order they were made, even if the clock goes back. */
export function idMaker(after = '') {
  let lastTime = after ? Number(after.slice(0, 15)) : 0;
  let seq = after ? Number(after.slice(16)) : -1;
  return (at: number): string => {
    let time = Math.max(Math.floor(Math.max(at, 0)), lastTime);
    seq = time === lastTime ? seq + 1 : 0;
    // A million records in one millisecond (the clock stuck, or gone back after a jump forward):
    // the next millisecond, so the ids still grow and the history goes on recording.
    if (seq > 999_999) {
      time += 1;
      seq = 0;
    }
    lastTime = time;
    return `${String(time).padStart(15, '0')}-${String(seq).padStart(6, '0')}`;
  };
}

export interface HistoryStoreOptions {
  /** The file; null keeps the history in memory only (the demo). */
  path: string | null;
  logger: Logger;
  now: () => number;
  retentionDays?: number;
  maxRecords?: number;
}

export type NewRecord = Omit<ActivityRecord, 'id'>;

/** Opens the history: reads what is valid, and rewrites the file if anything was dropped. */
export async function openHistory(opts: HistoryStoreOptions): Promise<HistoryStore> {
  if (!opts.path) return memoryHistory(opts);
  const { content, partial } = await readTail(opts.path);
  const parsed = parseHistory(content);
  if (parsed.dropped > 0) {
    opts.logger.warn('status history: unreadable lines skipped', { count: parsed.dropped });
  }
  const store = historyStore(opts, parsed.records);
  const torn = parsed.dropped > 0 || partial || (content !== '' && !content.endsWith('\n'));
  if (store.prune(0, 0) || torn) {
    // A file that cannot be rewritten (read-only, disk full) costs the clean-up, not the launch:
    // the lines it holds are skipped again next time, and appends start on a line of their own.
    await store
      .rewrite()
      .catch((err: unknown) => opts.logger.warn('status history: could not rewrite', { err }));
  }
  return store;
}

/** A history kept in memory only, ready at once (the demo's). */
export const memoryHistory = (opts: Omit<HistoryStoreOptions, 'path'>): HistoryStore =>
  historyStore({ ...opts, path: null }, []);

function historyStore(opts: HistoryStoreOptions, initial: ActivityRecord[]) {
  const { path, logger, now } = opts;
  const retentionMs = (opts.retentionDays ?? HISTORY_RETENTION_DAYS) * DAY_MS;
  const maxRecords = opts.maxRecords ?? MAX_HISTORY_RECORDS;
  const queue = createSerialQueue().run;
  let records = initial;
  let nextId = idMaker(records.at(-1)?.id);

  /** Drops what is past the bounds (with some slack); true when anything was dropped. */
  function prune(slackMs: number, slackCount: number): boolean {
    const oldestKept = now() - retentionMs;
    // Every record is checked, not only the first: after the clock went back, a record written
    // before (a later time) comes first and would otherwise keep every old one after it.
    const tooOld = records.some((r) => r.at < oldestKept - slackMs);
    const tooMany = records.length > maxRecords + slackCount;
    if (!tooOld && !tooMany) return false;
    const kept = records.filter((r) => r.at >= oldestKept);
    records = kept.slice(Math.max(0, kept.length - maxRecords));
    return true;
  }

  function rewrite(): Promise<void> {
    if (!path) return Promise.resolve();
    const snapshot = records;
    return queue(async () => {
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, snapshot.map((r) => `${JSON.stringify(r)}\n`).join(''), {
        mode: 0o600,
      });
    });
  }

  function appendLines(lines: string): Promise<void> {
    if (!path) return Promise.resolve();
    return queue(async () => {
      await mkdir(dirname(path), { recursive: true });
      const file = await open(path, 'a+', 0o600);
      try {
        // A write cut short before (disk full, a kill) left half a line: start on a new one, or
        // the first record written now would be glued to it and lost with it at the next read.
        const { size } = await file.stat();
        const last = Buffer.alloc(1);
        if (size > 0) await file.read(last, 0, 1, size - 1);
        await file.write(size > 0 && last[0] !== 0x0a ? `\n${lines}` : lines);
        await file.sync();
      } finally {
        await file.close();
      }
    });
  }

  return {
    prune,
    rewrite,
    /** Every record, oldest first (do not modify). */
    all: (): readonly ActivityRecord[] => records,
    /**
     * Gives each new record an id, keeps it, and appends it to the file. Resolves once the lines
     * are on disk; a write that fails is logged and the records stay for this run.
     */
    async append(batch: readonly NewRecord[]): Promise<ActivityRecord[]> {
      if (batch.length === 0) return [];
      const added = batch.map((r) => ({ id: nextId(r.at), ...r }));
      records = records.concat(added);
      const write = prune(DAY_MS, Math.ceil(maxRecords / 10))
        ? rewrite()
        : appendLines(added.map((r) => `${JSON.stringify(r)}\n`).join(''));
      await write.catch((err: unknown) => logger.warn('status history: could not write', { err }));
      return added;
    },
    /** Forgets every record and deletes the file (sign-out). */
    async clear(): Promise<void> {
      records = [];
      nextId = idMaker();
      if (path) await queue(() => rm(path, { force: true }));
    },
    /** Resolves once every write asked for so far is over. */
    idle: (): Promise<void> => queue(() => Promise.resolve()),
  };
}

export type HistoryStore = Omit<ReturnType<typeof historyStore>, 'prune' | 'rewrite'>;

/** The file's text ('' when missing), or its last MAX_HISTORY_BYTES when it is larger. */
async function readTail(path: string): Promise<{ content: string; partial: boolean }> {
  try {
    const size = (await stat(path)).size;
    if (size <= MAX_HISTORY_BYTES) return { content: await readFile(path, 'utf8'), partial: false };
    const file = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(MAX_HISTORY_BYTES);
      await file.read(buffer, 0, MAX_HISTORY_BYTES, size - MAX_HISTORY_BYTES);
      const content = buffer.toString('utf8');
      return { content: content.slice(content.indexOf('\n') + 1), partial: true };
    } finally {
      await file.close();
    }
  } catch {
    return { content: '', partial: false };
  }
}
