// The Electron main process: lifecycle only. Everything it wires up lives in plain-Node modules
// (services.ts, policy.ts, protocol.ts, app-protocol.ts, window*.ts, desktop-options.ts,
// startup.ts, logging/) that are tested without Electron.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Menu,
  Notification,
  Tray,
  app,
  dialog,
  ipcMain,
  nativeImage,
  net,
  protocol,
  screen,
  session as electronSession,
  shell,
} from 'electron';
import type { BrowserWindow } from 'electron';
import { EVENTS } from '../common/channels';
import { NOTIFY_PAUSE_MS } from '../common/watch';
import { closeQuestion, createCloseToTray } from './close-to-tray';
import { desktopEnvironment, desktopServiceOptions } from './desktop-options';
import { appIdentity, appUserModelId } from './identity';
import { SAVE_FILTERS, saveWithDialog } from './export/save-file';
import { registerIpc } from './ipc/register';
import { saveSnapshotWithDialog } from './live/snapshot';
import {
  HIDDEN_ARG,
  autostartDir,
  autostartEntry,
  createApplyLoginItem,
  launchCommand,
  startHidden,
  xdgAutostart,
} from './login-item';
import { createFileSink } from './logging/file-sink';
import type { FileSink } from './logging/file-sink';
import { combineSinks, consoleSink, createLogger } from './logging/logger';
import { menuTemplate } from './menu';
import { createNotifier } from './notifier';
import {
  APP_ORIGIN,
  APP_SCHEME,
  EXTERNAL_URLS,
  allowNavigation,
  allowPermission,
  appOrigins,
  isAllowedExternal,
  isTrustedSender,
} from './policy';
import { createAppProtocolHandler } from './app-protocol';
import { createAppServices } from './services';
import type { AppServices } from './services';
import { createQuitGuard } from './quit';
import { createFailureHandlers, showLogsAction } from './startup';
import { createAppTray, trayIconPaths } from './tray';
import { pauseItem } from './tray-model';
import type { TrayAction, TrayActionItem, TrayModel } from './tray-model';
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
// Packaged: the OS logs folder. Development: beside its own profile, apart from the real app's.
if (!app.isPackaged) app.setAppLogsPath(join(app.getPath('userData'), 'logs'));

function openLogFile(): FileSink | null {
  try {
    return createFileSink({ dir: app.getPath('logs'), appName: app.getName() });
  } catch (err) {
    console.error('log file unavailable', err);
    return null;
  }
}
const logFile = openLogFile();
const logger = createLogger({
  level: app.isPackaged ? 'info' : 'debug',
  sink: logFile ? combineSinks(consoleSink, logFile.write) : consoleSink,
});
const failures = createFailureHandlers({
  showErrorBox: (title, content) => dialog.showErrorBox(title, content),
  logger,
  exit: (code) => app.exit(code),
  logFile: logFile?.file ?? null,
});
process.on('uncaughtException', failures.uncaught);
process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { err: reason }));
logger.info('starting', {
  version: app.getVersion(),
  packaged: app.isPackaged,
  platform: process.platform,
});

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

  /** The native save dialog over the main window; the chosen path, or null when cancelled. */
  const askWhereToSave = async (
    defaultPath: string,
    filter: { name: string; extensions: string[] },
  ): Promise<string | null> => {
    const options = { defaultPath, filters: [filter] };
    const chosen = mainWindow
      ? await dialog.showSaveDialog(mainWindow, options)
      : await dialog.showSaveDialog(options);
    return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
  };

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

      const linuxAutostart = xdgAutostart({
        dir: autostartDir(process.env, app.getPath('home')),
        // A development build's entry is its own, beside the installed app's.
        fileName: app.isPackaged ? 'wyzecam-desktop.desktop' : 'wyzecam-desktop-dev.desktop',
        entry: autostartEntry({
          name: identity.userDataName,
          command: launchCommand({
            execPath: process.execPath,
            appImage: process.env.APPIMAGE,
            isPackaged: app.isPackaged,
            appPath: app.getAppPath(),
          }),
          icon: 'wyzecam-desktop',
        }),
      });
      services = await createAppServices({
        ...desktopServiceOptions({
          app,
          net,
          env: process.env,
          keychainService: identity.keychainService,
          logger,
          isTrustedSender: isTrustedSender(origins),
          openUrl,
        }),
        // Export: the native save dialog, in the Downloads folder with a dated name.
        saveFile: saveWithDialog({
          choosePath: (file) =>
            askWhereToSave(
              join(app.getPath('downloads'), file.suggestedName),
              SAVE_FILTERS[file.format],
            ),
        }),
        // Live view's snapshot: the same dialog, in the Pictures folder, named after the camera.
        saveSnapshotFile: saveSnapshotWithDialog({
          choosePath: (suggestedName) =>
            askWhereToSave(join(app.getPath('pictures'), suggestedName), {
              name: 'PNG picture',
              extensions: ['png'],
            }),
        }),
        notifier: createNotifier({
          Notification,
          isSupported: () => Notification.isSupported(),
          showWindow,
          logger,
        }),
        applyLoginItem: createApplyLoginItem({
          platform: process.platform,
          app,
          linux: linuxAutostart,
        }),
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
        win.on('close', (event) => closeToTray.onClose(event));
        // Windows: logging off or shutting down closes the window for good.
        win.on('session-end', () => closeToTray.quitting());
        const unsubscribe = app_.subscribe((event, payload) => {
          if (!win.isDestroyed()) win.webContents.send(event, payload);
        });
        win.on('hide', () => app_.inventory.setVisible(false));
        win.on('minimize', () => app_.inventory.setVisible(false));
        win.on('show', () => app_.inventory.setVisible(true));
        win.on('restore', () => app_.inventory.setVisible(true));
        // A renderer that crashed or loaded another page has lost its RTCPeerConnections; the
        // sessions it held would keep their sockets and slots until the window closed.
        win.webContents.on('render-process-gone', () => app_.live.endAll('stopped'));
        win.webContents.on('did-start-navigation', (details) => {
          if (details.isMainFrame && !details.isSameDocument) app_.live.endAll('stopped');
        });
        win.on('closed', () => {
          // Live view belongs to the window: its signalling sockets close with it.
          app_.live.endAll('window-closed');
          unsubscribe();
          app_.inventory.setVisible(false);
          mainWindow = null;
          saveWindowBounds = null;
        });
        await win.loadURL(DEV_SERVER ?? `${APP_ORIGIN}/index.html`);
      };
      // macOS convention: the app stays in the Dock and brings its window back on activate.
      app.on('activate', () => void showWindow());

      const refresh = () => void app_.inventory.refresh().catch(() => undefined);
      const trayActions: Record<TrayAction, () => void> = {
        open: () => void showWindow(),
        refresh,
        pause: () => app_.watch.pauseNotifications(Date.now() + NOTIFY_PAUSE_MS),
        resume: () => app_.watch.pauseNotifications(null),
        quit: () => app.quit(),
      };
      const setAppMenu = (pause: TrayActionItem | null): void =>
        Menu.setApplicationMenu(
          Menu.buildFromTemplate(
            menuTemplate({
              isMac: process.platform === 'darwin',
              isPackaged: app.isPackaged,
              refresh,
              openApiKeyConsole: () => void openUrl(EXTERNAL_URLS.apiKeyConsole),
              openApiKeyHelp: () => void openUrl(EXTERNAL_URLS.apiKeyHelp),
              menuCommand: (command) => {
                if (mainWindow && !mainWindow.isDestroyed()) {
                  mainWindow.webContents.send(EVENTS.menuCommand, { command });
                }
              },
              showLogs: showLogsAction({
                openPath: (path) => shell.openPath(path),
                dir: logFile?.dir ?? app.getPath('logs'),
                logger,
              }),
              notifications: pause
                ? { label: pause.label, enabled: pause.enabled, click: trayActions[pause.action] }
                : undefined,
            }),
          ),
        );
      // The app menu's pause item follows the tray's, rebuilt only when it changes.
      let menuPause: string | null = null;
      const followTray = (model: TrayModel): void => {
        const pause = pauseItem(model.items);
        const key = JSON.stringify(pause);
        if (key === menuPause) return;
        menuPause = key;
        setAppMenu(pause);
      };
      const tray = createTrayOrNull(app_, trayActions, followTray);
      if (!tray) setAppMenu(null);
      const atLogin = isMac && app.getLoginItemSettings().wasOpenedAtLogin;
      const hidden = startHidden({
        argv: process.argv,
        wasOpenedAtLogin: atLogin,
        keepWatchingWhenClosed: app_.watch.state().prefs.keepWatchingWhenClosed,
      });
      // Started at login to keep watching: only the tray, unless there is no tray to come back by.
      if (!hidden || !tray) {
        // The page's first screen is rendered while the window opens, not on the page's request
        // (main/first-screen.ts, `prepare`); a page from the dev server is not served by main.
        if (!DEV_SERVER) firstScreen?.prepare();
        await openWindow();
      }
    })
    // A failure here would otherwise be a silent exit: tell the user and point at the log.
    .catch(failures.startupFailed);

  /** The tray; null (logged) when this desktop cannot make one. */
  function createTrayOrNull(
    running: AppServices,
    actions: Record<TrayAction, () => void>,
    onModel: (model: TrayModel) => void,
  ) {
    try {
      const paths = trayIconPaths({
        isMac,
        isPackaged: app.isPackaged,
        resourcesPath: process.resourcesPath,
        sourceRoot: SOURCE_ROOT,
      });
      return createAppTray({
        createTray: (image) => new Tray(image),
        buildMenu: (template) => Menu.buildFromTemplate(template),
        images: {
          normal: nativeImage.createFromPath(paths.normal),
          offline: nativeImage.createFromPath(paths.offline),
        },
        isMac,
        sources: { session: running.session, inventory: running.inventory, watch: running.watch },
        actions,
        onModel,
      });
    } catch (err) {
      logger.warn('no tray on this desktop', { err });
      return null;
    }
  }

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
