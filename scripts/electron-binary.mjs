// The one place that finds Electron's binary and decides how to launch it, shared by `npm start`
// (scripts/start.mjs) and the Electron e2e project (e2e/electron-binary.ts). Every decision is a
// pure function of its inputs so main/electron-binary.test.ts can table-test all three platforms.
import { existsSync, readFileSync } from 'node:fs';
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
 * Arguments to start the app in `appDir`. Chromium refuses to run as root with its sandbox on
 * Linux (CI containers run as root), so `--no-sandbox` is added there and nowhere else.
 * @param {{ platform: string, uid: number | null, appDir: string }} input
 * @returns {string[]}
 */
export function electronLaunchArgs({ platform, uid, appDir }) {
  const asRoot = platform === 'linux' && uid === 0;
  return [appDir, ...(asRoot ? ['--no-sandbox'] : [])];
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
    readText: (file) => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return null;
      }
    },
  });
}

/**
 * Arguments to launch the app at `appDir` on this machine.
 * @param {string} appDir
 * @returns {string[]}
 */
export function launchArgs(appDir) {
  return electronLaunchArgs({
    platform: process.platform,
    uid: typeof process.getuid === 'function' ? process.getuid() : null,
    appDir,
  });
}
