// The log file under the OS logs folder, so a start-up failure in the packaged app leaves a trace
// the user can find (Help → Show logs). It is a sink of the one logger (./logger.ts): records
// reach it already redacted (security S16). Writing, the size cap and rotation are electron-log's
// file transport, through its plain-Node entry (no Electron import, so it is tested in Node).
import { join } from 'node:path';
import log from 'electron-log/node';
import type { LogRecord } from './logger';

export const LOG_FILE_NAME = 'main.log';
/** The cap of the current file; past it, it becomes `main.old.log` (replacing the previous one). */
export const MAX_LOG_BYTES = 1024 * 1024;

export interface FileSink {
  /** Appends one record; never throws (a failing disk must not take the app down). */
  write(record: LogRecord): void;
  /** The current log file. */
  file: string;
  /** The folder holding it and its one rotated predecessor. */
  dir: string;
}

/** One line per record: time, level, message, then the redacted fields as JSON. */
export function formatRecord(record: LogRecord): string {
  // A message is one line: an embedded newline must not forge a record of its own.
  const message = record.message.replace(/\r?\n|\r/g, '\\n');
  const fields = record.fields ? ` ${JSON.stringify(record.fields)}` : '';
  return `${new Date(record.time).toISOString()} ${record.level.toUpperCase()} ${message}${fields}`;
}

let sinks = 0;

/** A sink writing to `dir`/main.log, capped at `maxBytes` with one rotated file kept. */
export function createFileSink(opts: {
  dir: string;
  maxBytes?: number;
  /** Names the app for electron-log when it cannot find a package.json (packaged builds). */
  appName?: string;
}): FileSink {
  const file = join(opts.dir, LOG_FILE_NAME);
  sinks += 1;
  const logger = log.create({ logId: `wyzecam-file-${sinks}` });
  for (const [name, transport] of Object.entries(logger.transports)) {
    if (name !== 'file' && transport) transport.level = false;
  }
  const transport = logger.transports.file;
  transport.setAppName(opts.appName ?? 'Wyzecam Desktop');
  transport.resolvePathFn = () => file;
  transport.format = '{text}';
  transport.maxSize = opts.maxBytes ?? MAX_LOG_BYTES;
  // Readable by the user only: even redacted, a log says when and from where they signed in.
  transport.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
  return {
    file,
    dir: opts.dir,
    write: (record) => logger[record.level](formatRecord(record)),
  };
}
