import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The Electron binary if it is on this machine, without triggering its first-launch download. */
export function electronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

export const ELECTRON_SKIP_REASON =
  "Electron's binary is not on this machine (Electron 45+ downloads it on first launch, and this " +
  'machine cannot download); the Electron transport runs where the binary exists.';
