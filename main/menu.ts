import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../common/channels';

/**
 * The native menu: the standard roles (so copy, paste, zoom, quit behave as on every other app)
 * plus "Get a Wyze API key…", which goes through the guarded external-link call, "Show logs",
 * which opens the folder holding the log file (main/logging/file-sink.ts), and two items the page
 * carries out (event:menu-command): "Settings…" and "Keyboard shortcuts".
 */
export function menuTemplate(opts: {
  isMac: boolean;
  isPackaged: boolean;
  refresh: () => void;
  openApiKeyConsole: () => void;
  openApiKeyHelp: () => void;
  /** Help → Show logs (main/desktop-menus.ts always passes it). */
  showLogs: () => void;
  /** Sends a command to the page (main/desktop-menus.ts: to the main window). */
  menuCommand: (command: MenuCommand) => void;
  /**
   * View → Pause notifications for 1 hour / Resume notifications, as the tray has it
   * (main/tray-model.ts): the way to pause where the desktop shows no tray.
   */
  notifications?: { label: string; enabled: boolean; click: () => void };
}): MenuItemConstructorOptions[] {
  const notifications: MenuItemConstructorOptions[] = opts.notifications
    ? [
        {
          label: opts.notifications.label,
          enabled: opts.notifications.enabled,
          click: opts.notifications.click,
        },
      ]
    : [];
  const app: MenuItemConstructorOptions[] = opts.isMac ? [{ role: 'appMenu' }] : [];
  return [
    ...app,
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        // Ctrl/Cmd+R refreshes the camera list instead of reloading the page.
        { label: 'Refresh Cameras', accelerator: 'CmdOrCtrl+R', click: opts.refresh },
        ...notifications,
        {
          label: 'Settings…',
          accelerator: 'CmdOrCtrl+,',
          click: () => opts.menuCommand('showSettings'),
        },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(opts.isPackaged ? [] : ([{ role: 'toggleDevTools' }] as MenuItemConstructorOptions[])),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Get a Wyze API key…', click: opts.openApiKeyConsole },
        { label: 'About Wyze API keys', click: opts.openApiKeyHelp },
        { type: 'separator' },
        { label: 'Keyboard shortcuts', click: () => opts.menuCommand('showShortcuts') },
        { label: 'Show logs', click: opts.showLogs },
      ],
    },
  ];
}
