// Tests for scripts/electron-binary.mjs, the one binary lookup shared by `npm start` and the
// Electron e2e project (it lives in scripts/; Vitest collects tests under main/).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  electronBinaryPath,
  electronLaunchArgs,
  linuxSandboxFacts,
  npmCommand,
  USERNS_SYSCTL,
} from '../scripts/electron-binary.mjs';

const PKG = { win32: 'C:\\app\\node_modules\\electron', other: '/app/node_modules/electron' };
const PATH_TXT = {
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
  linux: 'electron',
};

describe('electronBinaryPath', () => {
  const cases: {
    name: string;
    platform: 'win32' | 'darwin' | 'linux';
    override?: string;
    pathTxt: boolean;
    present: string[];
    expected: string | null;
  }[] = [
    {
      name: 'Windows, from path.txt',
      platform: 'win32',
      pathTxt: true,
      present: ['C:\\app\\node_modules\\electron\\dist\\electron.exe'],
      expected: 'C:\\app\\node_modules\\electron\\dist\\electron.exe',
    },
    {
      name: 'Windows, override folder',
      platform: 'win32',
      override: 'D:\\electron-dist',
      pathTxt: true,
      present: ['D:\\electron-dist\\electron.exe'],
      expected: 'D:\\electron-dist\\electron.exe',
    },
    {
      name: 'macOS, from path.txt: the binary inside Electron.app',
      platform: 'darwin',
      pathTxt: true,
      present: ['/app/node_modules/electron/dist/Electron.app/Contents/MacOS/Electron'],
      expected: '/app/node_modules/electron/dist/Electron.app/Contents/MacOS/Electron',
    },
    {
      name: 'macOS, override folder holds Electron.app',
      platform: 'darwin',
      override: '/opt/electron',
      pathTxt: false,
      present: ['/opt/electron/Electron.app/Contents/MacOS/Electron'],
      expected: '/opt/electron/Electron.app/Contents/MacOS/Electron',
    },
    {
      name: 'Linux, from path.txt',
      platform: 'linux',
      pathTxt: true,
      present: ['/app/node_modules/electron/dist/electron'],
      expected: '/app/node_modules/electron/dist/electron',
    },
    {
      name: 'Linux, override folder',
      platform: 'linux',
      override: '/opt/electron',
      pathTxt: true,
      present: ['/opt/electron/electron'],
      expected: '/opt/electron/electron',
    },
    {
      name: 'Linux, override set but empty of Electron: absent, not the packaged copy',
      platform: 'linux',
      override: '/opt/electron',
      pathTxt: true,
      present: ['/app/node_modules/electron/dist/electron'],
      expected: null,
    },
    {
      name: 'Linux, never downloaded (no path.txt, no dist)',
      platform: 'linux',
      pathTxt: false,
      present: [],
      expected: null,
    },
    {
      name: 'macOS, path.txt written but the download did not finish',
      platform: 'darwin',
      pathTxt: true,
      present: [],
      expected: null,
    },
  ];

  it.each(cases)('$name', ({ platform, override, pathTxt, present, expected }) => {
    const packageDir = platform === 'win32' ? PKG.win32 : PKG.other;
    const found = electronBinaryPath({
      platform,
      env: override ? { ELECTRON_OVERRIDE_DIST_PATH: override } : {},
      packageDir,
      exists: (file) => present.includes(file),
      readText: (file) => (pathTxt && file.endsWith('path.txt') ? `${PATH_TXT[platform]}\n` : null),
    });
    expect(found).toBe(expected);
  });

  it('finds nothing on a platform Electron does not build for, or without the package', () => {
    const base = { env: {}, exists: () => true, readText: () => null };
    expect(electronBinaryPath({ ...base, platform: 'aix', packageDir: '/x' })).toBeNull();
    expect(electronBinaryPath({ ...base, platform: 'linux', packageDir: null })).toBeNull();
  });
});

describe('electronLaunchArgs', () => {
  it.each([
    { platform: 'linux', uid: 0, expected: ['/app', '--no-sandbox'] },
    { platform: 'linux', uid: 1000, expected: ['/app'] },
    { platform: 'darwin', uid: 0, expected: ['/app'] },
    { platform: 'darwin', uid: 501, expected: ['/app'] },
    { platform: 'win32', uid: null, expected: ['/app'] },
  ])('$platform as uid $uid: $expected', ({ platform, uid, expected }) => {
    expect(electronLaunchArgs({ platform, uid, appDir: '/app' })).toEqual(expected);
  });

  // Ubuntu 24.04+: AppArmor restricts unprivileged user namespaces, so an unprivileged `npm start`
  // aborts unless chrome-sandbox is setuid root (electron/electron#41066).
  it.each([
    {
      name: 'Ubuntu 24.04, helper as npm installed it',
      restricted: true,
      setuid: false,
      uid: 1000,
      flag: true,
    },
    {
      name: 'Ubuntu 24.04, helper made setuid root',
      restricted: true,
      setuid: true,
      uid: 1000,
      flag: false,
    },
    { name: 'user namespaces allowed', restricted: false, setuid: false, uid: 1000, flag: false },
    {
      name: 'user namespaces allowed, setuid helper',
      restricted: false,
      setuid: true,
      uid: 1000,
      flag: false,
    },
    { name: 'root, setuid helper', restricted: false, setuid: true, uid: 0, flag: true },
    { name: 'root on Ubuntu 24.04', restricted: true, setuid: false, uid: 0, flag: true },
  ])('Linux, $name: --no-sandbox $flag', ({ restricted, setuid, uid, flag }) => {
    const args = electronLaunchArgs({
      platform: 'linux',
      uid,
      appDir: '/app',
      usernsRestricted: restricted,
      sandboxHelperSetuidRoot: setuid,
    });
    expect(args).toEqual(flag ? ['/app', '--no-sandbox'] : ['/app']);
  });

  it.each(['darwin', 'win32'])('%s never gets --no-sandbox, whatever the facts say', (platform) => {
    const args = electronLaunchArgs({
      platform,
      uid: 0,
      appDir: '/app',
      usernsRestricted: true,
      sandboxHelperSetuidRoot: false,
    });
    expect(args).toEqual(['/app']);
  });
});

describe('linuxSandboxFacts', () => {
  const BINARY = '/app/node_modules/electron/dist/electron';
  const HELPER = '/app/node_modules/electron/dist/chrome-sandbox';
  it.each([
    {
      name: 'sysctl 1, helper 0755 root',
      sysctl: '1\n',
      helper: { uid: 0, mode: 0o100755 },
      expected: [true, false],
    },
    {
      name: 'sysctl 1, helper 4755 root',
      sysctl: '1\n',
      helper: { uid: 0, mode: 0o104755 },
      expected: [true, true],
    },
    {
      name: 'sysctl 1, helper 4755 owned by a user',
      sysctl: '1',
      helper: { uid: 1000, mode: 0o104755 },
      expected: [true, false],
    },
    {
      name: 'sysctl 0',
      sysctl: '0\n',
      helper: { uid: 0, mode: 0o100755 },
      expected: [false, false],
    },
    {
      name: 'no such sysctl (not Ubuntu)',
      sysctl: null,
      helper: { uid: 0, mode: 0o104755 },
      expected: [false, true],
    },
    { name: 'no helper', sysctl: '1', helper: null, expected: [true, false] },
  ] as const)('$name', ({ sysctl, helper, expected }) => {
    const facts = linuxSandboxFacts({
      binary: BINARY,
      readText: (file) => (file === USERNS_SYSCTL ? sysctl : null),
      stat: (file) => (file === HELPER ? helper : null),
    });
    expect([facts.usernsRestricted, facts.sandboxHelperSetuidRoot]).toEqual(expected);
  });

  it('without a binary there is no helper to look at', () => {
    expect(
      linuxSandboxFacts({
        binary: null,
        readText: () => '1',
        stat: () => ({ uid: 0, mode: 0o104755 }),
      }),
    ).toEqual({ usernsRestricted: true, sandboxHelperSetuidRoot: false });
  });
});

describe('the packaged app keeps its sandbox', () => {
  it.each([
    'main/index.ts',
    'main/window.ts',
    'main/window-factory.ts',
    ...readdirSync(new URL('.', import.meta.url))
      .filter((f) => /^desktop-.*\.ts$/.test(f) && !f.endsWith('.test.ts'))
      .map((f) => `main/${f}`),
  ])('%s never turns the sandbox off', (file) => {
    const source = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
    expect(source).not.toMatch(/no-sandbox|appendSwitch\(\s*['"]no-sandbox/);
    expect(source).not.toMatch(/sandbox:\s*false/);
  });
});

describe('npmCommand', () => {
  const execPath = '/usr/bin/node';
  it.each([
    {
      name: 'Windows under npm: node + npm-cli.js, no shell (spawning npm.cmd gives EINVAL)',
      platform: 'win32',
      env: { npm_execpath: 'C:\\npm\\bin\\npm-cli.js' },
      expected: { command: execPath, prefixArgs: ['C:\\npm\\bin\\npm-cli.js'], shell: false },
    },
    {
      name: 'Linux under npm: the same npm that started us',
      platform: 'linux',
      env: { npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js' },
      expected: {
        command: execPath,
        prefixArgs: ['/usr/lib/node_modules/npm/bin/npm-cli.js'],
        shell: false,
      },
    },
    {
      name: 'Windows outside npm: npm.cmd through a shell',
      platform: 'win32',
      env: {},
      expected: { command: 'npm.cmd', prefixArgs: [], shell: true },
    },
    {
      name: 'macOS outside npm: npm on the PATH',
      platform: 'darwin',
      env: {},
      expected: { command: 'npm', prefixArgs: [], shell: false },
    },
    {
      name: 'a non-JavaScript npm_execpath is not run with Node',
      platform: 'linux',
      env: { npm_execpath: '/usr/local/bin/bun' },
      expected: { command: 'npm', prefixArgs: [], shell: false },
    },
  ])('$name', ({ platform, env, expected }) => {
    expect(npmCommand({ platform, env, execPath })).toEqual(expected);
  });
});

describe('one lookup for npm start and the e2e project', () => {
  const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
  it.each(['scripts/start.mjs', 'e2e/electron-binary.ts'])(
    '%s uses scripts/electron-binary.mjs and has no copy of its own',
    (file) => {
      const source = read(file);
      expect(source).toMatch(/from '\.\.?\/(scripts\/)?electron-binary\.mjs'/);
      expect(source).not.toContain('path.txt');
      expect(source).not.toMatch(/spawnSync\('npm'/);
    },
  );
});

describe('e2e paths and launch', () => {
  const e2eFiles = readdirSync(new URL('../e2e', import.meta.url)).filter((f) => f.endsWith('.ts'));
  it.each(e2eFiles)(
    'e2e/%s turns file URLs into paths with fileURLToPath, not URL.pathname',
    (file) => {
      // URL.pathname keeps %20 for a space and gives /C:/… on Windows.
      const source = readFileSync(new URL(`../e2e/${file}`, import.meta.url), 'utf8');
      expect(source).not.toMatch(/import\.meta\.url\)\.pathname/);
    },
  );

  it('the Electron fixture launches with the shared launch arguments', () => {
    const fixtures = readFileSync(new URL('../e2e/fixtures.ts', import.meta.url), 'utf8');
    expect(fixtures).toContain('args: launchArgs(ROOT)');
  });
});
