// `npm start` / `npm run demo`: builds and launches the desktop app. Electron 45+ downloads its
// binary on first launch; where that cannot happen, say so and point to the browser preview
// instead of hanging on a download.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const demo = process.argv.includes('--demo');

function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
      const name = process.platform === 'win32' ? 'electron.exe' : 'electron';
      const bin = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name);
      return existsSync(bin) ? bin : null;
    }
    if (!existsSync(pathFile)) return null;
    const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const bin = electronBinary();
if (!bin) {
  console.error(
    "Electron's binary is not on this machine, and it is fetched only on first launch, which needs\n" +
      'a download this machine cannot make. Run the same app in a browser instead:\n\n' +
      '  npm run preview\n\n' +
      '(With internet access, `npx install-electron` fetches the binary; then `npm start` works.)',
  );
  process.exit(1);
}

const build = spawnSync('npm', ['run', 'build:renderer', '--silent'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const buildMain = spawnSync('npm', ['run', 'build:electron', '--silent'], { stdio: 'inherit' });
if (buildMain.status !== 0) process.exit(buildMain.status ?? 1);

const env = { ...process.env, ...(demo ? { WYZECAM_DEMO: '1' } : {}) };
const child = spawn(bin, ['.'], { stdio: 'inherit', env });
child.on('exit', (code) => process.exit(code ?? 0));
