// The Electron main process: lifecycle only. Everything it wires up lives in plain-Node modules
// (services.ts, policy.ts, protocol.ts, window.ts) that are tested without Electron.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Menu, app, ipcMain, protocol, session as electronSession, shell } from 'electron';
import type { BrowserWindow } from 'electron';
import { appIdentity } from './identity';
import { registerIpc } from './ipc/register';
import { createLogger } from './logging/logger';
import { menuTemplate } from './menu';
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
import { CSP, mimeType, resolveAppUrl } from './protocol';
import { createAppServices } from './services';
import type { AppServices } from './services';
import { baseUrlsFromEnv } from './wyze/config';
import { createMainWindow } from './window-factory';

const here = fileURLToPath(new URL('.', import.meta.url));
const RENDERER_DIR = join(here, '../renderer');
const PRELOAD = join(here, '../preload/index.cjs');
const DEV_SERVER = app.isPackaged ? undefined : process.env.VITE_DEV_SERVER_URL;
const origins = appOrigins(DEV_SERVER);
const logger = createLogger({ level: app.isPackaged ? 'info' : 'debug' });
const identity = appIdentity(app.isPackaged);

app.enableSandbox();
// Development runs (and the e2e suite) may point at a throwaway profile; packaged builds never.
const devUserData = app.isPackaged ? undefined : process.env.WYZECAM_USER_DATA;
app.setPath('userData', devUserData || join(app.getPath('appData'), identity.userDataName));
const keychainService =
  (!app.isPackaged && process.env.WYZECAM_KEYCHAIN_SERVICE) || identity.keychainService;
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  let services: AppServices | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
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

      // The UI is served from app:// with a strict CSP; no file:// (security S7).
      protocol.handle(APP_SCHEME, async (request) => {
        const file = resolveAppUrl(request.url, RENDERER_DIR);
        if (!file) return new Response('Not found', { status: 404 });
        try {
          const body = await readFile(file);
          return new Response(body, {
            headers: { 'content-type': mimeType(file), 'content-security-policy': CSP },
          });
        } catch {
          return new Response('Not found', { status: 404 });
        }
      });

      services = await createAppServices({
        userDataDir: app.getPath('userData'),
        keychainService,
        baseUrls: baseUrlsFromEnv(process.env),
        appVersion: app.getVersion(),
        logger,
        isTrustedSender: isTrustedSender(origins),
        openUrl,
      });
      registerIpc(ipcMain, services.router);
      // `npm run demo` opens straight into the demo account.
      if (process.env.WYZECAM_DEMO === '1' && services.session.view().status !== 'signedIn') {
        await services.session
          .startDemo()
          .catch((err: unknown) => logger.error('demo failed', { err }));
      }
      const app_ = services;
      const openWindow = async (): Promise<void> => {
        const win = createMainWindow({
          preload: PRELOAD,
          isPackaged: app.isPackaged,
          bounds: app_.settings.get().window,
          onBoundsChanged: (window) => void app_.settings.update({ window }),
        });
        mainWindow = win;
        const unsubscribe = app_.subscribe((event, payload) => {
          if (!win.isDestroyed()) win.webContents.send(event, payload);
        });
        win.on('hide', () => app_.inventory.setVisible(false));
        win.on('minimize', () => app_.inventory.setVisible(false));
        win.on('show', () => app_.inventory.setVisible(true));
        win.on('restore', () => app_.inventory.setVisible(true));
        win.on('closed', () => {
          unsubscribe();
          app_.inventory.setVisible(false);
          mainWindow = null;
        });
        await win.loadURL(DEV_SERVER ?? `${APP_ORIGIN}/index.html`);
      };
      // macOS convention: the app stays in the Dock and reopens its window on activate.
      app.on('activate', () => {
        if (!mainWindow) void openWindow();
      });

      const refresh = () => void app_.inventory.refresh().catch(() => undefined);
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          menuTemplate({
            isMac: process.platform === 'darwin',
            isPackaged: app.isPackaged,
            refresh,
            openApiKeyConsole: () => void openUrl(EXTERNAL_URLS.apiKeyConsole),
            openApiKeyHelp: () => void openUrl(EXTERNAL_URLS.apiKeyHelp),
          }),
        ),
      );
      await openWindow();
    })
    .catch((err: unknown) => {
      logger.error('start-up failed', { err });
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => {
    void services?.shutdown();
  });
}
