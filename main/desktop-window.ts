import type { BrowserWindow } from 'electron';
import type { createCloseToTray } from './close-to-tray';
import type { AppServices } from './services';

export interface MainWindowWiring {
  services: AppServices;
  closeToTray: Pick<ReturnType<typeof createCloseToTray>, 'onClose' | 'quitting'>;
  /** Called once the window is gone. */
  onClosed(): void;
}

/**
 * Ties a main window (main/window-factory.ts makes it) to the services: closing may keep the app
 * in the tray (main/close-to-tray.ts); main's events reach its page; the camera list knows when
 * it is seen (it refreshes less when not); live view ends with the page that held it.
 */
export function wireMainWindow(win: BrowserWindow, opts: MainWindowWiring): void {
  const { services, closeToTray } = opts;
  win.on('close', (event) => closeToTray.onClose(event));
  // Windows: logging off or shutting down closes the window for good.
  win.on('session-end', () => closeToTray.quitting());
  const unsubscribe = services.subscribe((event, payload) => {
    if (!win.isDestroyed()) win.webContents.send(event, payload);
  });
  win.on('hide', () => services.inventory.setVisible(false));
  win.on('minimize', () => services.inventory.setVisible(false));
  win.on('show', () => services.inventory.setVisible(true));
  win.on('restore', () => services.inventory.setVisible(true));
  // A renderer that crashed or loaded another page has lost its RTCPeerConnections; the
  // sessions it held would keep their sockets and slots until the window closed.
  win.webContents.on('render-process-gone', () => services.live.endAll('stopped'));
  win.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) services.live.endAll('stopped');
  });
  win.on('closed', () => {
    // Live view belongs to the window: its signalling sockets close with it.
    services.live.endAll('window-closed');
    unsubscribe();
    services.inventory.setVisible(false);
    opts.onClosed();
  });
}
