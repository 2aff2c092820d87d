import { defineConfig } from 'vite';

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
  },
});
