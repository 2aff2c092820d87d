import { describe, expect, it } from 'vitest';

// Every component module's source, read at build time (no Node in the renderer, even in tests).
const components = import.meta.glob<string>(['./features/**/*.{ts,tsx}', './App.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('renderer layering (renderer/README.md)', () => {
  it('finds the components it checks', () => {
    expect(Object.keys(components)).toContain('./App.tsx');
    expect(Object.keys(components)).toContain('./features/cameras/CamerasScreen.tsx');
  });

  it.each(Object.entries(components).filter(([path]) => !/\.test\.tsx?$/.test(path)))(
    '%s does not reach the bridge: it calls store actions',
    (_path, source) => {
      expect(source).not.toMatch(/from ['"](\.\.\/)+api['"]/);
      expect(source).not.toMatch(/from ['"]\.\/api['"]/);
      expect(source).not.toMatch(/\bwyze\(\)|window\.wyze/);
    },
  );
});
