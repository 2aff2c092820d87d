import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../common/ipc';
import { defaultViewPrefs, MAX_FILTER_VALUE_LENGTH, MAX_SEARCH_LENGTH } from '../../common/prefs';
import type { ViewPrefs } from '../../common/prefs';
import type { Inventory } from '../cameras/inventory';
import { createHandlers } from '../ipc/handlers';
import { createIpcRouter } from '../ipc/router';
import { createLogger } from '../logging/logger';
import { appOrigins, isTrustedSender } from '../policy';
import type { SessionService } from './session';
import { openSettings, readViewPrefs } from './settings';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wyzecam-prefs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const app = { url: 'app://wyzecam/index.html', isMainFrame: true };

async function routerOver(userDataDir: string) {
  const settings = await openSettings(userDataDir);
  const router = createIpcRouter({
    handlers: createHandlers({
      // Only the settings are reached by the view channels; the rest is never called.
      session: {} as SessionService,
      inventory: {} as Inventory,
      settings,
      openExternal: async () => undefined,
    }),
    isTrustedSender: isTrustedSender(appOrigins()),
    logger: createLogger({ sink: () => undefined }),
  });
  return { settings, router };
}

const settingsFile = () => join(dir, 'settings.json');
const stored = () => JSON.parse(readFileSync(settingsFile(), 'utf8')) as { viewPrefs: unknown };

describe('view preferences (view:get-prefs, view:set-prefs)', () => {
  it('start as the defaults and answer a change with the whole preferences, kept on disk', async () => {
    const { router } = await routerOver(dir);
    expect(await router.dispatch(app, CHANNELS.getViewPrefs, undefined)).toEqual({
      ok: true,
      value: defaultViewPrefs(),
    });
    const patch = {
      search: 'Caméra',
      sort: { column: 'ip', direction: 'descending' },
      groupBy: 'ssid',
    } as const;
    const expected: ViewPrefs = { ...defaultViewPrefs(), ...patch };
    expect(await router.dispatch(app, CHANNELS.setViewPrefs, patch)).toEqual({
      ok: true,
      value: expected,
    });
    expect(stored().viewPrefs).toEqual(expected);
    const again = await routerOver(dir);
    expect(await again.router.dispatch(app, CHANNELS.getViewPrefs, undefined)).toEqual({
      ok: true,
      value: expected,
    });
  });

  it.each([
    ['an unknown preference', { theme2: 'dark' }],
    ['a search past the limit', { search: 'x'.repeat(MAX_SEARCH_LENGTH + 1) }],
    ['a search that is not text', { search: 42 }],
    ['a null search', { search: null }],
    ['an unknown column', { sort: { column: 'password', direction: 'ascending' } }],
    ['an unknown direction', { sort: { column: 'name', direction: 'up' } }],
    ['a sort with an extra key', { sort: { column: 'name', direction: 'ascending', x: 1 } }],
    ['a partial filters object', { filters: { status: 'online' } }],
    [
      'an unknown status',
      {
        filters: { status: 'asleep', model: null, firmware: null, ssid: null, sharedWithMe: false },
      },
    ],
    [
      'a 10 kB filter value',
      {
        filters: {
          status: null,
          model: 'M'.repeat(10_000),
          firmware: null,
          ssid: null,
          sharedWithMe: false,
        },
      },
    ],
    [
      'an empty filter value',
      { filters: { status: null, model: '', firmware: null, ssid: null, sharedWithMe: false } },
    ],
    ['an unknown grouping', { groupBy: 'owner' }],
    ['a column twice', { columns: ['name', 'name'] }],
    ['too many columns', { columns: Array(50).fill('mac') }],
    ['an unknown mode', { mode: 'map' }],
    ['a prototype key', JSON.parse('{"__proto__":{"search":"x"}}')],
    ['an array', ['search']],
    ['a string', 'search=x'],
    ['null', null],
  ])('refuse %s, and change nothing', async (_name, patch) => {
    const { router, settings } = await routerOver(dir);
    const result = await router.dispatch(app, CHANNELS.setViewPrefs, patch);
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    });
    expect(settings.viewPrefs()).toEqual(defaultViewPrefs());
    expect(({} as Record<string, unknown>).search).toBeUndefined();
  });

  it('accept the longest Wi-Fi name main lets through (256 emoji), and no longer', async () => {
    const { router } = await routerOver(dir);
    const filters = (ssid: string) => ({
      filters: { status: null, model: null, firmware: null, ssid, sharedWithMe: false },
    });
    // 256 characters, 512 UTF-16 units: the bound is in characters, as main's is.
    const longest = '📷'.repeat(MAX_FILTER_VALUE_LENGTH);
    expect(await router.dispatch(app, CHANNELS.setViewPrefs, filters(longest))).toMatchObject({
      ok: true,
      value: filters(longest),
    });
    expect(
      await router.dispatch(app, CHANNELS.setViewPrefs, filters(`${longest}📷`)),
    ).toMatchObject({ ok: false });
  });

  it('treat a preference given as undefined as not given', async () => {
    const { settings } = await routerOver(dir);
    const after = await settings.setViewPrefs({ search: undefined, groupBy: 'model' });
    expect(after).toEqual({ ...defaultViewPrefs(), groupBy: 'model' });
  });

  it('accept an empty change and answer the preferences as they are', async () => {
    const { router } = await routerOver(dir);
    expect(await router.dispatch(app, CHANNELS.setViewPrefs, {})).toEqual({
      ok: true,
      value: defaultViewPrefs(),
    });
  });
});

describe('view preferences read from disk', () => {
  it.each([
    ['absent', undefined, defaultViewPrefs()],
    ['not an object', 'table', defaultViewPrefs()],
    ['null', null, defaultViewPrefs()],
    [
      'one bad preference among good ones',
      { search: 'yard', groupBy: 'owner', mode: 'pictures' },
      { ...defaultViewPrefs(), search: 'yard', mode: 'pictures' },
    ],
    [
      'an unknown preference (from a newer version)',
      { search: 'yard', later: true },
      { ...defaultViewPrefs(), search: 'yard' },
    ],
    ['a search past the limit', { search: 'x'.repeat(MAX_SEARCH_LENGTH + 1) }, defaultViewPrefs()],
  ])('%s: keeps what is valid, defaults the rest', async (_name, viewPrefs, expected) => {
    expect(readViewPrefs(viewPrefs)).toEqual(expected);
    writeFileSync(
      settingsFile(),
      JSON.stringify({
        phoneId: '0b7e0b0e-7f4c-4b8e-9b0a-2f6d1c3e4a5b',
        lastEmail: 'u@example.com',
        window: null,
        ...(viewPrefs === undefined ? {} : { viewPrefs }),
      }),
    );
    const settings = await openSettings(dir);
    expect(settings.viewPrefs()).toEqual(expected);
    // The other settings survive a bad preference.
    expect(settings.get().phoneId).toBe('0b7e0b0e-7f4c-4b8e-9b0a-2f6d1c3e4a5b');
    expect(settings.get().lastEmail).toBe('u@example.com');
  });

  it('keep a change for this run when the file cannot be written', async () => {
    const settings = await openSettings(dir);
    rmSync(dir, { recursive: true, force: true });
    // A file where the folder was: the write fails.
    writeFileSync(dir, 'not a folder');
    try {
      expect(await settings.setViewPrefs({ search: 'yard' })).toMatchObject({ search: 'yard' });
      expect(settings.viewPrefs().search).toBe('yard');
    } finally {
      rmSync(dir, { force: true });
    }
  });
});
