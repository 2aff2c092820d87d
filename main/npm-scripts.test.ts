// npm runs package.json scripts through cmd.exe on Windows, so a POSIX-shell construct there breaks
// `npm start`, CI's build and `npm run dist` on Windows while every Linux check stays green.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import mainConfig from '../vite.main.config';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Shell constructs cmd.exe does not understand, each with why. */
const POSIX_ONLY: readonly { pattern: RegExp; why: string }[] = [
  {
    pattern: /(^|&&|\|\||;|\|)\s*[A-Za-z_][A-Za-z0-9_]*=/,
    why: 'a leading NAME=value environment assignment',
  },
  { pattern: /\brm\s+-[a-z]*r/i, why: 'rm -r (use a Node script or rimraf-like code)' },
  { pattern: /\$(\{|[A-Za-z_])/, why: 'a $VAR expansion' },
  { pattern: /'/, why: 'single quotes (cmd.exe keeps them as part of the argument)' },
];

/** Which POSIX-only constructs a script uses (empty when cmd.exe can run it). */
function posixOnlyConstructs(script: string): string[] {
  return POSIX_ONLY.filter(({ pattern }) => pattern.test(script)).map(({ why }) => why);
}

describe('posixOnlyConstructs', () => {
  it.each([
    ['BUILD_TARGET=preload vite build', ['a leading NAME=value environment assignment']],
    ['vite build && MODE=x vite build', ['a leading NAME=value environment assignment']],
    ['rm -rf dist && vite build', ['rm -r (use a Node script or rimraf-like code)']],
    ['vite build --outDir $OUT', ['a $VAR expansion']],
    ['vite build --outDir ${OUT}', ['a $VAR expansion']],
    ["eslint 'src/**'", ['single quotes (cmd.exe keeps them as part of the argument)']],
  ])('flags %j', (script, expected) => {
    expect(posixOnlyConstructs(script)).toEqual(expected);
  });

  it.each([
    'vite build -c vite.main.config.ts --mode preload',
    'eslint . --max-warnings 0 && prettier --check .',
    'node scripts/start.mjs --demo',
    'playwright test "e2e/**"',
  ])('accepts %j', (script) => {
    expect(posixOnlyConstructs(script)).toEqual([]);
  });
});

describe('package.json scripts', () => {
  const scripts = (
    JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts;

  it.each(Object.entries(scripts))('%s runs under cmd.exe too', (_name, script) => {
    expect(posixOnlyConstructs(script)).toEqual([]);
  });
});

describe('vite.main.config.ts', () => {
  /** The config vite builds for this `--mode`. */
  function configFor(mode: string): UserConfig {
    if (typeof mainConfig !== 'function') throw new Error('expected a config function');
    return mainConfig({ mode, command: 'build' }) as UserConfig;
  }

  it('builds the preload as one CommonJS file with --mode preload', () => {
    const build = configFor('preload').build;
    expect(build?.outDir).toBe('dist/preload');
    expect(build?.rollupOptions?.input).toBe('preload/index.ts');
  });

  it('builds the main process otherwise', () => {
    const build = configFor('production').build;
    expect(build?.outDir).toBe('dist/main');
    expect(build?.rollupOptions?.input).toBe('main/index.ts');
  });
});
