import { defineConfig } from 'vite';
import type { Plugin, Rolldown } from 'vite';
import { APP_CHUNK_ATTRIBUTE } from './common/first-screen';

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
 * Builds the renderer (React) into dist/renderer. Relative asset paths let the same build be
 * served from app://wyzecam/ in Electron and from the preview host over loopback.
 */
export default defineConfig({
  root: 'renderer',
  plugins: [preloadApp()],
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
    // One stylesheet, linked from index.html: the first screen written into the page is painted
    // with it before any script runs (docs/first-screen.md), and no chunk loads CSS of its own.
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
