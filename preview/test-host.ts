/**
 * Test-only: a preview host over a throwaway profile and a one-page build, with no keychain and a
 * silent logger. Not part of the app.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../main/logging/logger';
import type { BaseUrls } from '../main/wyze/config';
import { startPreviewHost } from './host';
import type { PreviewHost } from './host';

/** The stand-in build's stylesheet, written into its page as the build writes the app's. */
export const STAND_IN_STYLE = 'body{margin:0}';

/**
 * Writes the one-page build a test host serves under `dir`: dist/renderer/index.html, a stand-in
 * with the `</head>` the host puts the bridge before (requests.ts, withBridge) and an inline
 * stylesheet (vite.config.ts, inlineStylesheet). Returns the renderer folder.
 */
export function writeStandInBuild(dir: string): string {
  const renderer = join(dir, 'dist', 'renderer');
  mkdirSync(renderer, { recursive: true });
  writeFileSync(
    join(renderer, 'index.html'),
    `<!doctype html><head><title>t</title><style>${STAND_IN_STYLE}</style></head>`,
  );
  return renderer;
}

export async function startTestPreviewHost(
  baseUrls: BaseUrls,
): Promise<{ host: PreviewHost; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'wyzecam-preview-'));
  writeStandInBuild(dir);
  const host = await startPreviewHost({
    baseUrls,
    userDataDir: join(dir, 'profile'),
    keychainService: 'unused',
    keytar: null,
    logger: createLogger({ sink: () => undefined }),
    appVersion: '0.0.0',
    distDir: join(dir, 'dist') + '/',
  });
  return {
    host,
    async close() {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
