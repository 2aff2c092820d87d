import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { APP_CHUNK_ATTRIBUTE } from './common/first-screen';
import { pageCsp, styleHashSource } from './main/protocol';
import { stylesheetForPage } from './vite.config';

/**
 * The renderer's build as vite.config.ts makes it, into a folder of its own. The page's entry
 * (renderer/main.ts) must load the app only when it asks for it: after the first paint when the
 * page holds a first screen (docs/first-screen.md). A static import in the built entry is run
 * before the entry itself, so it would bring the whole app in ahead of that paint.
 */
let outDir: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'wyzecam-vite-build-'));
  // Vitest sets NODE_ENV=test, and a build takes its mode's code (React's) from it: build as
  // `npm run build:renderer` does.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(import.meta.dirname, 'vite.config.ts'),
      root: join(import.meta.dirname, 'renderer'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}, 60_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const read = (...path: string[]): string => readFileSync(join(outDir, ...path), 'utf8');
const literally = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whether the page has a modulepreload link to `file` in assets/. */
const preloads = (html: string, file: string): boolean =>
  new RegExp(`<link [^>]*rel="modulepreload"[^>]*href="\\./assets/${literally(file)}"`).test(html);
const appChunk = (): string =>
  readdirSync(join(outDir, 'assets')).find((f) => /^app-[\w-]+\.js$/.test(f)) ?? '';

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
    const html = read('index.html');
    const entry = /<script type="module"[^>]*\ssrc="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const code = read('assets', entry ?? '');
    const app = appChunk();
    expect(app).not.toBe('');

    expect(staticImports(code)).toEqual([]);
    expect(code).toMatch(new RegExp(`import\\(["'\`]\\./${literally(app)}["'\`]\\)`));
    // Fetched with the page, so it is there when asked for (but not run).
    expect(preloads(html, app)).toBe(true);
    // Its link, and only its, is marked for main to drop with a first screen (withFirstScreen).
    const marked = [...html.matchAll(/<link\b[^>]*>/g)]
      .map(([tag]) => tag)
      .filter((tag) => new RegExp(`\\s${APP_CHUNK_ATTRIBUTE}[\\s>]`).test(tag));
    expect(marked).toHaveLength(1);
    expect(marked[0]).toContain(`href="./assets/${app}"`);
  });

  it("keeps what the app needs in its chunk: it imports only the entry (for the import() helper) and the bundler's runtime", () => {
    const others = staticImports(read('assets', appChunk())).filter(
      (name) => !/^\.\/(index|rolldown-runtime)-[\w-]+\.js$/.test(name),
    );
    expect(others).toEqual([]);
  });

  it("has the page fetch the app chunk's imports with it, but the entry", () => {
    const html = read('index.html');
    for (const name of staticImports(read('assets', appChunk()))) {
      if (name.startsWith('./index-')) continue;
      expect(preloads(html, name.slice(2)), name).toBe(true);
    }
  });

  it("writes the app's one stylesheet into the page, allowed by its hash there and by main", () => {
    const html = read('index.html');
    const sheets = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
    expect(sheets).toHaveLength(1);
    const css = sheets[0] ?? '';
    // The app's own rules, not an empty or stand-in sheet.
    expect(css).toContain('.table-wrap{');
    expect(html).not.toMatch(/<link\b[^>]*rel="stylesheet"/);
    expect(readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.css'))).toEqual([]);
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(meta).toContain(`style-src 'self' ${styleHashSource(css)};`);
    // The header main sends with the page allows the same sheet, and the page's policy is main's
    // (less what only a header can say).
    const directives = (policy: string) => policy.split('; ').sort();
    expect(directives(pageCsp(html))).toEqual(directives(`${meta}; frame-ancestors 'none'`));
  });

  it('puts a stylesheet into the page with LF line ends, and refuses one that would break there', () => {
    expect(stylesheetForPage('a{}\r\nb{}\rc{}')).toBe('a{}\nb{}\nc{}');
    expect(stylesheetForPage(new TextEncoder().encode('a{content:"▲"}'))).toBe('a{content:"▲"}');
    expect(stylesheetForPage('a{background:url(data:image/png;base64,AA)}')).toContain('url(');
    expect(stylesheetForPage("a{background:url( 'data:x')}")).toContain('url(');
    expect(() => stylesheetForPage('a{}</STYLE><script>')).toThrow(/its own <style>/);
    expect(() => stylesheetForPage('a{background:url(./logo-1.png)}')).toThrow(/url\(\)/);
    expect(() => stylesheetForPage('@font-face{src:URL("font.woff2")}')).toThrow(/url\(\)/);
  });
});
