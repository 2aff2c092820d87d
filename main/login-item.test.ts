import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  HIDDEN_ARG,
  autostartDir,
  autostartEntry,
  createApplyLoginItem,
  desktopString,
  execArgument,
  launchCommand,
  startHidden,
  xdgAutostart,
} from './login-item';

describe('execArgument (Desktop Entry spec, "The Exec key")', () => {
  it.each([
    ['/usr/bin/wyzecam-desktop', '/usr/bin/wyzecam-desktop'],
    ['--hidden', '--hidden'],
    ['/home/me/My Apps/Wyzecam.AppImage', '"/home/me/My Apps/Wyzecam.AppImage"'],
    ['/opt/a"b', '"/opt/a\\"b"'],
    ['/opt/$HOME', '"/opt/\\$HOME"'],
    ['/opt/`id`', '"/opt/\\`id\\`"'],
    ['/opt/back\\slash', '"/opt/back\\\\slash"'],
    ["/opt/it's", '"/opt/it\'s"'],
    ['/opt/a;rm -rf ~', '"/opt/a;rm -rf ~"'],
    ['/opt/100%', '/opt/100%%'],
    ['/opt/%u here', '"/opt/%%u here"'],
    ['', '""'],
  ])('%j → %s', (arg, expected) => {
    expect(execArgument(arg)).toBe(expected);
  });
});

describe('desktopString', () => {
  it.each([
    ['plain', 'plain'],
    ['a\\b', 'a\\\\b'],
    ['line\nbreak', 'line\\nbreak'],
    ['tab\there', 'tab\\there'],
    ['cr\rhere', 'cr\\rhere'],
  ])('%j → %s', (value, expected) => {
    expect(desktopString(value)).toBe(expected);
  });
});

describe('autostartEntry', () => {
  it('runs the command at login, hidden, with no terminal', () => {
    const entry = autostartEntry({
      name: 'Wyzecam Desktop',
      command: ['/opt/Wyzecam Desktop/wyzecam-desktop', HIDDEN_ARG],
      icon: 'wyzecam-desktop',
    });
    const lines = entry.split('\n');
    expect(lines[0]).toBe('[Desktop Entry]');
    expect(lines).toContain('Type=Application');
    expect(lines).toContain('Name=Wyzecam Desktop');
    expect(lines).toContain('Exec="/opt/Wyzecam Desktop/wyzecam-desktop" --hidden');
    expect(lines).toContain('Icon=wyzecam-desktop');
    expect(lines).toContain('Terminal=false');
    expect(entry.endsWith('\n')).toBe(true);
  });

  it('a backslash in a quoted path is four in the file; a newline cannot start a new key', () => {
    const entry = autostartEntry({
      name: 'X\nExec=evil',
      command: ['/opt/a\\b c', HIDDEN_ARG],
      icon: 'x',
    });
    expect(entry.split('\n')).toContain('Exec="/opt/a\\\\\\\\b c" --hidden');
    expect(entry.split('\n').filter((line) => line.startsWith('Exec='))).toHaveLength(1);
    expect(entry).toContain('Name=X\\nExec=evil');
  });
});

describe('autostartDir', () => {
  it.each([
    [{ XDG_CONFIG_HOME: '/cfg' }, '/cfg/autostart'],
    [{}, '/home/me/.config/autostart'],
    [{ XDG_CONFIG_HOME: '' }, '/home/me/.config/autostart'],
    // A relative XDG_CONFIG_HOME is invalid per the spec and ignored.
    [{ XDG_CONFIG_HOME: 'relative/cfg' }, '/home/me/.config/autostart'],
  ])('%j → %s', (env, expected) => {
    expect(autostartDir(env, '/home/me')).toBe(expected);
  });
});

describe('launchCommand', () => {
  const base = { execPath: '/opt/w/wyzecam-desktop', appImage: undefined, appPath: '/src/app' };
  it.each([
    [{ ...base, isPackaged: true }, ['/opt/w/wyzecam-desktop', HIDDEN_ARG]],
    // The AppImage's own path: the mounted executable is gone once the app exits.
    [
      { ...base, isPackaged: true, appImage: '/home/me/Wyzecam.AppImage' },
      ['/home/me/Wyzecam.AppImage', HIDDEN_ARG],
    ],
    [{ ...base, isPackaged: false }, ['/opt/w/wyzecam-desktop', '/src/app', HIDDEN_ARG]],
  ])('%j', (opts, expected) => {
    expect(launchCommand(opts)).toEqual(expected);
  });
});

describe('xdgAutostart', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'autostart-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes the entry (creating the folder), idempotently, and removes it when turned off', async () => {
    const dir = join(root, 'config', 'autostart');
    const apply = xdgAutostart({ dir, fileName: 'wyzecam-desktop.desktop', entry: 'ENTRY\n' });
    const file = join(dir, 'wyzecam-desktop.desktop');

    await apply(true);
    await apply(true);
    expect(await readFile(file, 'utf8')).toBe('ENTRY\n');
    expect((await stat(file)).mode & 0o777).toBe(0o644);
    expect(await readdir(dir)).toEqual(['wyzecam-desktop.desktop']);

    await apply(false);
    await apply(false);
    expect(await readdir(dir)).toEqual([]);
  });

  it('replaces an entry left by an older version, and leaves other apps’ entries alone', async () => {
    const dir = join(root, 'autostart');
    const apply = xdgAutostart({ dir, fileName: 'wyzecam-desktop.desktop', entry: 'NEW\n' });
    await apply(true);
    await writeFile(join(dir, 'wyzecam-desktop.desktop'), 'OLD\n');
    await writeFile(join(dir, 'other.desktop'), 'OTHER\n');
    await apply(true);
    expect(await readFile(join(dir, 'wyzecam-desktop.desktop'), 'utf8')).toBe('NEW\n');
    await apply(false);
    expect(await readdir(dir)).toEqual(['other.desktop']);
  });

  it('turning off with no folder at all is fine', async () => {
    const apply = xdgAutostart({ dir: join(root, 'none'), fileName: 'x.desktop', entry: '' });
    await expect(apply(false)).resolves.toBeUndefined();
  });
});

describe('createApplyLoginItem', () => {
  it.each([
    ['darwin', { openAtLogin: true, openAsHidden: true }],
    ['win32', { openAtLogin: true, args: [HIDDEN_ARG] }],
  ] as const)('%s uses the login-item API', async (platform, settings) => {
    const app = { setLoginItemSettings: vi.fn() };
    const linux = vi.fn(async () => undefined);
    const apply = createApplyLoginItem({ platform, app, linux });
    await apply(true);
    await apply(false);
    expect(app.setLoginItemSettings.mock.calls).toEqual([
      [settings],
      [{ ...settings, openAtLogin: false }],
    ]);
    expect(linux).not.toHaveBeenCalled();
  });

  it('linux writes the autostart entry instead', async () => {
    const app = { setLoginItemSettings: vi.fn() };
    const linux = vi.fn(async () => undefined);
    await createApplyLoginItem({ platform: 'linux', app, linux })(true);
    expect(linux).toHaveBeenCalledWith(true);
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });
});

describe('startHidden', () => {
  it.each([
    [[HIDDEN_ARG], false, true, true],
    [[], true, true, true],
    // Not started at login: the window shows.
    [[], false, true, false],
    // Started at login, but the user never chose to keep watching: the window shows.
    [[HIDDEN_ARG], false, null, false],
    [[HIDDEN_ARG], true, false, false],
  ])('argv %j, opened at login %s, keep watching %s → %s', (argv, atLogin, keep, expected) => {
    expect(startHidden({ argv, wasOpenedAtLogin: atLogin, keepWatchingWhenClosed: keep })).toBe(
      expected,
    );
  });
});
