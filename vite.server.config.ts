import { defineConfig } from 'vite';

/**
 * Builds the first screen's server renderer (renderer/server.tsx) into dist/server/index.mjs: the
 * app's own components, React's server renderer and everything they import in one ES module (no
 * node_modules at run time: the packaged app has none), loaded by main/first-screen.ts
 * (docs/first-screen.md). Stylesheets are left out: the page has them.
 */
export default defineConfig({
  // React's production build (a server build leaves process.env.NODE_ENV to the run, and main's
  // is unset): the development one checks every prop and element as it renders, several times
  // slower.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: false,
    ssr: 'renderer/server.tsx',
    rolldownOptions: {
      output: { format: 'es' as const, entryFileNames: 'index.mjs' },
    },
  },
  ssr: { noExternal: true as const, target: 'node' as const },
});
