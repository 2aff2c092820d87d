/**
 * Start at login (watch preference `startAtLogin`; docs/security.md, S26). macOS and Windows
 * have Electron's login-item API; Linux has none, so the app writes an XDG autostart entry
 * (`$XDG_CONFIG_HOME/autostart/<name>.desktop`) and removes it when turned off. A start at login
 * passes `--hidden` (Windows, Linux) or is reported by the login-item API (macOS): the app then
 * starts in the tray without its window, if the user chose to keep watching. Plain Node: Electron's
 * `app` is handed in by main/desktop-services.ts.
 */
import { mkdir, rm } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { ApplyLoginItem } from './watch/types';

/** The argument a start at login carries: start in the tray, without the window. */
export const HIDDEN_ARG = '--hidden';

/** Characters that make an Exec argument need quotes (Desktop Entry spec, "The Exec key"). */
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/** One Exec argument, quoted and escaped as the Desktop Entry spec says. */
export function execArgument(arg: string): string {
  const quoted = arg === '' || RESERVED.test(arg) ? `"${arg.replace(/["`$\\]/g, '\\$&')}"` : arg;
  // A literal % would start a field code (%f, %u…).
  return quoted.replaceAll('%', '%%');
}

/**
 * A value of type string in a desktop entry: backslash, newline, tab and carriage return
 * escaped. For Exec this comes after the argument quoting (a literal backslash inside a quoted
 * argument ends up as four).
 */
export function desktopString(value: string): string {
  return value.replace(/[\\\n\t\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\t' ? '\\t' : '\\r',
  );
}

/** The autostart desktop entry that runs `command` at login. */
export function autostartEntry(opts: { name: string; command: string[]; icon: string }): string {
  const exec = opts.command.map(execArgument).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${desktopString(opts.name)}`,
    `Comment=${desktopString('Watches your Wyze cameras from the tray')}`,
    `Exec=${desktopString(exec)}`,
    `Icon=${desktopString(opts.icon)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Where autostart entries go: `$XDG_CONFIG_HOME/autostart`, by default `~/.config/autostart`. */
export function autostartDir(env: Record<string, string | undefined>, home: string): string {
  const configHome = env.XDG_CONFIG_HOME;
  // The spec: a relative XDG_CONFIG_HOME is invalid and is ignored.
  const base = configHome && isAbsolute(configHome) ? configHome : join(home, '.config');
  return join(base, 'autostart');
}

/**
 * The command that starts this app at login: the AppImage when running from one (its mounted
 * executable is gone after exit), else the executable; in development, Electron and the app's
 * folder.
 */
export function launchCommand(opts: {
  execPath: string;
  appImage: string | undefined;
  isPackaged: boolean;
  appPath: string;
}): string[] {
  if (opts.appImage) return [opts.appImage, HIDDEN_ARG];
  return opts.isPackaged ? [opts.execPath, HIDDEN_ARG] : [opts.execPath, opts.appPath, HIDDEN_ARG];
}

/** Writes (on) or removes (off) the autostart entry; either is a no-op when already so. */
export function xdgAutostart(opts: {
  dir: string;
  fileName: string;
  entry: string;
}): ApplyLoginItem {
  const file = join(opts.dir, opts.fileName);
  return async (openAtLogin) => {
    if (!openAtLogin) {
      await rm(file, { force: true });
      return;
    }
    await mkdir(opts.dir, { recursive: true });
    await writeFileAtomic(file, opts.entry, { mode: 0o644 });
  };
}

/** The part of Electron's `app` the login item uses. */
export interface LoginItemApp {
  setLoginItemSettings(settings: {
    openAtLogin: boolean;
    openAsHidden?: boolean;
    args?: string[];
  }): void;
}

/**
 * Start at login for this platform: the login-item API on macOS and Windows, the autostart entry
 * on Linux; nothing elsewhere.
 */
export function createApplyLoginItem(opts: {
  platform: NodeJS.Platform;
  app: LoginItemApp;
  linux: ApplyLoginItem;
}): ApplyLoginItem {
  switch (opts.platform) {
    case 'darwin':
      // openAsHidden is ignored from macOS 13; wasOpenedAtLogin tells the app at launch instead.
      return async (openAtLogin) =>
        opts.app.setLoginItemSettings({ openAtLogin, openAsHidden: true });
    case 'win32':
      return async (openAtLogin) =>
        opts.app.setLoginItemSettings({ openAtLogin, args: [HIDDEN_ARG] });
    case 'linux':
      return opts.linux;
    default:
      return async () => undefined;
  }
}

/**
 * Whether to start in the tray without the window: only for a start at login, and only when the
 * user chose to keep watching with the window closed (otherwise the app would run unseen and
 * unwatched, so the window shows as usual).
 */
export function startHidden(opts: {
  argv: readonly string[];
  /** macOS: app.getLoginItemSettings().wasOpenedAtLogin; elsewhere false. */
  wasOpenedAtLogin: boolean;
  keepWatchingWhenClosed: boolean | null;
}): boolean {
  const atLogin = opts.wasOpenedAtLogin || opts.argv.includes(HIDDEN_ARG);
  return atLogin && opts.keepWatchingWhenClosed === true;
}
