// Keeping watch from the tray (main/tray.ts, main/close-to-tray.ts): only the real Electron app
// has a main process with a window to close and a tray, so the browser transport skips this, and
// the Electron transport skips it where Electron's binary is not on the machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { _electron } from '@playwright/test';
import { startEmulator } from '../emulator/server';
import { ELECTRON_SKIP_REASON, electronBinary, launchArgs } from './electron-binary';
import { DEMO_WORLD, cameraTable, expect, signIn, test } from './fixtures';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

test('with keep-watching on, closing the window leaves the app watching; activate brings it back; Quit quits', async ({
  transport,
}) => {
  test.skip(
    transport !== 'electron',
    "The tray and the window's close are the Electron main process's: the browser transport has neither.",
  );
  const binary = electronBinary();
  test.skip(!binary, ELECTRON_SKIP_REASON);

  const emulator = await startEmulator({ world: DEMO_WORLD });
  const profile = mkdtempSync(join(tmpdir(), 'wyzecam-e2e-tray-'));
  const electronApp = await _electron.launch({
    executablePath: binary ?? '',
    args: launchArgs(ROOT),
    env: {
      ...(process.env as Record<string, string>),
      WYZE_AUTH_BASE_URL: emulator.url,
      WYZE_API_BASE_URL: emulator.url,
      WYZECAM_USER_DATA: profile,
      WYZECAM_KEYCHAIN_SERVICE: `Wyzecam E2E ${randomUUID()}`,
    },
  });
  try {
    const page = await electronApp.firstWindow();
    await signIn(page);
    await expect(cameraTable(page)).toBeVisible();
    // The user's choice, through the page's own verb (as Settings → Notifications and background).
    await page.evaluate(() => window.wyze?.setWatchPrefs({ keepWatchingWhenClosed: true }));

    const windows = () =>
      electronApp.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows().map((win) => ({ visible: win.isVisible() })),
      );
    await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    // Hidden, not closed: the app runs on (and answers), with its one window out of sight.
    await expect.poll(windows).toEqual([{ visible: false }]);
    expect(await electronApp.evaluate(({ app }) => app.isReady())).toBe(true);

    // The Dock icon (macOS) or the tray's Open brings the same window back.
    await electronApp.evaluate(({ app }) => app.emit('activate'));
    await expect.poll(windows).toEqual([{ visible: true }]);

    // Quit really quits, even though closing only hides.
    const closed = new Promise<void>((resolve) => electronApp.once('close', () => resolve()));
    await electronApp.evaluate(({ app }) => app.quit());
    await closed;
  } finally {
    await electronApp.close().catch(() => undefined);
    await emulator.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
