import { ESLint } from 'eslint';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The import boundaries the folder READMEs state, run through ESLint's Node API against the
// repository's own eslint.config.js: each line is a file path (which decides the zone) and code.
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

// The base rule too, so that this table can be run against an older config that used it.
const BOUNDARY_RULES = new Set([
  'no-restricted-imports',
  '@typescript-eslint/no-restricted-imports',
  'no-restricted-syntax',
  'no-restricted-globals',
]);

/** The boundary errors ESLint reports for `code` as if it were the file at `filePath`. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId) && m.severity === 2)
    .map((m) => m.message);
}

/** The folders whose files ship (or run beside what ships), each of which a README bounds. */
const PRODUCT_DIRS = ['common', 'main', 'preload', 'renderer', 'preview', 'emulator'];
/** Build configuration inside those folders: a development tool, exempt like scripts/. */
const EXEMPT = new Set(['preview/vite.bridge.config.ts']);

/** Every TypeScript or JavaScript file under `dir`, relative to the repository root. */
function sourceFilesUnder(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name).slice(repoRoot.length));
}

/** The part of a computed ESLint config this test reads. */
interface LintConfig {
  rules?: Record<string, unknown>;
}

// [what, file, code]
const mustError: [string, string, string][] = [
  // The three cases a review found linting clean.
  ['main/cameras imports electron', 'main/cameras/poll.ts', "import { app } from 'electron';"],
  [
    'main/session imports the emulator',
    'main/session/demo-session.ts',
    "import { startEmulator } from '../../emulator/server';",
  ],
  [
    'a renderer file imports the IPC schemas',
    'renderer/features/cameras/Form.tsx',
    "import { schemas } from '../../../common/ipc';",
  ],
  // main/: no Electron outside the Electron layer, including folders that do not exist yet.
  ['main/wyze imports electron', 'main/wyze/client.ts', "import { net } from 'electron';"],
  ['main/logging imports electron', 'main/logging/logger.ts', "import { app } from 'electron';"],
  [
    'main/logging imports electron-log/main',
    'main/logging/file.ts',
    "import log from 'electron-log/main';",
  ],
  [
    'main/ipc/handlers imports electron',
    'main/ipc/handlers.ts',
    "import { shell } from 'electron';",
  ],
  ['main/services imports electron', 'main/services.ts', "import { app } from 'electron';"],
  [
    'a new main/ folder imports electron',
    'main/history/events.ts',
    "import { app } from 'electron';",
  ],
  [
    'a new top-level main/ file imports electron',
    'main/tray.ts',
    "import { Tray } from 'electron';",
  ],
  ['main/wyze loads electron dynamically', 'main/wyze/net.ts', "await import('electron');"],
  ['main/session requires electron', 'main/session/x.ts', "require('electron');"],
  // Only main/demo.ts starts the emulator.
  ['main/services imports the emulator', 'main/services.ts', "import '../emulator/server';"],
  [
    'main/wyze loads the emulator dynamically',
    'main/wyze/client.ts',
    "await import('../../emulator/server');",
  ],
  ['preview/bridge imports the emulator', 'preview/bridge.ts', "import '../emulator/world';"],
  // Only main/session/secret-store.ts touches the keychain.
  ['main/session/session imports keytar', 'main/session/session.ts', "import '@github/keytar';"],
  ['main/cameras requires keytar', 'main/cameras/cache.ts', "require('@github/keytar');"],
  ['main/index imports keytar', 'main/index.ts', "import keytar from '@github/keytar';"],
  ['the renderer imports keytar', 'renderer/store/index.ts', "import '@github/keytar';"],
  // The renderer: React, zustand, common/ (not ipc.ts values), preload/api types.
  ['the renderer imports zod', 'renderer/format.ts', "import { z } from 'zod';"],
  ['the renderer imports node:fs', 'renderer/format.ts', "import { readFile } from 'node:fs';"],
  ['the renderer imports fs', 'renderer/format.ts', "import { readFile } from 'fs';"],
  ['the renderer imports another package', 'renderer/App.tsx', "import _ from 'lodash';"],
  ['the renderer imports electron', 'renderer/App.tsx', "import { ipcRenderer } from 'electron';"],
  ['the renderer imports main/', 'renderer/App.tsx', "import { x } from '../main/services';"],
  ['the renderer imports the emulator', 'renderer/App.tsx', "import '../emulator/world';"],
  ['the renderer imports preview/', 'renderer/App.tsx', "import '../preview/bridge';"],
  [
    'the renderer takes a value from the preload',
    'renderer/api.ts',
    "import { buildWyzeApi } from '../preload/api';",
  ],
  // common/: zod only, and only in ipc.ts; nothing from other folders.
  ['common/view imports zod', 'common/view.ts', "import { z } from 'zod';"],
  ['common/errors imports zod', 'common/errors.ts', "import { z } from 'zod';"],
  ['common/ipc imports node:fs', 'common/ipc.ts', "import { readFile } from 'node:fs';"],
  ['common/ipc imports electron', 'common/ipc.ts', "import { app } from 'electron';"],
  ['common/device imports react', 'common/device.ts', "import { useState } from 'react';"],
  ['common/ imports main/', 'common/device.ts', "import { x } from '../main/wyze/normalise';"],
  ['common/ imports the emulator', 'common/models.ts', "import '../emulator/world';"],
  ['common/view takes the schemas', 'common/view.ts', "import { schemas } from './ipc';"],
  // common/ is bundled into the page: no Node globals either (types would not catch them).
  ['common/ uses Buffer', 'common/capped-text.ts', "export const b = Buffer.from('x');"],
  ['common/ reads process.env', 'common/prefs.ts', 'export const p = process.env.X;'],
  // preload/: electron (index.ts only), common/ and itself.
  ['preload/api imports electron', 'preload/api.ts', "import { ipcRenderer } from 'electron';"],
  ['preload/index imports main/', 'preload/index.ts', "import { x } from '../main/services';"],
  ['preload/index imports zod', 'preload/index.ts', "import { z } from 'zod';"],
  ['preload/index imports node:path', 'preload/index.ts', "import { join } from 'node:path';"],
  ['preload/index imports renderer/', 'preload/index.ts', "import '../renderer/format';"],
  ['preload/api takes the schemas', 'preload/api.ts', "import { schemas } from '../common/ipc';"],
  // Raw Electron IPC has one home on each side.
  ['main/menu imports ipcRenderer', 'main/menu.ts', "import { ipcRenderer } from 'electron';"],
  [
    'main/window-factory imports ipcMain',
    'main/window-factory.ts',
    "import { ipcMain } from 'electron';",
  ],
  ['main/startup imports ipcMain', 'main/startup.ts', "import { ipcMain } from 'electron';"],
  ['main/index calls ipcMain directly', 'main/index.ts', "ipcMain.handle('x', () => 1);"],
  ['a desktop-* file listens on ipcMain', 'main/desktop-tray.ts', "ipcMain.on('x', () => 1);"],
  // One window factory, one guarded openExternal.
  ['main/index makes a window', 'main/index.ts', 'new BrowserWindow({});'],
  ['main/menu opens a link directly', 'main/menu.ts', "shell.openExternal('https://x');"],
  // emulator/: node:*, zod and common/ only.
  ['the emulator imports main/', 'emulator/server.ts', "import '../main/wyze/client';"],
  ['the emulator imports electron', 'emulator/server.ts', "import { app } from 'electron';"],
  ['the emulator imports react', 'emulator/server.ts', "import 'react';"],
  // preview/: the page bridge has no packages; the host has no Electron.
  ['preview/bridge imports zod', 'preview/bridge.ts', "import { z } from 'zod';"],
  ['preview/bridge imports main/', 'preview/bridge.ts', "import '../main/services';"],
  ['preview/host imports electron', 'preview/host.ts', "import { app } from 'electron';"],
  // Tests may use the emulator, not Electron or the keychain.
  ['a main test imports electron', 'main/wyze/x.test.ts', "import { app } from 'electron';"],
  ['a main test imports keytar', 'main/session/x.test.ts', "import '@github/keytar';"],
];

const mustPass: [string, string, string][] = [
  ['a common/ test uses Buffer', 'common/x.test.ts', "export const b = Buffer.from('x');"],
  [
    'main/index: electron, ipcMain handed to register.ts, the guarded openExternal',
    'main/index.ts',
    "import { app, ipcMain, shell } from 'electron';\n" +
      "import { registerIpc } from './ipc/register';\n" +
      'registerIpc(ipcMain, router); await shell.openExternal(url); app.quit();',
  ],
  ['main/ipc/register uses ipcMain', 'main/ipc/register.ts', "ipcMain.handle('x', () => 1);"],
  [
    'main/window-factory',
    'main/window-factory.ts',
    "import { BrowserWindow, screen } from 'electron';",
  ],
  ['main/window types', 'main/window.ts', "import type { WebPreferences } from 'electron';"],
  ['main/menu', 'main/menu.ts', "import { Menu } from 'electron';"],
  ['main/startup', 'main/startup.ts', "import { app, dialog } from 'electron';"],
  ['main/window-state', 'main/window-state.ts', "import { screen } from 'electron';"],
  [
    'a desktop-* file with electron-log',
    'main/desktop-log.ts',
    "import { app } from 'electron';\nimport log from 'electron-log/main';",
  ],
  [
    'main/logging with electron-log/node',
    'main/logging/file.ts',
    "import log from 'electron-log/node';",
  ],
  [
    'main/session/secret-store loads keytar',
    'main/session/secret-store.ts',
    "import type keytar from '@github/keytar';\nrequire('@github/keytar');",
  ],
  [
    'main/demo starts the emulator',
    'main/demo.ts',
    "import { DEMO_WORLD } from '../emulator/demo-account';\nimport { startEmulator } from '../emulator/server';",
  ],
  [
    'a main test uses the emulator',
    'main/wyze/auth.test.ts',
    "import { startEmulator } from '../../emulator/server';\nimport { describe } from 'vitest';",
  ],
  ['a main test harness', 'main/wyze/test-harness.ts', "import '../../emulator/server';"],
  [
    'main/wyze: node, zod, common',
    'main/wyze/client.ts',
    "import { createHash } from 'node:crypto';\nimport { z } from 'zod';\nimport type { WyzeDevice } from '../../common/device';",
  ],
  [
    'the renderer: React, zustand, common/ values, ipc and preload types',
    'renderer/features/cameras/CameraRow.tsx',
    "import { useState } from 'react';\nimport { createRoot } from 'react-dom/client';\n" +
      "import { create } from 'zustand';\nimport { useVirtualizer } from '@tanstack/react-virtual';\n" +
      "import type { CameraListView } from '../../../common/view';\n" +
      "import { CHANNELS } from '../../../common/channels';\nimport type { Responses } from '../../../common/ipc';\n" +
      "import type { WyzeApi } from '../../../preload/api';\nimport '../../styles.css';",
  ],
  [
    'a renderer test',
    'renderer/features/components.test.tsx',
    "import { render } from '@testing-library/react';\nimport { it } from 'vitest';",
  ],
  [
    'common/ipc: zod and its siblings',
    'common/ipc.ts',
    "import { z } from 'zod';\nimport { CHANNELS } from './channels';",
  ],
  [
    'common/view: siblings, ipc types',
    'common/view.ts',
    "import type { WyzeDevice } from './device';\nimport type { Request } from './ipc';",
  ],
  [
    'preload/index: electron, its api, common',
    'preload/index.ts',
    "import { contextBridge, ipcRenderer } from 'electron';\nimport { buildWyzeApi } from './api';\n" +
      "import { CHANNELS } from '../common/channels';",
  ],
  [
    'preload/api: common values, ipc types',
    'preload/api.ts',
    "import { CHANNELS } from '../common/channels';\nimport type { Responses } from '../common/ipc';",
  ],
  [
    'preview/host: main services and node',
    'preview/host.ts',
    "import { createServer } from 'node:http';\nimport { createAppServices } from '../main/services';",
  ],
  [
    'preview/bridge: the preload verbs',
    'preview/bridge.ts',
    "import { buildWyzeApi } from '../preload/api';\nimport { EVENTS } from '../common/channels';",
  ],
  [
    'the emulator: node, zod, jpeg-js, common',
    'emulator/server.ts',
    "import { createServer } from 'node:http';\nimport { z } from 'zod';\nimport jpeg from 'jpeg-js';\n" +
      "import { MODELS } from '../common/models';",
  ],
  [
    'e2e: the emulator and node',
    'e2e/fixtures.ts',
    "import { startEmulator } from '../emulator/server';\nimport { test } from '@playwright/test';",
  ],
  [
    'scripts: anything',
    'scripts/bench.ts',
    "import '../main/logging/logger';\nimport '../preview/host';",
  ],
];

describe('lint boundaries (eslint.config.js)', () => {
  // The first lint loads the config and the TypeScript parser: seconds on a busy machine.
  beforeAll(async () => {
    await eslint.lintText('', { filePath: 'main/warm-up.ts' });
  }, 120_000);

  it.each(mustError)('errors: %s', async (_what, filePath, code) => {
    expect(await boundaryErrors(filePath, code)).not.toEqual([]);
  });

  it.each(mustPass)('allows: %s', async (_what, filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toEqual([]);
  });

  it('leaves no product source file outside a zone with import rules', async () => {
    const unguarded: string[] = [];
    for (const dir of PRODUCT_DIRS) {
      for (const file of sourceFilesUnder(dir).filter((f) => !EXEMPT.has(f))) {
        const config = (await eslint.calculateConfigForFile(file)) as LintConfig | undefined;
        const setting = config?.rules?.['@typescript-eslint/no-restricted-imports'];
        const options: unknown = Array.isArray(setting) ? setting[1] : undefined;
        const patterns = (options as { patterns?: unknown[] } | undefined)?.patterns ?? [];
        if (patterns.length === 0) unguarded.push(file);
      }
    }
    expect(unguarded).toEqual([]);
  });
});
