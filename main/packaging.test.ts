import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const config = parse(
  readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('packaging (security S23, S24)', () => {
  it('flips the fuses the security model asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds for Windows, macOS and Linux with an app id and product name', () => {
    expect(config).toMatchObject({
      appId: 'com.wyzecam.desktop',
      productName: 'Wyzecam Desktop',
      win: { target: ['nsis'] },
      mac: { target: ['dmg', 'zip'] },
      linux: { target: ['AppImage', 'deb'] },
    });
  });

  it('packages the built app only, never the preview host', () => {
    const files = config.files as string[];
    expect(files).toContain('!dist/preview/**');
    expect(files.some((f) => f.startsWith('preview/') || f.startsWith('e2e/'))).toBe(false);
    expect(pkg.main).toBe('dist/main/index.mjs');
  });

  it('ships a current Electron as a build tool, not a runtime dependency', () => {
    expect(pkg.dependencies).not.toHaveProperty('electron');
    expect(Number(/\d+/.exec(pkg.devDependencies.electron ?? '')?.[0])).toBeGreaterThanOrEqual(45);
    expect(Object.keys(pkg.dependencies)).toEqual(['@github/keytar']);
  });
});
