import { defineConfig } from 'vite';

/** Builds the preview bridge as one classic script, served only by the preview host. */
export default defineConfig({
  build: {
    outDir: 'dist/preview',
    emptyOutDir: true,
    target: 'chrome130',
    lib: {
      entry: 'preview/bridge.ts',
      formats: ['iife'],
      name: 'wyzePreviewBridge',
      fileName: () => 'bridge.js',
    },
  },
});
