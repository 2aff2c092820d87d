// The Electron main process: lifecycle only. Everything it wires up lives in plain-Node modules
// (services.ts, policy.ts, protocol.ts, app-protocol.ts, window*.ts, desktop-options.ts,
// startup.ts, logging/) that are tested without Electron, and in the thin Electron modules
// beside it (desktop-logging.ts, desktop-menus.ts, desktop-services.ts, desktop-window.ts).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  dialog,
  ipcMain,
  protocol,
  screen,
  session as electronSession,
  shell,
} from 'electron';
import type { BrowserWindow } from 'electron';
import { closeQuestion, createCloseToTray } from './close-to-tray';
import { startLogging } from './desktop-logging';
import { startDesktopMenus } from './desktop-menus';
import { desktopEnvironment } from './desktop-options';
import { startDesktopServices } from './desktop-services';
import { wireMainWindow } from './desktop-window';
import { appIdentity, appUserModelId } from './identity';
import { registerIpc } from './ipc/register';
import { HIDDEN_ARG, startHidden } from './login-item';
import {
  APP_ORIGIN,
  APP_SCHEME,
  allowNavigation,
  allowPermission,
  appOrigins,
  isAllowedExternal,
  isTrustedSender,
} from './policy';
import { createAppProtocolHandler } from './app-protocol';
import type { AppServices } from './services';
import { createQuitGuard } from './quit';
import { createMainWindow } from './window-factory';
import {
  createFirstScreen,
  DEFAULT_FIRST_SCREEN_HEIGHT,
  loadFirstScreenRenderer,
} from './first-screen';
import type { FirstScreen } from './first-screen';

const here = fileURLToPath(new URL('.', import.meta.url));
const RENDERER_DIR = join(here, '../renderer');
const INDEX_HTML = join(RENDERER_DIR, 'index.html');
const PRELOAD = join(here, '../preload/index.cjs');
const SOURCE_ROOT = join(here, '../..');
const isMac = process.platform === 'darwin';
// Development overrides (profile, keychain service, cloud hosts, dev server); none when packaged.
const environment = desktopEnvironment(process.env, app.isPackaged);
const DEV_SERVER = environment.devServerUrl ?? undefined;
const origins = appOrigins(DEV_SERVER);
const identity = appIdentity(app.isPackaged);

app.enableSandbox();
const modelId = appUserModelId(process.platform);
if (modelId) app.setAppUserModelId(modelId);
app.setPath(
  'userData',
  environment.userDataDir || join(app.getPath('appData'), identity.userDataName),
);
const { logger, logFile, failures } = startLogging();

protocol.registerSchemesAsPrivileged([
  // stream: a <video> plays event clips from app:// with range requests (docs/security.md, S27).
  // codeCache: V8 keeps the compiled app script between launches, so a relaunch does not compile
  // it again before the first rows (Electron's CustomScheme docs; it needs `standard`).
  {
    scheme: APP_SCHEME,
    privileges: {
      standard: true,
      secure: true,
      supportFetchAPI: true,
      stream: true,
      codeCache: true,
    },
  },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  let saveWindowBounds: (() => void) | null = null;
  let services: AppServices | null = null;
  // The cached list's first screen, written into index.html (main/first-screen.ts); its renderer
  // loads while the services start.
  let firstScreen: FirstScreen | null = null;
  const firstScreenRenderer = loadFirstScreenRenderer(join(here, '../server/index.mjs'), logger);
  let openWindow: (() => Promise<void>) | null = null;
  const quitGuard = createQuitGuard({ quit: () => app.quit(), logger });

  /** Shows, restores and focuses the window; opens it when there is none (closed, started hidden). */
  const showWindow = async (): Promise<void> => {
    if (mainWindow && !mainWindow.isDestroyed()) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      if (!mainWindow.isVisible()) mainWindow.show();
      mainWindow.focus();
      return;
    }
    await openWindow?.();
  };

  // Launching the app again shows the running one (also the way back to a window hidden in a tray
  // the desktop does not display); a second start at login stays in the tray.
  app.on('second-instance', (_event, argv) => {
    if (!argv.includes(HIDDEN_ARG)) void showWindow();
  });

  // Closing the window may keep the app watching from the tray (main/close-to-tray.ts).
  const closeToTray = createCloseToTray({
    // Before the services exist there is nothing to keep watching: close as before.
    keepWatchingWhenClosed: () =>
      services ? services.watch.state().prefs.keepWatchingWhenClosed : false,
    signedIn: () => services?.session.view().status === 'signedIn',
    ask: async () => {
      const question = closeQuestion(isMac);
      const answer = mainWindow
        ? await dialog.showMessageBox(mainWindow, question)
        : await dialog.showMessageBox(question);
      return answer.response;
    },
    saveAnswer: async (keepWatching) =>
      services?.watch.setPrefs({ keepWatchingWhenClosed: keepWatching }),
    hideWindow: () => mainWindow?.hide(),
    closeWindow: () => mainWindow?.close(),
    logger,
  });

  // Navigation, new windows and webviews are locked for every web contents (security S4).
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!allowNavigation(url, origins)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!allowNavigation(url, origins)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  const openUrl = async (url: string): Promise<void> => {
    if (!isAllowedExternal(url)) throw new Error('external URL not allowed');
    await shell.openExternal(url);
  };

  app
    .whenReady()
    .then(async () => {
      const ses = electronSession.defaultSession;
      ses.setPermissionRequestHandler((_wc, permission, callback) =>
        callback(allowPermission(permission)),
      );
      ses.setPermissionCheckHandler((_wc, permission) => allowPermission(permission));
      ses.setDevicePermissionHandler(() => false);

      // The UI, cameras' pictures and event files, from app:// only (security S7, S8, S27).
      protocol.handle(
        APP_SCHEME,
        createAppProtocolHandler({
          rendererDir: RENDERER_DIR,
          indexHtml: INDEX_HTML,
          services: () => services,
          firstScreen: () => firstScreen,
        }),
      );

      services = await startDesktopServices({
        identity,
        isTrustedSender: isTrustedSender(origins),
        openUrl,
        showWindow,
        mainWindow: () => mainWindow,
        logger,
      });
      registerIpc(ipcMain, services.router);
      const started = services;
      firstScreen = createFirstScreen({
        router: started.router,
        cachedListShown: () => started.inventory.cachedListShown(),
        sender: { url: `${APP_ORIGIN}/index.html`, isMainFrame: true },
        renderer: firstScreenRenderer,
        // The window's last size; a maximised one fills its display's work area.
        height: () => {
          const bounds = started.settings.get().window;
          if (!bounds) return DEFAULT_FIRST_SCREEN_HEIGHT;
          return bounds.maximized
            ? screen.getDisplayMatching(bounds).workArea.height
            : bounds.height;
        },
        logger,
      });
      // `npm run demo` opens straight into the demo account.
      if (environment.demo && services.session.view().status !== 'signedIn') {
        await services.session
          .startDemo()
          .catch((err: unknown) => logger.error('demo failed', { err }));
      }
      const app_ = services;
      openWindow = async (): Promise<void> => {
        const { win, saveBounds } = createMainWindow({
          preload: PRELOAD,
          isPackaged: app.isPackaged,
          bounds: app_.settings.get().window,
          onBoundsChanged: (window) => quitGuard.track(app_.settings.update({ window })),
        });
        mainWindow = win;
        saveWindowBounds = saveBounds;
        closeToTray.windowOpened();
        wireMainWindow(win, {
          services: app_,
          closeToTray,
          onClosed: () => {
            mainWindow = null;
            saveWindowBounds = null;
          },
        });
        await win.loadURL(DEV_SERVER ?? `${APP_ORIGIN}/index.html`);
      };
      // macOS convention: the app stays in the Dock and brings its window back on activate.
      app.on('activate', () => void showWindow());

      const { hasTray } = startDesktopMenus({
        services: app_,
        isMac,
        isPackaged: app.isPackaged,
        resourcesPath: process.resourcesPath,
        sourceRoot: SOURCE_ROOT,
        logsDir: logFile?.dir ?? app.getPath('logs'),
        showWindow,
        mainWindow: () => mainWindow,
        openUrl,
        quit: () => app.quit(),
        logger,
      });
      const atLogin = isMac && app.getLoginItemSettings().wasOpenedAtLogin;
      const hidden = startHidden({
        argv: process.argv,
        wasOpenedAtLogin: atLogin,
        keepWatchingWhenClosed: app_.watch.state().prefs.keepWatchingWhenClosed,
      });
      // Started at login to keep watching: only the tray, unless there is no tray to come back by.
      if (!hidden || !hasTray) {
        // The page's first screen is rendered while the window opens, not on the page's request
        // (main/first-screen.ts, `prepare`); a page from the dev server is not served by main.
        if (!DEV_SERVER) firstScreen?.prepare();
        await openWindow();
      }
    })
    // A failure here would otherwise be a silent exit: tell the user and point at the log.
    .catch(failures.startupFailed);

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Electron quits on these signals by itself, but once signal-exit (write-file-atomic's clean-up
  // of its temporary files) has set its own handlers, Node's replace Electron's: without a
  // listener of ours it re-raises the signal and the process ends mid-write, without before-quit's
  // shutdown (the last list, the history). So a signal (a session ending, `kill`) quits like the
  // Quit menu; preview/cli.ts does the same for the preview host.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => app.quit());
  }
  // The first quit waits (briefly) for the window's bounds, saved here because Cmd+Q and the Quit
  // menu emit before-quit before the window's close, and for the session's shutdown.
  app.on('before-quit', (event) => {
    // Quit from the tray or the menu really quits: the window's close no longer hides it.
    closeToTray.quitting();
    const running = services;
    quitGuard.beforeQuit(event, running ? () => running.shutdown() : null, () =>
      saveWindowBounds?.(),
    );
  });
}
