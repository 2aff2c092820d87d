import { Menu, Tray, nativeImage, shell } from 'electron';
import type { BrowserWindow } from 'electron';
import { EVENTS } from '../common/channels';
import { NOTIFY_PAUSE_MS } from '../common/watch';
import type { Logger } from './logging/logger';
import { menuTemplate } from './menu';
import { EXTERNAL_URLS } from './policy';
import type { AppServices } from './services';
import { showLogsAction } from './startup';
import { createAppTray, trayIconPaths } from './tray';
import { pauseItem } from './tray-model';
import type { TrayAction, TrayActionItem, TrayModel } from './tray-model';

export interface DesktopMenusOptions {
  services: AppServices;
  isMac: boolean;
  isPackaged: boolean;
  /** Where a packaged app's tray icons are (process.resourcesPath). */
  resourcesPath: string;
  /** Where a development build's are: the repository. */
  sourceRoot: string;
  /** The folder "Show logs" opens. */
  logsDir: string;
  /** Shows the window, opening it when there is none. */
  showWindow(): Promise<void>;
  /** The window, while it is open. */
  mainWindow(): BrowserWindow | null;
  /** main/index.ts's guarded openExternal (security S5). */
  openUrl(url: string): Promise<void>;
  quit(): void;
  logger: Logger;
}

/**
 * The app menu and the tray (main/menu.ts, main/tray.ts): the tray when this desktop can make one,
 * and the app menu, whose notifications item follows the tray's. Returns whether there is a tray,
 * the way back to a window closed to it.
 */
export function startDesktopMenus(opts: DesktopMenusOptions): { hasTray: boolean } {
  const { services, logger } = opts;
  const refresh = () => void services.inventory.refresh().catch(() => undefined);
  const actions: Record<TrayAction, () => void> = {
    open: () => void opts.showWindow(),
    refresh,
    pause: () => services.watch.pauseNotifications(Date.now() + NOTIFY_PAUSE_MS),
    resume: () => services.watch.pauseNotifications(null),
    quit: () => opts.quit(),
  };
  const setAppMenu = (pause: TrayActionItem | null): void =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          isMac: opts.isMac,
          isPackaged: opts.isPackaged,
          refresh,
          openApiKeyConsole: () => void opts.openUrl(EXTERNAL_URLS.apiKeyConsole),
          openApiKeyHelp: () => void opts.openUrl(EXTERNAL_URLS.apiKeyHelp),
          menuCommand: (command) => {
            const win = opts.mainWindow();
            if (win && !win.isDestroyed()) win.webContents.send(EVENTS.menuCommand, { command });
          },
          showLogs: showLogsAction({
            openPath: (path) => shell.openPath(path),
            dir: opts.logsDir,
            logger,
          }),
          notifications: pause
            ? { label: pause.label, enabled: pause.enabled, click: actions[pause.action] }
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
  let hasTray = false;
  try {
    const paths = trayIconPaths({
      isMac: opts.isMac,
      isPackaged: opts.isPackaged,
      resourcesPath: opts.resourcesPath,
      sourceRoot: opts.sourceRoot,
    });
    createAppTray({
      createTray: (image) => new Tray(image),
      buildMenu: (template) => Menu.buildFromTemplate(template),
      images: {
        normal: nativeImage.createFromPath(paths.normal),
        offline: nativeImage.createFromPath(paths.offline),
      },
      isMac: opts.isMac,
      sources: { session: services.session, inventory: services.inventory, watch: services.watch },
      actions,
      onModel: followTray,
    });
    hasTray = true;
  } catch (err) {
    logger.warn('no tray on this desktop', { err });
  }
  if (!hasTray) setAppMenu(null);
  return { hasTray };
}
