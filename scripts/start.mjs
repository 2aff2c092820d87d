// `npm start` / `npm run demo`: builds and launches the desktop app. Electron 45+ downloads its
// binary on first launch; where that cannot happen, say so and point to the browser preview
// instead of hanging on a download.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { electronBinary, launchArgs, npmCommand } from './electron-binary.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const demo = process.argv.includes('--demo');

const bin = electronBinary();
if (!bin) {
  console.error(
    "Electron's binary is not on this machine, and it is fetched only on first launch, which needs\n" +
      'a download this machine cannot make. Run the same app in a browser instead:\n\n' +
      '  npm run preview\n\n' +
      '(With internet access, `npx --no install-electron` fetches the binary; then `npm start` works.)',
  );
  process.exit(1);
}

const npm = npmCommand({
  platform: process.platform,
  env: process.env,
  execPath: process.execPath,
});
for (const script of ['build:renderer', 'build:electron']) {
  const run = spawnSync(npm.command, [...npm.prefixArgs, 'run', script, '--silent'], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: npm.shell,
  });
  if (run.error) {
    console.error(`Could not run npm (${npm.command}): ${run.error.message}`);
    process.exit(1);
  }
  if (run.status !== 0) process.exit(run.status ?? 1);
}

const env = { ...process.env, ...(demo ? { WYZECAM_DEMO: '1' } : {}) };
const child = spawn(bin, launchArgs(ROOT), { stdio: 'inherit', env });
child.on('exit', (code) => process.exit(code ?? 0));
