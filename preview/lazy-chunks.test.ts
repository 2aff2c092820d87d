import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../main/logging/logger';
import { CSP, mimeType, resolveAppUrl, styleHashSource } from '../main/protocol';
import { startPreviewHost } from './host';
import type { PreviewHost } from './host';
import { STAND_IN_STYLE, writeStandInBuild } from './test-host';

/**
 * The renderer loads its dialogs, details pane, pictures view and two-step screen as separate
 * chunks on first use (renderer/README.md, "Bundle budget"), named as vite names them. Under
 * `script-src 'self'` they load only if the app's own server hands them back, as scripts.
 */
const LAZY_FILES = [
  ['assets/SettingsDialog-DPcjuzNv.js', 'export const SettingsDialog = 1;', 'text/javascript'],
  ['assets/Dialog--eIvcJkF.js', 'export const Dialog = 1;', 'text/javascript'],
  ['assets/CameraPicture-vRnSguIp.css', '.picture{}', 'text/css'],
] as const;

let host: PreviewHost;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wyzecam-lazy-'));
  const renderer = writeStandInBuild(dir);
  mkdirSync(join(renderer, 'assets'));
  for (const [path, body] of LAZY_FILES) writeFileSync(join(renderer, path), body);
  host = await startPreviewHost({
    // Nothing here reaches a cloud: no test signs in.
    baseUrls: { auth: 'http://127.0.0.1:9', api: 'http://127.0.0.1:9' },
    userDataDir: join(dir, 'profile'),
    keychainService: 'unused',
    keytar: null,
    logger: createLogger({ sink: () => undefined }),
    appVersion: '0.0.0',
    distDir: join(dir, 'dist') + '/',
  });
});

afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('lazily loaded chunks', () => {
  it.each(LAZY_FILES)(
    'the preview host serves %s as %s, under the CSP',
    async (path, body, type) => {
      const res = await fetch(new URL(path, host.url));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(new RegExp(`^${type};`));
      expect(res.headers.get('content-security-policy')).toBe(CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toBe(body);
    },
  );

  it.each(LAZY_FILES)('app:// resolves %s inside the build, as %s', (path, _body, type) => {
    const root = join(dir, 'dist', 'renderer');
    const file = resolveAppUrl(`app://wyzecam/${path}`, root);
    expect(file).toBe(join(root, path));
    expect(mimeType(file ?? '')).toMatch(new RegExp(`^${type};`));
  });

  it("serves the page under its own CSP: the build's inline stylesheet allowed by its hash", async () => {
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(
      CSP.replace("style-src 'self'", `style-src 'self' ${styleHashSource(STAND_IN_STYLE)}`),
    );
    expect(await res.text()).toContain(`<style>${STAND_IN_STYLE}</style>`);
  });

  it('refuses a chunk path that leaves the build folder', async () => {
    const res = await fetch(new URL('assets/%2e%2e/%2e%2e/profile/x.js', host.url));
    expect(res.status).toBe(404);
  });
});
