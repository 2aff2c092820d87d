import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration, PlatformSpecificBuildOptions } from 'electron-builder';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { APP_ID } from './identity';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Configuration;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  desktopName: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** electron-builder's own matcher code, so the test reads the patterns exactly as a build does. */
interface MatcherLike {
  patterns: string[];
  createFilter(): (file: string, stat: Stats & { moduleFullFilePath?: string }) => boolean;
}
const require = createRequire(import.meta.url);
const builder = {
  ...(require('app-builder-lib/out/fileMatcher.js') as {
    FileMatcher: new (
      from: string,
      to: string,
      expand: (pattern: string) => string,
      patterns: string[],
    ) => MatcherLike;
    getNodeModuleFileMatcher: (
      appDir: string,
      destination: string,
      expand: (pattern: string) => string,
      platformOptions: PlatformSpecificBuildOptions,
      packager: { config: Configuration; debugLogger: { isEnabled: boolean } },
    ) => MatcherLike;
  }),
  ...(require('app-builder-lib/out/util/macroExpander.js') as {
    expandMacro: (pattern: string, arch: string, appInfo: object) => string;
  }),
  ...(require('app-builder-lib/out/util/config/config.js') as {
    validateConfiguration: (
      config: Configuration,
      debugLogger: { isEnabled: boolean; add: () => void },
    ) => Promise<void>;
  }),
};

const KEYTAR = join(ROOT, 'node_modules/@github/keytar');

/** The keytar files a build for this OS section and arch would copy (as NodeModuleCopyHelper). */
function shippedKeytarFiles(section: 'win' | 'mac' | 'linux', arch: string): string[] {
  const expand = (pattern: string) => builder.expandMacro(pattern, arch, {});
  const platformOptions = config[section] as PlatformSpecificBuildOptions;
  const moduleMatcher = builder.getNodeModuleFileMatcher(
    ROOT,
    '/out/app',
    expand,
    platformOptions,
    {
      config,
      debugLogger: { isEnabled: false },
    },
  );
  const filter = new builder.FileMatcher(
    KEYTAR,
    '/out/app/node_modules/@github/keytar',
    expand,
    moduleMatcher.patterns,
  ).createFilter();
  const shipped: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      const stat: Stats & { moduleFullFilePath?: string } = lstatSync(file);
      stat.moduleFullFilePath = join('node_modules/@github/keytar', relative(KEYTAR, file));
      if (!filter(file, stat)) continue;
      if (stat.isDirectory()) walk(file);
      else shipped.push(relative(KEYTAR, file).split('\\').join('/'));
    }
  };
  walk(KEYTAR);
  return shipped;
}

describe('packaging (security S23, S24)', () => {
  it("is valid for electron-builder's own schema", async () => {
    await expect(
      builder.validateConfiguration(config, { isEnabled: false, add: () => undefined }),
    ).resolves.toBeUndefined();
  });

  it('flips the fuses the security model asks for', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ad-hoc signs macOS again after the fuses rewrite the binary (unsigned Apple Silicon)', () => {
    expect(config.electronFuses?.resetAdHocDarwinSignature).toBe(true);
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

describe('native keychain module (npm run dist must not compile @github/keytar)', () => {
  it('does not rebuild native modules', () => {
    expect(config.npmRebuild).toBe(false);
  });

  it.each([
    { section: 'win', arch: 'x64', prebuild: 'win32-x64' },
    { section: 'win', arch: 'arm64', prebuild: 'win32-arm64' },
    { section: 'win', arch: 'ia32', prebuild: 'win32-ia32' },
    { section: 'mac', arch: 'arm64', prebuild: 'darwin-arm64' },
    { section: 'mac', arch: 'x64', prebuild: 'darwin-x64' },
    { section: 'linux', arch: 'x64', prebuild: 'linux-x64' },
    { section: 'linux', arch: 'arm64', prebuild: 'linux-arm64' },
  ] as const)(
    '$section $arch ships exactly the $prebuild prebuild',
    ({ section, arch, prebuild }) => {
      const shipped = shippedKeytarFiles(section, arch);
      expect(shipped.filter((f) => f.endsWith('.node'))).toEqual([
        `prebuilds/${prebuild}/keytar.node`,
      ]);
      expect(shipped).toContain('lib/keytar.js');
      expect(shipped).toContain('package.json');
    },
  );

  it('keeps the shipped keytar outside the asar archive (native code cannot load from it)', () => {
    expect(config.asarUnpack).toEqual(['node_modules/@github/keytar/**']);
  });
});

describe('identity', () => {
  it('uses one app id for the bundle, the installer and the Windows AppUserModelID', () => {
    expect(config.appId).toBe(APP_ID);
  });

  it('names the Linux executable and desktop entry after package.json desktopName', () => {
    expect(config.linux?.syncDesktopName).toBe(true);
    expect(`${config.linux?.executableName}.desktop`).toBe(pkg.desktopName);
  });

  it('gives the deb a maintainer with an e-mail address', () => {
    expect(config.linux?.maintainer).toMatch(/^[^<>]+ <[^@\s<>]+@[^@\s<>]+\.[a-z]+>$/);
  });
});
