import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

const external = [
  'electron',
  '@github/keytar',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
];

/**
 * Builds the Electron main process (ESM, dist/main/index.mjs) and the sandboxed preload (one
 * CommonJS file that requires only `electron`, dist/preload/index.cjs) with `--mode preload`.
 * A mode flag, not an environment variable: npm runs scripts through cmd.exe on Windows, which
 * cannot run `NAME=value command`.
 */
export default defineConfig(({ mode }) => {
  const preload = mode === 'preload';
  return {
    build: {
      outDir: preload ? 'dist/preload' : 'dist/main',
      emptyOutDir: true,
      target: 'node24',
      minify: false,
      ssr: true,
      rollupOptions: {
        input: preload ? 'preload/index.ts' : 'main/index.ts',
        external,
        output: preload
          ? { format: 'cjs' as const, entryFileNames: 'index.cjs', inlineDynamicImports: true }
          : { format: 'es' as const, entryFileNames: 'index.mjs' },
      },
    },
    ssr: { noExternal: true as const, external: ['electron', '@github/keytar'] },
  };
});
