import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger';
import type { LogRecord } from '../logging/logger';
import { openSettings } from './settings';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wyzecam-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const PHONE_ID = '3f2a6c1e-8b4d-4e2f-9a7c-5d1e0b9f8a21';

describe('settings survive what the disk holds', () => {
  it.each([
    ['a window too small', { window: { x: 0, y: 0, width: 1, height: 1, maximized: false } }],
    ['an e-mail that is not a string', { lastEmail: 42 }],
    ['a window that is not an object', { window: 'wide' }],
  ])('%s keeps the phone_id and the other settings', async (_name, bad) => {
    const file = join(dir, 'settings.json');
    writeFileSync(
      file,
      JSON.stringify({ phoneId: PHONE_ID, lastEmail: 'a@b.c', window: null, ...bad }),
    );
    const settings = await openSettings(dir);
    expect(settings.get().phoneId).toBe(PHONE_ID);
    if (!('lastEmail' in bad)) expect(settings.get().lastEmail).toBe('a@b.c');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ phoneId: PHONE_ID });
  });

  it('an invalid phone_id is replaced by a new one, not kept', async () => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ phoneId: 'not-a-uuid' }));
    const settings = await openSettings(dir);
    expect(settings.get().phoneId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a folder that cannot be written still opens, for this run, and says so in the log', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    const logs: LogRecord[] = [];
    const logger = createLogger({ level: 'debug', sink: (r) => logs.push(r) });
    // Its parent is a file, so nothing can be created under it, not even by root.
    const settings = await openSettings(join(blocker, 'profile'), { logger });
    await settings.update({ lastEmail: 'x@y.z' }).catch(() => undefined);
    expect(settings.get().phoneId).toMatch(/^[0-9a-f-]{36}$/);
    expect(logs.map((r) => r.message)).toContain(
      'could not write the settings file; settings hold for this run only',
    );
  });
});
