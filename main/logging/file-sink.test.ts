import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSink, formatRecord, LOG_FILE_NAME } from './file-sink';
import { combineSinks, createLogger } from './logger';
import type { LogRecord } from './logger';

const SECRET = 'correct-horse-battery-staple';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEyMyJ9.c2lnbmF0dXJlLXBhcnQ';

describe('the log file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wyzecam-logs-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const read = (name = LOG_FILE_NAME) => readFileSync(join(dir, name), 'utf8');

  it('receives records through the redacting logger: no secret and no token reach the disk', () => {
    const sink = createFileSink({ dir });
    const logger = createLogger({ level: 'debug', sink: sink.write });
    logger.addSecret(SECRET);
    logger.info(`signing in with ${SECRET}`, { body: `{"access_token":"${JWT}"}` });
    logger.error('refresh failed', { accessToken: JWT, err: new Error(`bad ${SECRET}`) });
    logger.debug(`header Bearer ${JWT}`);

    const text = read();
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(JWT);
    expect(text).not.toContain('eyJ');
    expect(text).toContain('INFO signing in with [redacted]');
    expect(text).toContain('ERROR refresh failed');
    expect(text.trim().split('\n')).toHaveLength(3);
  });

  it('is the file the sink says, under the folder it was given, readable by the user only', () => {
    const sink = createFileSink({ dir });
    sink.write({ level: 'info', message: 'hello', time: 0 });
    expect(sink.file).toBe(join(dir, LOG_FILE_NAME));
    expect(sink.dir).toBe(dir);
    expect(read()).toBe(`1970-01-01T00:00:00.000Z INFO hello${eol()}`);
    if (process.platform !== 'win32') expect(statSync(sink.file).mode & 0o077).toBe(0);
  });

  it('rotates at the cap and keeps exactly one old file', () => {
    const maxBytes = 4_000;
    const sink = createFileSink({ dir, maxBytes });
    const logger = createLogger({ level: 'info', sink: sink.write, now: () => 0 });
    const line = (i: number) => `record ${String(i).padStart(4, '0')} ${'x'.repeat(80)}`;
    for (let i = 0; i < 300; i++) logger.info(line(i));

    expect(readdirSync(dir).sort()).toEqual(['main.log', 'main.old.log']);
    const lineBytes = Buffer.byteLength(
      `${formatRecord({ level: 'info', message: line(0), time: 0 })}\n`,
    );
    expect(statSync(join(dir, 'main.log')).size).toBeLessThanOrEqual(maxBytes + lineBytes);
    expect(statSync(join(dir, 'main.old.log')).size).toBeLessThanOrEqual(maxBytes + lineBytes);
    expect(read()).toContain(line(299));
    // Nothing is lost across one rotation: the old file ends where the current one starts.
    const oldLast = Number(
      /record (\d+)/.exec(read('main.old.log').trim().split('\n').at(-1) ?? '')?.[1],
    );
    const newFirst = Number(/record (\d+)/.exec(read().split('\n')[0] ?? '')?.[1]);
    expect(newFirst).toBe(oldLast + 1);
  });

  it('keeps one record per line whatever the message holds', () => {
    const sink = createFileSink({ dir });
    sink.write({ level: 'warn', message: 'a\nERROR forged\r\nline', time: 0 });
    expect(read().trim().split('\n')).toEqual([
      '1970-01-01T00:00:00.000Z WARN a\\nERROR forged\\nline',
    ]);
  });

  it('feeds the file and the console alike through combineSinks', () => {
    const seen: LogRecord[] = [];
    const sink = createFileSink({ dir });
    const logger = createLogger({ sink: combineSinks(sink.write, (r) => seen.push(r)) });
    logger.warn('both');
    expect(seen.map((r) => r.message)).toEqual(['both']);
    expect(read()).toContain('WARN both');
  });
});

function eol(): string {
  return process.platform === 'win32' ? '\r\n' : '\n';
}
