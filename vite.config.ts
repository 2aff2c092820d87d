import { defineConfig } from 'vite';
import type { Plugin, Rolldown } from 'vite';
import { APP_CHUNK_ATTRIBUTE } from './common/first-screen';
import { styleHashSource } from './main/protocol';

type ModuleInfoOf = (id: string) => { isEntry: boolean; importers: readonly string[] } | null;

/** The app's start (renderer/start.tsx), which the page's entry (main.ts) loads. */
const isAppStart = (id: string): boolean => /[\\/]renderer[\\/]start\.tsx$/.test(id);

/**
 * The bundler's helper that every `import()` is rewritten to call, even with `modulePreload:
 * false`. In the app chunk, it made that chunk a static import of the entry: the whole app was
 * evaluated before the entry ran, not when the entry asks for it (renderer/main.ts). Left out of
 * the group, it goes into the entry, and the app chunk imports it from there
 * (vite.config.test.ts; scripts/README.md, "The tenth pass").
 */
const isPreloadHelper = (id: string): boolean => id.includes('vite/preload-helper');

/**
 * Whether the app's start imports the module statically (directly or through other static
 * imports): the first screen cannot run without it.
 */
function partOfApp(id: string, info: ModuleInfoOf, seen = new Set<string>()): boolean {
  if (seen.has(id)) return false;
  seen.add(id);
  const module = info(id);
  if (!module || module.isEntry) return false;
  return isAppStart(id) || module.importers.some((importer) => partOfApp(importer, info, seen));
}

/**
 * Fetches the app's chunk with the page (a modulepreload link), and the chunks it imports but the
 * entry (the bundler's runtime), so they are there when the entry runs it (renderer/main.ts). The
 * app chunk's link is marked (APP_CHUNK_ATTRIBUTE): a page served with a first screen has it
 * taken out (main/first-screen.ts, withFirstScreen), since its app runs after the paint and the
 * chunk, fetched and compiled with the page, was competing with that paint.
 */
function preloadApp(): Plugin {
  return {
    name: 'wyzecam-preload-app',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const app = chunks.find((c) => c.name === 'app');
        if (!app) throw new Error('vite.config.ts: the build has no "app" chunk');
        const entries = new Set(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
        return [app.fileName, ...app.imports.filter((f) => !entries.has(f))].map((file) => ({
          tag: 'link',
          attrs: {
            rel: 'modulepreload',
            crossorigin: true,
            href: `./${file}`,
            ...(file === app.fileName ? { [APP_CHUNK_ATTRIBUTE]: true } : {}),
          },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

/**
 * The stylesheet's text as it can go into the page: with line breaks as LF (the browser hashes the
 * text as its parser reads it, and the parser turns CR LF into LF), and refused when it would end
 * its own `<style>` element or has a url() that would break there (Vite writes one relative to the
 * stylesheet's file, in assets/, which the page, one folder up, would resolve elsewhere).
 */
export function stylesheetForPage(source: string | Uint8Array): string {
  const css = (typeof source === 'string' ? source : new TextDecoder().decode(source)).replace(
    /\r\n?/g,
    '\n',
  );
  if (/<\/style/i.test(css)) {
    throw new Error('vite.config.ts: the stylesheet would end its own <style> element');
  }
  if (/url\(\s*(?!\s|['"]?data:)/i.test(css)) {
    throw new Error('vite.config.ts: the stylesheet has a url() that would break in the page');
  }
  return css;
}

/**
 * Writes the app's one stylesheet into index.html (a `<style>` in place of Vite's link to it) and
 * allows it in the page's CSP by its hash, which main allows too (main/protocol.ts, pageCsp). A
 * linked stylesheet holds the first paint until it has come back as a second file: in the
 * preview that was 12–17 ms over loopback HTTP after the page itself (docs/first-screen.md, "The
 * stylesheet in the page"). The file itself is left out of the build: nothing else loads it.
 */
function inlineStylesheet(): Plugin {
  const LINK = /<link rel="stylesheet"[^>]*? href="\.\/([^"]+)"[^>]*>/g;
  return {
    name: 'wyzecam-inline-stylesheet',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const links = [...html.matchAll(LINK)];
        const [tag, file] = links[0] ?? [];
        const asset = file === undefined ? undefined : ctx.bundle?.[file];
        if (links.length !== 1 || tag === undefined || asset?.type !== 'asset') {
          throw new Error('vite.config.ts: the page must link exactly one stylesheet of the build');
        }
        const css = stylesheetForPage(asset.source);
        const policy =
          /(<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*?style-src 'self')/;
        if (!policy.test(html)) {
          throw new Error("vite.config.ts: the page's CSP has no style-src 'self' to add to");
        }
        delete ctx.bundle?.[file as string];
        return html
          .replace(policy, (allowed) => `${allowed} ${styleHashSource(css)}`)
          .replace(tag, () => `<style>${css}</style>`);
      },
    },
  };
}

/**
 * Builds the renderer (React) into dist/renderer. Relative asset paths let the same build be
 * served from app://wyzecam/ in Electron and from the preview host over loopback.
 */
export default defineConfig({
  root: 'renderer',
  plugins: [preloadApp(), inlineStylesheet()],
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    // No modulepreload polyfill, and no dependency lists for import() to preload (the helper that
    // import() is rewritten to call stays, in the entry: isPreloadHelper above): the lazily
    // loaded chunks (renderer/README.md, "Bundle budget") come from this computer and carry no
    // CSS of their own, so a plain import() is all they need.
    modulePreload: false,
    // One stylesheet, written into index.html (inlineStylesheet): the first screen written into
    // the page is painted with it before any script runs (docs/first-screen.md), and no chunk
    // loads CSS of its own.
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the first screen needs in one file, the app chunk (the entry, main.ts,
          // is only a loader): left alone, the bundler puts React in a chunk of its own (shared
          // with the lazy chunks), and two files compress less well than one (about 0.6 kB
          // gzipped).
          groups: [
            {
              name: (id: string, ctx: Rolldown.ChunkingContext) =>
                !isPreloadHelper(id) && partOfApp(id, (m) => ctx.getModuleInfo(m)) ? 'app' : null,
              debugName: 'first screen',
              // The name above already takes every module the app's start imports; taking their
              // imports too would pull in the preload helper (isPreloadHelper).
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
});
