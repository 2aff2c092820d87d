import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'common/**/*.test.ts',
            'main/**/*.test.ts',
            'preload/**/*.test.ts',
            'emulator/**/*.test.ts',
            'preview/**/*.test.ts',
            'scripts/**/*.test.ts',
            'vite.config.test.ts',
          ],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
