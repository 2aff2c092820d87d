import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { TRAY_ICON_FILES, trayIconPaths } from './tray';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Width, height, bit depth and colour type from a PNG's IHDR. */
function pngHeader(file: string) {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]));
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    depth: bytes[24],
    colourType: bytes[25],
  };
}

describe('tray icons', () => {
  const names = Object.values(TRAY_ICON_FILES).flatMap((set) => Object.values(set));

  it.each(names)('%s is a 16 px RGBA PNG with a 32 px @2x beside it', (name) => {
    expect(pngHeader(join(ROOT, 'build/tray', name))).toEqual({
      width: 16,
      height: 16,
      depth: 8,
      colourType: 6,
    });
    expect(pngHeader(join(ROOT, 'build/tray', name.replace('.png', '@2x.png')))).toMatchObject({
      width: 32,
      height: 32,
    });
  });

  it('macOS gets template images (the menu bar tints them), named so Electron knows', () => {
    for (const name of Object.values(TRAY_ICON_FILES.mac)) expect(name).toMatch(/Template\.png$/);
    for (const name of Object.values(TRAY_ICON_FILES.other)) expect(name).not.toMatch(/Template/);
  });

  it('electron-builder ships build/tray as resources/tray, where the packaged app looks', () => {
    const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
      extraResources?: Array<{ from: string; to: string; filter: string[] }>;
    };
    expect(config.extraResources).toContainEqual({
      from: 'build/tray',
      to: 'tray',
      filter: ['*.png'],
    });
    const packaged = trayIconPaths({
      isMac: false,
      isPackaged: true,
      resourcesPath: '/opt/app/resources',
      sourceRoot: ROOT,
    });
    expect(packaged.offline).toBe('/opt/app/resources/tray/tray-offline.png');
  });

  it.each([true, false])(
    'in development the pictures come from build/tray (macOS: %s)',
    (isMac) => {
      const paths = trayIconPaths({
        isMac,
        isPackaged: false,
        resourcesPath: '/x',
        sourceRoot: ROOT,
      });
      for (const file of Object.values(paths)) expect(pngHeader(file).width).toBe(16);
    },
  );
});
