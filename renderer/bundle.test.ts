import { describe, expect, it } from 'vitest';

// Every module's source, read at build time (no Node in the renderer, even in tests).
const sources = import.meta.glob<string>(['./**/*.{ts,tsx}', '!./**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** What the first screen does not need: loaded on first use (renderer/README.md, "Bundle budget"). */
const LAZY = [
  'SettingsDialog',
  'ShortcutsDialog',
  'ExportDialog',
  'DetailsPane',
  'PicturesView',
  'MfaScreen',
  'SignInScreen',
  'EventsView',
  'CameraEventsSection',
  'ActivityView',
  'FirmwareView',
  'WatchBanners',
  'VirtualWindow',
];

describe('bundle budget (renderer/README.md, "Bundle budget")', () => {
  it('finds the modules it checks', () => {
    expect(Object.keys(sources)).toContain('./App.tsx');
    expect(Object.keys(sources)).toContain('./features/settings/Dialogs.tsx');
  });

  it.each(LAZY)('%s is only imported dynamically, so it stays out of the first chunk', (name) => {
    // A type-only import is erased from the build: it loads nothing.
    const staticImport = new RegExp(
      `^import(?! type )[^;]*from ['"][./]+(?:[\\w-]+/)*${name}['"]`,
      'm',
    );
    const importers = Object.entries(sources)
      .filter(([, source]) => staticImport.test(source))
      .map(([path]) => path);
    expect(importers).toEqual([]);
    const dynamicImport = new RegExp(`import\\(['"][./]+(?:[\\w-]+/)*${name}['"]\\)`);
    expect(Object.values(sources).some((source) => dynamicImport.test(source))).toBe(true);
  });

  it('the sign-in form comes with the (lazy) sign-in screen, or on its own when a session ends', () => {
    const staticImport = /^import[^;]*from ['"][./]+(?:[\w-]+\/)*SignInForm['"]/m;
    const importers = Object.entries(sources)
      .filter(([, source]) => staticImport.test(source))
      .map(([path]) => path);
    expect(importers).toEqual(['./features/session/SignInScreen.tsx']);
    expect(sources['./features/cameras/CamerasScreen.tsx']).toMatch(
      /lazy\(\(\) => import\('\.\.\/session\/SignInForm'\)\)/,
    );
  });
});
