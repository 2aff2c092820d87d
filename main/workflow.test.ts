// .github/workflows/ci.yml cannot run where the tests run: read it and check what each OS does.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  strategy?: { matrix: { os: string[]; include?: { os: string; container?: string }[] } };
  container?: { image: string; options?: string };
  env?: Record<string, string>;
  defaults?: { run?: { shell?: string } };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const packageScripts = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
const workflow = parse(
  readFileSync(new URL('../.github/workflows/ci.yml', import.meta.url), 'utf8'),
) as Workflow;
const OSES = { 'ubuntu-latest': 'Linux', 'windows-latest': 'Windows', 'macos-latest': 'macOS' };
type Os = keyof typeof OSES;
const [jobName, job] = Object.entries(workflow.jobs)[0] ?? [];

/**
 * Whether a step runs on a runner OS when everything passes. Knows `runner.os == / != '…'` and
 * `failure()` (only after a failure); any other condition fails the test rather than guess.
 */
function runsOn(step: Step, os: Os): boolean {
  if (step.if === undefined) return true;
  if (step.if.trim() === 'failure()') return false;
  const match = /^runner\.os (==|!=) '(\w+)'$/.exec(step.if.trim());
  if (!match) throw new Error(`cannot read the condition of "${step.name}": ${step.if}`);
  return (match[1] === '==') === (match[2] === OSES[os]);
}
const stepsOn = (os: Os) => (job?.steps ?? []).filter((step) => runsOn(step, os));
const indexOn = (os: Os, test: (step: Step) => boolean) => stepsOn(os).findIndex(test);
const runs = (pattern: RegExp) => (step: Step) => pattern.test(step.run ?? '');

describe('CI workflow', () => {
  it('runs one job on a Linux, Windows and macOS matrix, on pushes and pull requests', () => {
    expect(Object.keys(workflow.jobs)).toEqual([jobName]);
    expect(job?.strategy?.matrix.os).toEqual(Object.keys(OSES));
    expect(job?.['runs-on']).toBe('${{ matrix.os }}');
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
  });

  it("runs Linux in a fresh Debian container (the README's platform) and the others on the host", () => {
    expect(job?.strategy?.matrix.include).toEqual([
      { os: 'ubuntu-latest', container: expect.stringMatching(/^debian:/) },
    ]);
    // An empty image means no container (actions/runner#2235).
    expect(job?.container?.image).toBe("${{ matrix.container || '' }}");
  });

  it("gives the container's Chromium and Electron more than Docker's 64 MB /dev/shm", () => {
    const size = /(?:^|\s)--shm-size=(\d+)([mg])\b/.exec(job?.container?.options ?? '');
    expect(size).not.toBeNull();
    const megabytes = Number(size?.[1]) * (size?.[2] === 'g' ? 1024 : 1);
    expect(megabytes).toBeGreaterThanOrEqual(512);
  });

  it('installs git (and CA certificates) in the Debian container before the checkout', () => {
    // Without git, actions/checkout downloads a tarball without .git and `git grep` tests fail.
    const [git, checkout] = stepsOn('ubuntu-latest');
    expect(git?.run).toMatch(/^apt-get update -qq && apt-get install .*\bgit\b/);
    expect(git?.run).toMatch(/\bca-certificates\b/);
    expect(checkout?.uses).toMatch(/^actions\/checkout@v\d+$/);
  });

  it.each(Object.keys(OSES) as Os[])('%s: checks out and sets up Node 24 first', (os) => {
    const steps = stepsOn(os).filter((step) => !/^apt-get /.test(step.run ?? ''));
    const [checkout, node] = steps;
    expect(checkout?.uses).toMatch(/^actions\/checkout@v\d+$/);
    expect(node?.uses).toMatch(/^actions\/setup-node@v\d+$/);
    expect(String(node?.with?.['node-version'])).toBe('24');
  });

  it.each(Object.keys(OSES) as Os[])(
    "%s: runs the README's lint, typecheck and unit tests after installing",
    (os) => {
      const install = indexOn(os, runs(/(^|\n)(npm ci\b|bash scripts\/check$)/));
      const checkScript = readFileSync(join(ROOT, 'scripts/check'), 'utf8');
      const npmTest = packageScripts.test ?? '';
      for (const script of ['lint', 'typecheck', 'test:unit']) {
        const own = indexOn(os, runs(new RegExp(`^npm run ${script}$`)));
        // Linux runs them all through the README's check (scripts/check → npm test).
        const throughCheck =
          stepsOn(os)[install]?.run === 'bash scripts/check' &&
          /\bnpm test$/.test(checkScript.trim()) &&
          npmTest
            .split(' && ')
            .some((step) => step.replace(/^bash scripts\/with-netns /, '') === `npm run ${script}`);
        expect(own > install || throughCheck, `${os} runs npm run ${script}`).toBe(true);
      }
    },
  );

  it("Linux runs the README's check: bash scripts/check", () => {
    expect(stepsOn('ubuntu-latest').some(runs(/^bash scripts\/check$/))).toBe(true);
    expect(stepsOn('windows-latest').some(runs(/scripts\/check/))).toBe(false);
  });

  it.each(Object.keys(OSES) as Os[])(
    '%s: installs with npm ci, fetches Electron, then runs the Playwright specs through it',
    (os) => {
      const install = indexOn(os, runs(/(^|\n)(npm ci\b|bash scripts\/check$)/));
      const fetch = indexOn(os, runs(/^npx --no install-electron$/));
      const build = indexOn(os, runs(/npm run build:electron/));
      const e2e = indexOn(os, runs(/npx playwright test --project electron$/));
      expect(install).toBeGreaterThanOrEqual(0);
      expect(fetch).toBeGreaterThan(install);
      expect(build).toBeGreaterThan(fetch);
      expect(e2e).toBeGreaterThan(build);
    },
  );

  it('Linux runs Electron in its own network namespace, under a virtual display with a keychain; the others directly', () => {
    const e2e = (os: Os) => stepsOn(os).find(runs(/playwright test --project electron/))?.run;
    expect(e2e('ubuntu-latest')).toBe(
      'bash scripts/with-netns dbus-run-session -- bash scripts/with-display bash scripts/with-keyring npx playwright test --project electron',
    );
    expect(e2e('macos-latest')).toBe('npx playwright test --project electron');
    expect(e2e('windows-latest')).toBe('npx playwright test --project electron');
  });

  it.each(Object.keys(OSES) as Os[])(
    '%s: builds unsigned installers with npm run dist and keeps them as artifacts',
    (os) => {
      const dist = indexOn(os, runs(/^npm run dist -- --publish never$/));
      const upload = stepsOn(os).findIndex((s) =>
        /^actions\/upload-artifact@v\d+$/.test(s.uses ?? ''),
      );
      expect(dist).toBeGreaterThan(indexOn(os, runs(/playwright test --project electron/)));
      expect(upload).toBeGreaterThan(dist);
      const paths = (stepsOn(os)[upload]?.with?.path ?? '').trim().split('\n');
      expect(paths.every((p) => p.startsWith('out/'))).toBe(true);
      expect(paths).toEqual(
        expect.arrayContaining(
          {
            'ubuntu-latest': ['out/*.AppImage', 'out/*.deb'],
            'windows-latest': ['out/*.exe'],
            'macos-latest': ['out/*.dmg', 'out/*.zip'],
          }[os],
        ),
      );
      expect(stepsOn(os)[upload]?.with?.['if-no-files-found']).toBe('error');
    },
  );

  it('never looks for a signing identity, and runs every step in bash', () => {
    expect(job?.env?.CSC_IDENTITY_AUTO_DISCOVERY).toBe('false');
    expect(job?.defaults?.run?.shell).toBe('bash');
  });
});

describe('ready for the Windows and macOS runners', () => {
  it('checks out with LF line endings everywhere (prettier --check fails on CRLF)', () => {
    const attributes = readFileSync(join(ROOT, '.gitattributes'), 'utf8');
    expect(attributes).toMatch(/^\* text=auto eol=lf$/m);
  });

  /** Every TypeScript and script file under the project's own folders. */
  function sourceFiles(): string[] {
    const folders = ['common', 'e2e', 'emulator', 'main', 'preload', 'preview', 'renderer'];
    return [...folders, 'scripts'].flatMap((folder) =>
      readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.(m?ts|tsx|mjs)$/.test(file))
        .map((file) => `${folder}/${file.replaceAll('\\', '/')}`),
    );
  }

  const spawnsSecretTool = ['spawnSync(', "'secret-tool'"].join('');
  const secretToolUsers = sourceFiles().filter((file) =>
    readFileSync(join(ROOT, file), 'utf8').includes(spawnsSecretTool),
  );
  it.each(secretToolUsers)('%s reads the keychain through secret-tool only on Linux', (file) => {
    // CI is set on every runner: a `runIf(CI)` alone would run secret-tool on Windows and macOS.
    const source = readFileSync(join(ROOT, file), 'utf8');
    expect(source).toMatch(/process\.platform === 'linux'/);
  });

  it.each(sourceFiles())('%s turns file URLs into paths with fileURLToPath', (file) => {
    // URL.pathname keeps %20 for a space and gives /C:/… on Windows.
    const source = readFileSync(join(ROOT, file), 'utf8');
    expect(source).not.toMatch(/import\.meta\.url\)\.pathname/);
  });
});
