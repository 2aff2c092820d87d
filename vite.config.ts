import { defineConfig } from 'vite';
import type { Rolldown } from 'vite';

type ModuleInfoOf = (id: string) => { isEntry: boolean; importers: readonly string[] } | null;

/**
 * Whether the page's entry imports the module statically (directly or through other static
 * imports): the first screen cannot run without it.
 */
function staticallyImported(id: string, info: ModuleInfoOf, seen = new Set<string>()): boolean {
  if (seen.has(id)) return false;
  seen.add(id);
  const module = info(id);
  if (!module) return false;
  return (
    module.isEntry || module.importers.some((importer) => staticallyImported(importer, info, seen))
  );
}

/**
 * Builds the renderer (React) into dist/renderer. Relative asset paths let the same build be
 * served from app://wyzecam/ in Electron and from the preview host over loopback.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    // No preload helper (about 0.3 kB gzipped in the first screen's script, with a polyfill for
    // browsers older than the target): the lazily loaded chunks (renderer/README.md, "Bundle
    // budget") come from this computer and carry no CSS of their own, so a plain import() is
    // all they need.
    modulePreload: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the first screen needs in one file: left alone, the bundler puts React
          // in a chunk of its own (shared with the lazy chunks), and two files compress less
          // well than one (about 0.6 kB gzipped).
          groups: [
            {
              name: (id: string, ctx: Rolldown.ChunkingContext) =>
                staticallyImported(id, (m) => ctx.getModuleInfo(m)) ? 'index' : null,
              debugName: 'first screen',
            },
          ],
        },
      },
    },
  },
});
