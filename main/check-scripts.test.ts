// scripts/check, scripts/bootstrap and scripts/with-display: the Electron e2e project needs a
// display, and on a Linux machine without one the check must provide a virtual one.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string) => readFileSync(`${ROOT}/${file}`, 'utf8');
const hasXvfbRun =
  spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' }).status === 0;

/** Runs `scripts/with-display` with this environment and answers the DISPLAY its command saw. */
function displaySeen(env: Record<string, string>): string {
  const { PATH = '', HOME = '' } = process.env;
  const run = spawnSync(
    'bash',
    ['scripts/with-display', 'bash', '-c', 'printf %s "${DISPLAY:-none}"'],
    { cwd: ROOT, env: { PATH, HOME, ...env }, encoding: 'utf8', timeout: 30_000 },
  );
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('scripts/with-display', () => {
  it.runIf(process.platform === 'linux' && hasXvfbRun)(
    'starts a virtual X server when Linux has no display',
    () => {
      expect(displaySeen({})).toMatch(/^:\d+$/);
    },
  );

  it.runIf(process.platform === 'linux')('uses the display that is there', () => {
    expect(displaySeen({ DISPLAY: ':42' })).toBe(':42');
    expect(displaySeen({ WAYLAND_DISPLAY: 'wayland-0' })).toBe('none');
  });
});

describe('scripts/check and scripts/bootstrap', () => {
  it('runs the tests with a display, inside the private bus and keychain', () => {
    const lastLine = read('scripts/check').trim().split('\n').at(-1);
    expect(lastLine).toBe(
      'dbus-run-session -- bash scripts/with-display bash scripts/with-keyring npm test',
    );
  });

  it('installs xvfb-run and the xauth it needs', () => {
    const packages = /PACKAGES=\(([\s\S]*?)\n\)/.exec(read('scripts/bootstrap'))?.[1] ?? '';
    const names = packages.split('\n').map((line) => line.trim().split(/\s+/)[0]);
    expect(names).toEqual(expect.arrayContaining(['xvfb', 'xauth']));
  });
});
