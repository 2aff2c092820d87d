import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../common/ipc';
import { defaultViewPrefs } from '../../common/prefs';
import type { Inventory } from '../cameras/inventory';
import { createHandlers } from '../ipc/handlers';
import { createIpcRouter } from '../ipc/router';
import { createLogger } from '../logging/logger';
import { appOrigins, isTrustedSender } from '../policy';
import type { SessionService } from './session';
import { openSettings } from './settings';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wyzecam-look-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const app = { url: 'app://wyzecam/index.html', isMainFrame: true };

async function routerOver(userDataDir: string) {
  const settings = await openSettings(userDataDir);
  const intervals: number[] = [];
  // Only the refresh interval is reached by the settings channels.
  const inventory: Pick<Inventory, 'setRefreshInterval'> = {
    setRefreshInterval: (seconds) => {
      intervals.push(seconds);
    },
  };
  const router = createIpcRouter({
    handlers: createHandlers({
      session: {} as SessionService,
      inventory: inventory as Inventory,
      settings,
      openExternal: async () => undefined,
    }),
    isTrustedSender: isTrustedSender(appOrigins()),
    logger: createLogger({ sink: () => undefined }),
  });
  return { router, intervals };
}

describe('settings: theme and refresh interval (view:set-prefs)', () => {
  it('start as the system theme and one refresh a minute', () => {
    expect(defaultViewPrefs()).toMatchObject({ theme: 'system', refreshIntervalSec: 60 });
  });

  it('keep a theme and an interval on disk, and hand the interval to the inventory', async () => {
    const { router, intervals } = await routerOver(dir);
    const answer = await router.dispatch(app, CHANNELS.setViewPrefs, {
      theme: 'dark',
      refreshIntervalSec: 300,
    });
    expect(answer).toMatchObject({ ok: true, value: { theme: 'dark', refreshIntervalSec: 300 } });
    expect(intervals).toEqual([300]);
    const onDisk = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as {
      viewPrefs: unknown;
    };
    expect(onDisk.viewPrefs).toMatchObject({ theme: 'dark', refreshIntervalSec: 300 });
  });

  it('are on disk once flushed, even when the change was not waited for (a quit right after)', async () => {
    const settings = await openSettings(dir);
    const answered = await settings.flushed(); // nothing queued: resolves at once
    expect(answered).toBeUndefined();
    void settings.setViewPrefs({ theme: 'dark' });
    // What main answers at once, before the file is written.
    expect(settings.viewPrefs().theme).toBe('dark');
    await settings.flushed();
    const onDisk = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as {
      viewPrefs: { theme: string };
    };
    expect(onDisk.viewPrefs.theme).toBe('dark');
    expect((await openSettings(dir)).viewPrefs().theme).toBe('dark');
  });

  it('leave the inventory alone when the interval is not part of the change', async () => {
    const { router, intervals } = await routerOver(dir);
    await router.dispatch(app, CHANNELS.setViewPrefs, { theme: 'light' });
    expect(intervals).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['an interval under a minute', { refreshIntervalSec: 59 }],
    ['a zero interval', { refreshIntervalSec: 0 }],
    ['a fractional interval', { refreshIntervalSec: 90.5 }],
    ['an interval over a day', { refreshIntervalSec: 86_401 }],
    ['an interval as text', { refreshIntervalSec: '120' }],
    ['NaN', { refreshIntervalSec: Number.NaN }],
    ['an unknown theme', { theme: 'solarized' }],
    ['a theme in capitals', { theme: 'Dark' }],
  ])('refuse %s with INVALID_ARGUMENT and change nothing', async (_what, patch) => {
    const { router, intervals } = await routerOver(dir);
    expect(await router.dispatch(app, CHANNELS.setViewPrefs, patch)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await router.dispatch(app, CHANNELS.getViewPrefs, undefined)).toEqual({
      ok: true,
      value: defaultViewPrefs(),
    });
    expect(intervals).toEqual([]);
  });

  it('read a file from before these settings as the defaults, keeping the rest', async () => {
    const phoneId = '6f1c1f3e-8d2a-4b8e-9c51-0d8f6a1e2b3c';
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({
        phoneId,
        lastEmail: null,
        window: null,
        viewPrefs: { groupBy: 'model', theme: 'neon', refreshIntervalSec: 1 },
      }),
    );
    const settings = await openSettings(dir);
    expect(settings.get().phoneId).toBe(phoneId);
    expect(settings.viewPrefs()).toMatchObject({
      groupBy: 'model',
      theme: 'system',
      refreshIntervalSec: 60,
    });
  });
});
