import { join } from 'node:path';
import { Notification, app, dialog, net } from 'electron';
import type { BrowserWindow } from 'electron';
import { desktopServiceOptions } from './desktop-options';
import { SAVE_FILTERS, saveWithDialog } from './export/save-file';
import type { appIdentity } from './identity';
import { saveSnapshotWithDialog } from './live/snapshot';
import {
  autostartDir,
  autostartEntry,
  createApplyLoginItem,
  launchCommand,
  xdgAutostart,
} from './login-item';
import { createNotifier } from './notifier';
import { createAppServices } from './services';
import type { AppServices, AppServicesOptions } from './services';

export interface DesktopServicesOptions {
  identity: ReturnType<typeof appIdentity>;
  isTrustedSender: AppServicesOptions['isTrustedSender'];
  /** main/index.ts's guarded openExternal (security S5). */
  openUrl: AppServicesOptions['openUrl'];
  /** Shows the window, opening it when there is none (a notification's click). */
  showWindow(): Promise<void>;
  /** The window, while it is open: the save dialogs belong to it. */
  mainWindow(): BrowserWindow | null;
  logger: AppServicesOptions['logger'];
}

/**
 * The services (main/services.ts) with the desktop's own parts: Electron's network stack, the
 * native save dialog for exports and snapshots, notifications, and starting at login (the XDG
 * autostart entry on Linux, the OS's login items elsewhere).
 */
export function startDesktopServices(opts: DesktopServicesOptions): Promise<AppServices> {
  /** The native save dialog over the window; the chosen path, or null when cancelled. */
  const askWhereToSave = async (
    defaultPath: string,
    filter: { name: string; extensions: string[] },
  ): Promise<string | null> => {
    const options = { defaultPath, filters: [filter] };
    const win = opts.mainWindow();
    const chosen = win
      ? await dialog.showSaveDialog(win, options)
      : await dialog.showSaveDialog(options);
    return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
  };
  const linuxAutostart = xdgAutostart({
    dir: autostartDir(process.env, app.getPath('home')),
    // A development build's entry is its own, beside the installed app's.
    fileName: app.isPackaged ? 'wyzecam-desktop.desktop' : 'wyzecam-desktop-dev.desktop',
    entry: autostartEntry({
      name: opts.identity.userDataName,
      command: launchCommand({
        execPath: process.execPath,
        appImage: process.env.APPIMAGE,
        isPackaged: app.isPackaged,
        appPath: app.getAppPath(),
      }),
      icon: 'wyzecam-desktop',
    }),
  });
  return createAppServices({
    ...desktopServiceOptions({
      app,
      net,
      env: process.env,
      keychainService: opts.identity.keychainService,
      logger: opts.logger,
      isTrustedSender: opts.isTrustedSender,
      openUrl: opts.openUrl,
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
      showWindow: opts.showWindow,
      logger: opts.logger,
    }),
    applyLoginItem: createApplyLoginItem({
      platform: process.platform,
      app,
      linux: linuxAutostart,
    }),
  });
}
