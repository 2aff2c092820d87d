import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';

/**
 * The renderer's build as vite.config.ts makes it, into a folder of its own. The page's entry
 * (renderer/main.ts) must load the app only when it asks for it: after the first paint when the
 * page holds a first screen (docs/first-screen.md). A static import in the built entry is run
 * before the entry itself, so it would bring the whole app in ahead of that paint.
 */
let outDir: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'wyzecam-vite-build-'));
  await build({
    configFile: join(import.meta.dirname, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  });
}, 60_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

/** The module specifiers of a built chunk's static imports and re-exports (`import … from "x"`). */
function staticImports(code: string): string[] {
  const statement =
    /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$\s{},*]+?\s*from\s*)?["'`]([^"'`]+)["'`]/g;
  return [...code.matchAll(statement)].map((m) => m[1] ?? '');
}

describe('the renderer build (vite.config.ts)', () => {
  it('finds static imports in a built chunk, and not import() calls', () => {
    expect(
      staticImports('import{z as e}from"./app-1.js";export{a as b}from"./c.js";import"./d.js";'),
    ).toEqual(['./app-1.js', './c.js', './d.js']);
    expect(staticImports('let t=await import(`./app-1.js`);const n="import";')).toEqual([]);
  });

  it('gives the page an entry that imports nothing statically and loads the app chunk with import()', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const entry = /<script type="module"[^>]*\ssrc="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const code = readFileSync(join(outDir, 'assets', entry ?? ''), 'utf8');
    const app = readdirSync(join(outDir, 'assets')).find((f) => /^app-[\w-]+\.js$/.test(f));
    expect(app).toBeDefined();

    expect(staticImports(code)).toEqual([]);
    expect(code).toContain(`import(\`./${app}\`)`);
    // Fetched with the page, so it is there when asked for (but not run).
    expect(html).toContain(`<link rel="modulepreload" crossorigin href="./assets/${app}">`);
  });
});
