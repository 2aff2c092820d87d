// The one place that finds Electron's binary and decides how to launch it, shared by `npm start`
// (scripts/start.mjs) and the Electron e2e project (e2e/electron-binary.ts). Every decision is a
// pure function of its inputs so main/electron-binary.test.ts can table-test all three platforms.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The executable inside an Electron distribution, per platform (as electron's own install.js
 * writes it to path.txt).
 * @param {string} platform a `process.platform` value
 * @returns {string | null} null where Electron publishes no build
 */
export function executableInDist(platform) {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return 'electron';
    default:
      return null;
  }
}

/**
 * Where Electron's binary is, without triggering its first-launch download.
 * `ELECTRON_OVERRIDE_DIST_PATH` (a folder holding an unpacked Electron) wins, as in electron's
 * own index.js; otherwise `path.txt` in the electron package names the file under `dist/`.
 * @param {{
 *   platform: string,
 *   env: Record<string, string | undefined>,
 *   packageDir: string | null,
 *   exists: (file: string) => boolean,
 *   readText: (file: string) => string | null,
 * }} input
 * @returns {string | null} the binary, or null when it is not on this machine
 */
export function electronBinaryPath({ platform, env, packageDir, exists, readText }) {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const executable = executableInDist(platform);
  if (!executable) return null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const bin = paths.join(override, executable);
    return exists(bin) ? bin : null;
  }
  if (!packageDir) return null;
  const named = readText(paths.join(packageDir, 'path.txt'))?.trim();
  const bin = paths.join(packageDir, 'dist', named || executable);
  return exists(bin) ? bin : null;
}

/**
 * Arguments to start the unpackaged app in `appDir` (`npm start`, the Electron e2e project; the
 * packaged app never goes through this file). Chromium's sandbox on Linux needs unprivileged user
 * namespaces or a setuid-root `chrome-sandbox` helper, and Electron aborts at start when it has
 * neither, so `--no-sandbox` is added in exactly those cases and nowhere else:
 * - as root (CI containers), where Chromium refuses to run its sandbox;
 * - where AppArmor restricts unprivileged user namespaces
 *   (`kernel.apparmor_restrict_unprivileged_userns = 1`, the default since Ubuntu 24.04) and the
 *   helper npm installed is not setuid root (electron/electron#41066). Making it setuid root
 *   (`sudo chown root:root …/chrome-sandbox && sudo chmod 4755 …/chrome-sandbox`) keeps the
 *   sandbox on: the flag is then left out.
 * @param {{
 *   platform: string,
 *   uid: number | null,
 *   appDir: string,
 *   usernsRestricted?: boolean,
 *   sandboxHelperSetuidRoot?: boolean,
 * }} input
 * @returns {string[]}
 */
export function electronLaunchArgs({
  platform,
  uid,
  appDir,
  usernsRestricted = false,
  sandboxHelperSetuidRoot = false,
}) {
  if (platform !== 'linux') return [appDir];
  const asRoot = uid === 0;
  const noSandboxWorks = usernsRestricted && !sandboxHelperSetuidRoot;
  return [appDir, ...(asRoot || noSandboxWorks ? ['--no-sandbox'] : [])];
}

/** The sysctl Ubuntu (23.10+) uses to restrict unprivileged user namespaces through AppArmor. */
export const USERNS_SYSCTL = '/proc/sys/kernel/apparmor_restrict_unprivileged_userns';

/**
 * What `electronLaunchArgs` needs to know about the Linux sandbox, read through injected file
 * access: whether AppArmor restricts user namespaces, and whether the `chrome-sandbox` helper
 * beside `binary` is owned by root with the setuid bit.
 * @param {{
 *   binary: string | null,
 *   readText: (file: string) => string | null,
 *   stat: (file: string) => { uid: number, mode: number } | null,
 * }} input
 * @returns {{ usernsRestricted: boolean, sandboxHelperSetuidRoot: boolean }}
 */
export function linuxSandboxFacts({ binary, readText, stat }) {
  const usernsRestricted = readText(USERNS_SYSCTL)?.trim() === '1';
  const helper = binary
    ? stat(path.posix.join(path.posix.dirname(binary), 'chrome-sandbox'))
    : null;
  const sandboxHelperSetuidRoot =
    helper !== null && helper.uid === 0 && (helper.mode & 0o4000) !== 0;
  return { usernsRestricted, sandboxHelperSetuidRoot };
}

/**
 * How to run npm from a script that npm started. Since Node 20.12.2, spawning `npm` (a .cmd on
 * Windows) without a shell fails with EINVAL, so run npm's own JavaScript entry point
 * (`npm_execpath`) with the current Node instead. Outside npm, fall back to `npm` through a shell
 * on Windows and directly elsewhere.
 * @param {{ platform: string, env: Record<string, string | undefined>, execPath: string }} input
 * @returns {{ command: string, prefixArgs: string[], shell: boolean }}
 */
export function npmCommand({ platform, env, execPath }) {
  const cli = env.npm_execpath;
  if (cli && /\.(c|m)?js$/i.test(cli))
    return { command: execPath, prefixArgs: [cli], shell: false };
  if (platform === 'win32') return { command: 'npm.cmd', prefixArgs: [], shell: true };
  return { command: 'npm', prefixArgs: [], shell: false };
}

/** The electron package's folder, or null when it is not installed. */
function electronPackageDir() {
  try {
    const require = createRequire(import.meta.url);
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * Electron's binary on this machine, if it is there.
 * @returns {string | null}
 */
export function electronBinary() {
  return electronBinaryPath({
    platform: process.platform,
    env: process.env,
    packageDir: electronPackageDir(),
    exists: existsSync,
    readText: readTextOrNull,
  });
}

/** A file's text, or null when it cannot be read. */
function readTextOrNull(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Arguments to launch the app at `appDir` on this machine.
 * @param {string} appDir
 * @returns {string[]}
 */
export function launchArgs(appDir) {
  const facts =
    process.platform === 'linux'
      ? linuxSandboxFacts({
          binary: electronBinary(),
          readText: readTextOrNull,
          stat: (file) => {
            try {
              const { uid, mode } = statSync(file);
              return { uid, mode };
            } catch {
              return null;
            }
          },
        })
      : {};
  return electronLaunchArgs({
    platform: process.platform,
    uid: typeof process.getuid === 'function' ? process.getuid() : null,
    appDir,
    ...facts,
  });
}
