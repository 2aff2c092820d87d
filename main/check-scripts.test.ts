// scripts/check, scripts/bootstrap, scripts/with-display and scripts/with-netns: the Electron e2e
// project needs a display, and on a Linux machine without one the check must provide a virtual
// one; the live-view tests need a network namespace of their own.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
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

  it('installs the ip tool scripts/with-netns needs', () => {
    const packages = /PACKAGES=\(([\s\S]*?)\n\)/.exec(read('scripts/bootstrap'))?.[1] ?? '';
    const names = packages.split('\n').map((line) => line.trim().split(/\s+/)[0]);
    expect(names).toContain('iproute2');
  });
});

const isRoot = process.getuid?.() === 0;
const hasNetnsTools =
  spawnSync('sh', ['-c', 'command -v unshare && command -v ip'], { encoding: 'utf8' }).status === 0;

/** Runs `scripts/with-netns bash -c <script>` and answers what it printed. */
function inNetns(script: string, prefix: string[] = []): { stdout: string; stderr: string } {
  const [command = 'bash', ...args] = [
    ...prefix,
    'bash',
    'scripts/with-netns',
    'bash',
    '-c',
    script,
  ];
  const run = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  expect(run.status, run.stderr).toBe(0);
  return { stdout: run.stdout, stderr: run.stderr };
}

/** A TCP server on every address of this machine's own network, to be (not) reached from inside. */
async function listenOutside(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = createServer((socket) => socket.end('outside\n'));
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('scripts/with-netns', () => {
  const canUnshare = process.platform === 'linux' && isRoot && hasNetnsTools;

  it.runIf(canUnshare)('gives the command only loopback and its own veth pair', () => {
    const { stdout } = inNetns('ip -o link show | cut -d: -f2; echo "netns=$WYZECAM_NETNS"');
    const links = stdout
      .split('\n')
      .filter((line) => line && !line.startsWith('netns='))
      .map((line) => line.trim().split('@')[0]);
    expect(links.sort()).toEqual(['lo', 'wz0', 'wz1']);
    expect(stdout).toContain('netns=10.233.0.1');
  });

  it.runIf(canUnshare)('has loopback up, addresses on the veth and a default route on it', () => {
    const { stdout } = inNetns('ip -o -4 addr show; ip route show default');
    expect(stdout).toMatch(/\blo\s+inet 127\.0\.0\.1\/8/);
    expect(stdout).toMatch(/\bwz0\s+inet 10\.233\.0\.1\/24/);
    expect(stdout).toMatch(/\bwz1\s+inet 10\.233\.0\.2\/24/);
    expect(stdout).toMatch(/^default via 10\.233\.0\.2 dev wz0/m);
  });

  it.runIf(canUnshare)("reaches none of this machine's addresses, loopback included", async () => {
    const outside = await listenOutside();
    try {
      const addresses = Object.values(networkInterfaces())
        .flat()
        .filter((a) => a?.family === 'IPv4')
        .map((a) => a?.address ?? '');
      expect(addresses).toContain('127.0.0.1');
      // Sanity: from outside the namespace the server answers, so a refusal inside means something.
      const direct = spawnSync('bash', ['-c', `exec 3<>/dev/tcp/127.0.0.1/${outside.port}`]);
      expect(direct.status).toBe(0);
      // In parallel: an address off the veth fails only once its neighbour lookup gives up (~3 s).
      const probes = addresses
        .map(
          (a) =>
            `{ (exec 3<>/dev/tcp/${a}/${outside.port}) 2>/dev/null && echo "reached ${a}"; } &`,
        )
        .join(' ');
      const { stdout } = inNetns(`${probes} wait; echo done`);
      expect(stdout.trim()).toBe('done');
    } finally {
      await outside.close();
    }
  });

  it.runIf(process.platform === 'linux' && isRoot)(
    'runs the command without a namespace and says why when it cannot have one',
    () => {
      // setpriv drops to nobody: the script must not try unshare, and must still run the command.
      const { stdout, stderr } = inNetns(
        'printf "%s|%s" "$WYZECAM_NO_NETNS" "${WYZECAM_NETNS:-unset}"',
        ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'],
      );
      expect(stdout).toBe('unshare -n needs root (running as nobody)|unset');
      expect(stderr).toContain('running without a private network namespace');
    },
  );

  it('passes the exit status of its command through', () => {
    const run = spawnSync('bash', ['scripts/with-netns', 'bash', '-c', 'exit 7'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(7);
  });
});

describe('npm test and npm run bench', () => {
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

  it('runs the unit and end-to-end tests in the namespace, and npm audit (the registry) outside it', () => {
    // Unit tests too: the emulated camera's Chromium proof (emulator/live/camera.chromium.test.ts)
    // needs the namespace's address, and skips without it.
    const steps = (scripts.test ?? '').split(' && ');
    expect(steps.slice(-2)).toEqual([
      'bash scripts/with-netns npm run test:unit',
      'bash scripts/with-netns npm run test:e2e',
    ]);
    const outside = steps.slice(0, -2);
    expect(outside).toContain('npm run audit');
    expect(outside.join(' ')).not.toContain('with-netns');
  });

  it('measures in the namespace', () => {
    expect(scripts.bench).toContain('bash scripts/with-netns dbus-run-session -- ');
  });
});
