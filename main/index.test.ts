// main/index.ts against a fake `electron` module: Electron's binary does not run everywhere the
// tests do, but the lifecycle wiring (what goes to the services, the menu, the failure dialog)
// can still be checked. The services, window factory and IPC registration are faked too.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOTIFY_PAUSE_MS, initialWatchState } from '../common/watch';
import type { AppServicesOptions } from './services';
import { STARTUP_FAILED_TITLE } from './startup';
import { DEFAULT_BASE_URLS } from './wyze/config';

interface Scenario {
  isPackaged: boolean;
  servicesFail?: boolean;
  /** This desktop cannot make a tray: Electron's Tray throws. */
  noTray?: boolean;
}

/** Electron's Tray as the tray code uses it; each one made is kept for the test to look at. */
class FakeTray {
  static made: FakeTray[] = [];
  menu: MenuItemConstructorOptions[] = [];
  tooltip = '';
  constructor(readonly image: unknown) {
    FakeTray.made.push(this);
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setTitle() {}
  setImage() {}
  setContextMenu(menu: MenuItemConstructorOptions[]) {
    this.menu = menu;
  }
  on() {}
  destroy() {}
}

function fakeElectron(root: string, scenario: Scenario) {
  const paths = new Map<string, string>([
    ['appData', join(root, 'appData')],
    ['logs', join(root, 'os-logs')],
  ]);
  const app = {
    isPackaged: scenario.isPackaged,
    enableSandbox: vi.fn(),
    setAppUserModelId: vi.fn(),
    setPath: vi.fn((name: string, value: string) => paths.set(name, value)),
    getPath: vi.fn((name: string) => paths.get(name) ?? join(root, name)),
    setAppLogsPath: vi.fn((value: string) => paths.set('logs', value)),
    getName: () => 'Wyzecam Desktop',
    getVersion: () => '9.9.9',
    requestSingleInstanceLock: () => true,
    getAppPath: () => join(root, 'app'),
    getLoginItemSettings: () => ({ wasOpenedAtLogin: false }),
    setLoginItemSettings: vi.fn(),
    on: vi.fn(),
    whenReady: () => Promise.resolve(),
    quit: vi.fn(),
    exit: vi.fn(),
  };
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
  return {
    app,
    dialog: {
      showErrorBox: vi.fn(),
      showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
    },
    Notification: Object.assign(vi.fn(), { isSupported: () => true }),
    Tray: scenario.noTray
      ? vi.fn(() => {
          throw new Error('no system tray');
        })
      : FakeTray,
    nativeImage: { createFromPath: (path: string) => path },
    ipcMain: {},
    net: { fetch: vi.fn(async () => new Response('{}')) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: session },
    shell: { openPath: vi.fn(async () => ''), openExternal: vi.fn() },
    Menu: {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
      setApplicationMenu: vi.fn(),
    },
  };
}

function fakeServices(keepWatchingWhenClosed: boolean | null = null) {
  const watchState = { ...initialWatchState() };
  watchState.prefs = { ...watchState.prefs, keepWatchingWhenClosed };
  return {
    router: { channels: [] },
    session: {
      view: () => ({ status: 'signedIn' }),
      startDemo: vi.fn(),
      onChange: () => () => undefined,
    },
    settings: { get: () => ({ window: null }), update: vi.fn() },
    inventory: {
      setVisible: vi.fn(),
      refresh: vi.fn(async () => undefined),
      view: () => ({ devices: [{ isCamera: true, online: false }] }),
      onChange: () => () => undefined,
    },
    watch: {
      state: () => watchState,
      onEvent: () => () => undefined,
      setPrefs: vi.fn(async () => watchState),
      pauseNotifications: vi.fn(),
    },
    live: { endAll: vi.fn() },
    subscribe: () => () => undefined,
    shutdown: vi.fn(async () => undefined),
  };
}

function fakeWindow() {
  return {
    on: vi.fn(),
    isDestroyed: () => false,
    isMinimized: () => false,
    isVisible: () => false,
    restore: vi.fn(),
    focus: vi.fn(),
    show: vi.fn(),
    hide: vi.fn(),
    close: vi.fn(),
    webContents: { send: vi.fn(), on: vi.fn() },
    loadURL: vi.fn(async () => undefined),
  };
}

describe('main/index.ts (with a fake Electron)', () => {
  let root: string;
  let listenersBefore: { uncaught: unknown[]; rejection: unknown[]; signals: unknown[] };
  const savedEnv = { ...process.env };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'wyzecam-index-'));
    listenersBefore = {
      uncaught: process.listeners('uncaughtException'),
      rejection: process.listeners('unhandledRejection'),
      signals: ['SIGINT', 'SIGTERM', 'SIGHUP'].flatMap((s) =>
        process.listeners(s as NodeJS.Signals),
      ),
    };
    vi.resetModules();
    FakeTray.made = [];
  });
  afterEach(() => {
    // Each test loads main/index.ts afresh: its signal listeners go with the test.
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      for (const l of process.listeners(signal))
        if (!listenersBefore.signals.includes(l)) process.removeListener(signal, l);
    }
    for (const l of process.listeners('uncaughtException'))
      if (!listenersBefore.uncaught.includes(l)) process.removeListener('uncaughtException', l);
    for (const l of process.listeners('unhandledRejection'))
      if (!listenersBefore.rejection.includes(l)) process.removeListener('unhandledRejection', l);
    process.env = { ...savedEnv };
    vi.restoreAllMocks();
    rmSync(root, { recursive: true, force: true });
  });

  async function start(scenario: Scenario & { keepWatchingWhenClosed?: boolean | null }) {
    const electron = fakeElectron(root, scenario);
    // Electron's own: where a packaged app's resources (the tray pictures) are.
    Object.assign(process, { resourcesPath: join(root, 'resources') });
    const createAppServices = vi.fn<(opts: AppServicesOptions) => Promise<object>>(async () => {
      if (scenario.servicesFail) throw new Error('settings.json: EACCES');
      return fakeServices(scenario.keepWatchingWhenClosed);
    });
    // The factory's shape: the window and its bounds saver (main/window-factory.ts).
    const createMainWindow = vi.fn(() => ({ win: fakeWindow(), saveBounds: vi.fn() }));
    vi.doMock('electron', () => electron);
    vi.doMock('./services', () => ({ createAppServices }));
    vi.doMock('./window-factory', () => ({ createMainWindow }));
    vi.doMock('./ipc/register', () => ({ registerIpc: vi.fn() }));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await import('./index');
    return { electron, createAppServices, createMainWindow };
  }

  it('packaged: net.fetch, Wyze hosts and the real keychain service, whatever the environment', async () => {
    process.env.WYZE_AUTH_BASE_URL = 'https://attacker.example';
    process.env.WYZECAM_KEYCHAIN_SERVICE = 'Someone Else';
    process.env.WYZECAM_USER_DATA = join(root, 'elsewhere');
    const { electron, createAppServices, createMainWindow } = await start({ isPackaged: true });
    await vi.waitFor(() => expect(createMainWindow).toHaveBeenCalled());

    const options = createAppServices.mock.calls[0]?.[0];
    expect(options?.baseUrls).toEqual(DEFAULT_BASE_URLS);
    expect(options?.keychainService).toBe('Wyzecam Desktop');
    expect(options?.userDataDir).toBe(join(root, 'appData', 'Wyzecam Desktop'));
    await options?.fetch?.('https://api.wyzecam.com/x', { method: 'POST' });
    expect(electron.net.fetch).toHaveBeenCalledWith('https://api.wyzecam.com/x', {
      method: 'POST',
    });
    expect(electron.app.setAppLogsPath).not.toHaveBeenCalled();
  });

  it('registers app:// as a standard, secure scheme whose compiled scripts V8 keeps between launches', async () => {
    const { electron } = await start({ isPackaged: true });
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: {
          standard: true,
          secure: true,
          supportFetchAPI: true,
          stream: true,
          codeCache: true,
        },
      },
    ]);
  });

  it('keeps a log file under the OS logs folder, and Help → Show logs opens that folder', async () => {
    const { electron } = await start({ isPackaged: true });
    await vi.waitFor(() => expect(electron.Menu.setApplicationMenu).toHaveBeenCalled());
    const logs = join(root, 'os-logs');
    expect(readFileSync(join(logs, 'main.log'), 'utf8')).toContain('INFO starting');

    const template = electron.Menu.setApplicationMenu.mock.calls[0]?.[0] as
      MenuItemConstructorOptions[] | undefined;
    const help = template?.find((item) => item.role === 'help')?.submenu;
    const showLogs = Array.isArray(help) ? help.find((i) => i.label === 'Show logs') : undefined;
    (showLogs?.click as (() => void) | undefined)?.();
    await vi.waitFor(() => expect(electron.shell.openPath).toHaveBeenCalledWith(logs));
  });

  it('development: the e2e profile, keychain service and emulator apply; logs stay with the profile', async () => {
    process.env.WYZE_AUTH_BASE_URL = 'http://127.0.0.1:4010';
    process.env.WYZECAM_KEYCHAIN_SERVICE = 'Wyzecam E2E 1';
    process.env.WYZECAM_USER_DATA = join(root, 'profile');
    const { electron, createAppServices } = await start({ isPackaged: false });
    await vi.waitFor(() => expect(createAppServices).toHaveBeenCalled());
    const options = createAppServices.mock.calls[0]?.[0];
    expect(options?.baseUrls.auth).toBe('http://127.0.0.1:4010');
    expect(options?.keychainService).toBe('Wyzecam E2E 1');
    expect(electron.app.setAppLogsPath).toHaveBeenCalledWith(join(root, 'profile', 'logs'));
    expect(existsSync(join(root, 'profile', 'logs', 'main.log'))).toBe(true);
  });

  it('a start-up failure shows a dialog naming the log file and exits with 1', async () => {
    const { electron } = await start({ isPackaged: true, servicesFail: true });
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(1));
    const [title, content] = electron.dialog.showErrorBox.mock.calls[0] ?? [];
    expect(title).toBe(STARTUP_FAILED_TITLE);
    expect(content).toContain(join(root, 'os-logs', 'main.log'));
    expect(readFileSync(join(root, 'os-logs', 'main.log'), 'utf8')).toContain(
      'ERROR start-up failed',
    );
  });

  it('development: a cloud host in the clear is a start-up failure the user sees, not a crash', async () => {
    process.env.WYZE_API_BASE_URL = 'http://attacker.example';
    const { electron, createAppServices } = await start({ isPackaged: false });
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(1));
    expect(createAppServices).not.toHaveBeenCalled();
    expect(electron.dialog.showErrorBox.mock.calls[0]?.[0]).toBe(STARTUP_FAILED_TITLE);
  });

  it('an uncaught exception in main shows the dialog and exits with 1', async () => {
    const { electron } = await start({ isPackaged: true });
    const handler = process
      .listeners('uncaughtException')
      .find((l) => !listenersBefore.uncaught.includes(l));
    expect(handler).toBeDefined();
    handler?.(new Error('boom'), 'uncaughtException');
    expect(electron.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    expect(electron.app.exit).toHaveBeenCalledWith(1);
  });

  it('quitting waits for the shutdown of the services, then quits', async () => {
    const { electron, createAppServices, createMainWindow } = await start({ isPackaged: true });
    await vi.waitFor(() => expect(createMainWindow).toHaveBeenCalled());
    const services = (await createAppServices.mock.results[0]?.value) as ReturnType<
      typeof fakeServices
    >;
    const beforeQuit = electron.app.on.mock.calls.find(([name]) => name === 'before-quit')?.[1] as
      ((event: { preventDefault: () => void }) => void) | undefined;
    const event = { preventDefault: vi.fn() };
    beforeQuit?.(event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(1));
    expect(services.shutdown).toHaveBeenCalledTimes(1);
  });

  it('SIGTERM, SIGINT and SIGHUP quit like the Quit menu (before-quit then shuts down)', async () => {
    const { electron, createMainWindow } = await start({ isPackaged: true });
    await vi.waitFor(() => expect(createMainWindow).toHaveBeenCalled());
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
      const ours = process.listeners(signal).filter((l) => !listenersBefore.signals.includes(l));
      expect(ours, signal).toHaveLength(1);
      ours[0]?.(signal);
    }
    expect(electron.app.quit).toHaveBeenCalledTimes(3);
  });

  it('closing the window ends every live session (its signalling sockets close with it)', async () => {
    const { createAppServices, createMainWindow } = await start({ isPackaged: true });
    await vi.waitFor(() => expect(createMainWindow).toHaveBeenCalled());
    const services = (await createAppServices.mock.results[0]?.value) as ReturnType<
      typeof fakeServices
    >;
    const win = createMainWindow.mock.results[0]?.value.win;
    const closed = (win?.on.mock.calls as unknown[][] | undefined)?.find(
      (call) => call[0] === 'closed',
    )?.[1] as (() => void) | undefined;
    expect(services.live.endAll).not.toHaveBeenCalled();
    closed?.();
    expect(services.live.endAll).toHaveBeenCalledWith('window-closed');
  });

  /** The window's listener for `name`. */
  function windowListener(win: ReturnType<typeof fakeWindow> | undefined, name: string) {
    return {
      win,
      listener: (win?.on.mock.calls as unknown[][] | undefined)?.find(
        (call) => call[0] === name,
      )?.[1] as ((event: { preventDefault: () => void }) => void) | undefined,
    };
  }

  it('with keep-watching on, closing the window hides it; after before-quit it closes', async () => {
    const { electron, createMainWindow } = await start({
      isPackaged: true,
      keepWatchingWhenClosed: true,
    });
    await vi.waitFor(() => expect(createMainWindow).toHaveBeenCalled());
    const { win, listener: onClose } = windowListener(
      createMainWindow.mock.results[0]?.value.win,
      'close',
    );
    const first = { preventDefault: vi.fn() };
    onClose?.(first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(win?.hide).toHaveBeenCalledTimes(1);

    const beforeQuit = electron.app.on.mock.calls.find(([name]) => name === 'before-quit')?.[1] as
      ((event: { preventDefault: () => void }) => void) | undefined;
    beforeQuit?.({ preventDefault: vi.fn() });
    const second = { preventDefault: vi.fn() };
    onClose?.(second);
    expect(second.preventDefault).not.toHaveBeenCalled();
    expect(win?.hide).toHaveBeenCalledTimes(1);
  });

  it('the first close asks, stores "keep watching" and hides the window', async () => {
    const { electron, createAppServices, createMainWindow } = await start({ isPackaged: true });
    await vi.waitFor(() => expect(createMainWindow).toHaveBeenCalled());
    const services = (await createAppServices.mock.results[0]?.value) as ReturnType<
      typeof fakeServices
    >;
    const { win, listener: onClose } = windowListener(
      createMainWindow.mock.results[0]?.value.win,
      'close',
    );
    onClose?.({ preventDefault: vi.fn() });
    await vi.waitFor(() => expect(win?.hide).toHaveBeenCalled());
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(
      win,
      expect.objectContaining({
        message: 'Keep watching your cameras when the window is closed?',
      }),
    );
    expect(services.watch.setPrefs).toHaveBeenCalledWith({ keepWatchingWhenClosed: true });
  });

  it('the tray says how many cameras are offline; Pause pauses for an hour, Quit quits', async () => {
    const { electron, createAppServices, createMainWindow } = await start({ isPackaged: true });
    await vi.waitFor(() => expect(createMainWindow).toHaveBeenCalled());
    const services = (await createAppServices.mock.results[0]?.value) as ReturnType<
      typeof fakeServices
    >;
    expect(FakeTray.made).toHaveLength(1);
    const tray = FakeTray.made[0];
    expect(tray?.tooltip).toBe('Wyzecam Desktop: 1 camera offline');
    const click = (label: string) =>
      (tray?.menu.find((item) => item.label === label)?.click as (() => void) | undefined)?.();
    const before = Date.now();
    click('Pause notifications for 1 hour');
    const until = services.watch.pauseNotifications.mock.calls[0]?.[0] as number;
    expect(until - before).toBeGreaterThanOrEqual(NOTIFY_PAUSE_MS);
    expect(until - Date.now()).toBeLessThanOrEqual(NOTIFY_PAUSE_MS);
    click('Refresh now');
    expect(services.inventory.refresh).toHaveBeenCalledTimes(1);
    click('Quit');
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
  });

  it("the app menu has the tray's Pause notifications item too (desktops without a tray)", async () => {
    const { electron, createAppServices, createMainWindow } = await start({ isPackaged: true });
    await vi.waitFor(() => expect(createMainWindow).toHaveBeenCalled());
    const services = (await createAppServices.mock.results[0]?.value) as ReturnType<
      typeof fakeServices
    >;
    const template = electron.Menu.setApplicationMenu.mock.calls.at(-1)?.[0] as
      MenuItemConstructorOptions[] | undefined;
    const view = template?.find((item) => item.label === 'View')?.submenu;
    const pause = Array.isArray(view)
      ? view.find((item) => item.label === 'Pause notifications for 1 hour')
      : undefined;
    expect(pause?.enabled).toBe(true);
    (pause?.click as (() => void) | undefined)?.();
    expect(services.watch.pauseNotifications).toHaveBeenCalledTimes(1);
  });

  it.each([
    [true, false],
    [null, true],
  ])(
    'started at login (--hidden) with keep-watching %s: window opened %s',
    async (keepWatchingWhenClosed, opened) => {
      const argv = process.argv;
      process.argv = [...argv, '--hidden'];
      try {
        const { createAppServices, createMainWindow } = await start({
          isPackaged: true,
          keepWatchingWhenClosed,
        });
        await vi.waitFor(() => expect(FakeTray.made).toHaveLength(1));
        await createAppServices.mock.results[0]?.value;
        await vi.waitFor(() =>
          expect(createMainWindow.mock.calls.length > 0 || !opened).toBe(true),
        );
        expect(createMainWindow.mock.calls.length > 0).toBe(opened);
      } finally {
        process.argv = argv;
      }
    },
  );

  it('with no tray on this desktop: the app menu still comes, and a start at login opens the window', async () => {
    const argv = process.argv;
    process.argv = [...argv, '--hidden'];
    try {
      const { electron, createAppServices, createMainWindow } = await start({
        isPackaged: true,
        keepWatchingWhenClosed: true,
        noTray: true,
      });
      await createAppServices.mock.results[0]?.value;
      await vi.waitFor(() => expect(createMainWindow).toHaveBeenCalled());
      expect(FakeTray.made).toHaveLength(0);
      expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    } finally {
      process.argv = argv;
    }
  });

  it('start at login on Linux writes the autostart entry under XDG_CONFIG_HOME', async () => {
    process.env.XDG_CONFIG_HOME = join(root, 'config');
    const original = Object.getOwnPropertyDescriptor(process, 'platform');
    Object.defineProperty(process, 'platform', { value: 'linux' });
    try {
      const { createAppServices } = await start({ isPackaged: true });
      await vi.waitFor(() => expect(createAppServices).toHaveBeenCalled());
      const options = createAppServices.mock.calls[0]?.[0];
      expect(options?.notifier).toBeDefined();
      await options?.applyLoginItem?.(true);
      const file = join(root, 'config', 'autostart', 'wyzecam-desktop.desktop');
      expect(readFileSync(file, 'utf8')).toContain(`Exec=${process.execPath} --hidden`);
      await options?.applyLoginItem?.(false);
      expect(existsSync(file)).toBe(false);
    } finally {
      if (original) Object.defineProperty(process, 'platform', original);
    }
  });

  it.each([
    ['the renderer crashes', 'render-process-gone', {}, true],
    [
      'the page reloads',
      'did-start-navigation',
      { isMainFrame: true, isSameDocument: false },
      true,
    ],
    [
      'a same-document navigation',
      'did-start-navigation',
      { isMainFrame: true, isSameDocument: true },
      false,
    ],
    [
      'a frame navigates',
      'did-start-navigation',
      { isMainFrame: false, isSameDocument: false },
      false,
    ],
  ])('when %s, live sessions end: %s', async (_what, eventName, details, ends) => {
    const { createAppServices, createMainWindow } = await start({ isPackaged: true });
    await vi.waitFor(() => expect(createMainWindow).toHaveBeenCalled());
    const services = (await createAppServices.mock.results[0]?.value) as ReturnType<
      typeof fakeServices
    >;
    const win = createMainWindow.mock.results[0]?.value.win;
    const listener = (win?.webContents.on.mock.calls as unknown[][] | undefined)?.find(
      (call) => call[0] === eventName,
    )?.[1] as ((details: object) => void) | undefined;
    expect(listener).toBeDefined();
    listener?.(details);
    if (ends) expect(services.live.endAll).toHaveBeenCalledWith('stopped');
    else expect(services.live.endAll).not.toHaveBeenCalled();
  });

  it('snapshots go through the native save dialog, in Pictures, as PNG', async () => {
    const { electron, createAppServices } = await start({ isPackaged: true });
    await vi.waitFor(() => expect(createAppServices).toHaveBeenCalled());
    const showSaveDialog = vi.fn(async () => ({ canceled: true, filePath: '' }));
    Object.assign(electron.dialog, { showSaveDialog });
    const save = createAppServices.mock.calls[0]?.[0].saveSnapshotFile;
    expect(await save?.({ suggestedName: 'Front Door.png', bytes: Buffer.alloc(1) })).toEqual({
      kind: 'cancelled',
    });
    expect(showSaveDialog).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        defaultPath: join(root, 'pictures', 'Front Door.png'),
        filters: [{ name: 'PNG picture', extensions: ['png'] }],
      }),
    );
  });

  it('an unhandled rejection is logged, and the app keeps running', async () => {
    const { electron } = await start({ isPackaged: true });
    const handler = process
      .listeners('unhandledRejection')
      .find((l) => !listenersBefore.rejection.includes(l));
    handler?.(new Error('stray'), Promise.resolve());
    expect(electron.app.exit).not.toHaveBeenCalled();
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(readFileSync(join(root, 'os-logs', 'main.log'), 'utf8')).toContain(
      'ERROR unhandled rejection',
    );
  });

  it.each([
    { platform: 'win32', expected: [['com.wyzecam.desktop']] },
    { platform: 'linux', expected: [] },
  ])('sets the AppUserModelID on $platform: $expected', async ({ platform, expected }) => {
    const original = Object.getOwnPropertyDescriptor(process, 'platform');
    Object.defineProperty(process, 'platform', { value: platform });
    try {
      const { electron } = await start({ isPackaged: true });
      expect(electron.app.setAppUserModelId.mock.calls).toEqual(expected);
    } finally {
      if (original) Object.defineProperty(process, 'platform', original);
    }
  });
});
