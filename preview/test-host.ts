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

export async function startTestPreviewHost(
  baseUrls: BaseUrls,
): Promise<{ host: PreviewHost; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'wyzecam-preview-'));
  mkdirSync(join(dir, 'dist', 'renderer'), { recursive: true });
  writeFileSync(
    join(dir, 'dist', 'renderer', 'index.html'),
    '<!doctype html><head><title>t</title></head>',
  );
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
