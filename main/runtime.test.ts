import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  devDependencies: Record<string, string>;
};
const major = (range: string | undefined): number => Number(/\d+/.exec(range ?? '')?.[0]);

/**
 * Electron 45's main process embeds Node 24 (its own package depends on @types/node 24). The
 * `node` devDependency puts that major first on the PATH of every `npm run` script, so the
 * main-process code is tested on the runtime it ships with, not on the machine's Node.
 */
describe('the runtime the tests use', () => {
  it('is the Node major that Electron embeds, from the node devDependency', () => {
    expect(major(pkg.devDependencies.node)).toBe(24);
    expect(major(process.versions.node)).toBe(major(pkg.devDependencies.node));
  });

  it('types the code against the same Node major', () => {
    expect(major(pkg.devDependencies['@types/node'])).toBe(major(pkg.devDependencies.node));
  });
});
