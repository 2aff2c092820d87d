import { execFileSync, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, expect, test as base } from '@playwright/test';
import type { Browser, ElectronApplication, Page } from '@playwright/test';
import { DEMO_ACCOUNT } from '../emulator/demo-account';
import { startEmulator } from '../emulator/server';
import type { RunningEmulator } from '../emulator/server';
import type { WorldInput } from '../emulator/world';
import { childHostEnv, spawnChildHost, stopChildHost } from '../preview/child-host';
import { electronBinary, ELECTRON_SKIP_REASON, launchArgs } from './electron-binary';
import { answerKeepWatching } from './keep-watching-answer';

export interface TransportOptions {
  transport: 'browser' | 'electron';
}

/** The demo account's credentials, read from the demo world (its one source). */
export const DEMO = DEMO_ACCOUNT;

// fileURLToPath, not URL.pathname: the latter keeps %20 for spaces and gives /C:/… on Windows.
export const DEMO_WORLD = fileURLToPath(new URL('../emulator/worlds/demo.json', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The keychain is read and cleared through secret-tool, so only Linux can check it. */
const KEYCHAIN_SKIP_REASON = 'The keychain is checked through secret-tool (Linux only).';

export interface LaunchOptions {
  world?: string | WorldInput;
  /** 'broken' starts the app with no reachable Secret Service. */
  keychain?: 'real' | 'broken';
}

/** A launched app: the page, the emulator standing in for Wyze, and its keychain/profile. */
export interface AppHandle {
  page: Page;
  emulator: RunningEmulator;
  keychainService: string;
  /** Quits the app and starts it again on the same profile and keychain. */
  relaunch(): Promise<void>;
  /** What the keychain holds for this app, through the real secret-tool. */
  keychainEntries(): string;
}

/** Chromium for the browser transport, started on first use so the Electron project never needs it. */
type LazyChromium = () => Promise<Browser>;

export const test = base.extend<
  TransportOptions & { launch: (opts?: LaunchOptions) => Promise<AppHandle> },
  { lazyChromium: LazyChromium }
>({
  transport: ['browser', { option: true }],

  // Not Playwright's `browser` fixture: depending on it launches Chromium (the config's
  // executablePath, /usr/bin/chromium) for every project, so the Electron project could never run
  // on a machine without that file (Windows, macOS). One Chromium per worker, launched on demand.
  lazyChromium: [
    async ({ playwright, launchOptions }, use) => {
      const launched: { browser?: Promise<Browser> } = {};
      await use(() => (launched.browser ??= playwright.chromium.launch(launchOptions)));
      if (launched.browser) await (await launched.browser).close();
    },
    { scope: 'worker' },
  ],

  launch: async ({ transport, lazyChromium }, use) => {
    test.skip(transport === 'electron' && !electronBinary(), ELECTRON_SKIP_REASON);
    const onLinux = process.platform === 'linux';
    const cleanups: (() => Promise<void>)[] = [];
    await use(async (opts: LaunchOptions = {}) => {
      // Breaking the keychain means pointing keytar at a dead D-Bus: a Linux-only trick.
      test.skip(opts.keychain === 'broken' && !onLinux, KEYCHAIN_SKIP_REASON);
      const emulator = await startEmulator({ world: opts.world ?? DEMO_WORLD });
      cleanups.push(() => emulator.close());
      const profile = mkdtempSync(join(tmpdir(), 'wyzecam-e2e-'));
      mkdirSync(profile, { recursive: true });
      if (transport === 'electron') answerKeepWatching(profile);
      const keychainService = `Wyzecam E2E ${randomUUID()}`;
      const env: NodeJS.ProcessEnv = {
        ...childHostEnv({ cloudUrl: emulator.url, userDataDir: profile, keychainService }),
        ...(opts.keychain === 'broken'
          ? { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' }
          : {}),
      };
      const context = transport === 'browser' ? await (await lazyChromium()).newContext() : null;
      let child: ChildProcess | null = null;
      let electronApp: ElectronApplication | null = null;
      let page: Page;

      async function start(): Promise<Page> {
        if (transport === 'electron') {
          electronApp = await _electron.launch({
            executablePath: electronBinary() ?? '',
            args: launchArgs(ROOT),
            env: env as Record<string, string>,
          });
          return electronApp.firstWindow();
        }
        const host = await spawnChildHost(ROOT, env);
        child = host.child;
        const p = await (context ?? (await (await lazyChromium()).newContext())).newPage();
        await p.goto(host.url);
        return p;
      }
      async function stop(): Promise<void> {
        await electronApp?.close();
        electronApp = null;
        await stopChildHost(child);
        child = null;
      }

      page = await start();
      cleanups.push(async () => {
        await stop();
        await context?.close();
        try {
          execFileSync('secret-tool', ['clear', 'service', keychainService], { stdio: 'ignore' });
        } catch {
          // nothing stored, or no Secret Service: nothing to clean
        }
        rmSync(profile, { recursive: true, force: true });
      });

      const handle: AppHandle = {
        get page() {
          return page;
        },
        emulator,
        keychainService,
        async relaunch() {
          await page.close();
          await stop();
          page = await start();
        },
        keychainEntries() {
          test.skip(!onLinux, KEYCHAIN_SKIP_REASON);
          // secret-tool prints secrets on stdout and their attributes on stderr: keep both.
          const found = spawnSync('secret-tool', ['search', '--all', 'service', keychainService], {
            encoding: 'utf8',
          });
          return `${found.stdout ?? ''}${found.stderr ?? ''}`.trim();
        },
      };
      return handle;
    });
    for (const cleanup of cleanups.reverse()) await cleanup();
  },
});

export { expect };

/** Fills and submits the sign-in form the way a person would. */
export async function signIn(page: Page, creds: Partial<typeof DEMO> = {}): Promise<void> {
  const c = { ...DEMO, ...creds };
  await page.getByLabel('Email').fill(c.email);
  await page.getByLabel('Password', { exact: true }).fill(c.password);
  await page.getByLabel('API key ID').fill(c.keyId);
  await page.getByLabel('API key', { exact: true }).fill(c.apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Saves a screenshot for the README when SCREENSHOTS=1, else beside the test results. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir =
    process.env.SCREENSHOTS === '1'
      ? join(ROOT, 'docs/screenshots')
      : join(ROOT, 'test-results/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

/**
 * A window tall enough for every row of the demo world (and its groups): the list draws only the
 * rows in view and a few beyond, and some checks read all of them.
 */
export const showAllRows = (page: Page) => page.setViewportSize({ width: 1280, height: 1800 });

export const cameraTable = (page: Page) => page.getByRole('table', { name: 'Cameras' });

/** The table row whose row header is this camera's name (or MAC, for duplicate names). */
export const cameraRow = (page: Page, text: string) =>
  cameraTable(page).getByRole('row').filter({ hasText: text });

/**
 * What main has kept of the view preferences (a readiness signal: the preference reached the
 * settings file, so a relaunch starts from it), as the page's bridge reads them.
 */
export async function keptPrefs(page: Page): Promise<Record<string, unknown> | null> {
  return page.evaluate(async () => {
    const bridge = (
      window as unknown as {
        wyze: { getViewPrefs(): Promise<{ ok: boolean; value?: Record<string, unknown> }> };
      }
    ).wyze;
    const result = await bridge.getViewPrefs();
    return result.ok ? (result.value ?? null) : null;
  });
}
