import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { WindowBounds } from './session/settings';

/**
 * The hardened web preferences every window gets (security S1). The factory in
 * main/window-factory.ts is the only place that creates a BrowserWindow.
 */
export function hardenedWebPreferences(preload: string, isPackaged: boolean): WebPreferences {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    devTools: !isPackaged,
    spellcheck: false,
  };
}

export const DEFAULT_SIZE = { width: 1180, height: 760 };

/** Window options, with the remembered size and position when they still fit a display. */
export function mainWindowOptions(opts: {
  preload: string;
  isPackaged: boolean;
  bounds: WindowBounds | null;
  fitsADisplay: (bounds: WindowBounds) => boolean;
}): BrowserWindowConstructorOptions {
  const remembered = opts.bounds && opts.fitsADisplay(opts.bounds) ? opts.bounds : null;
  return {
    title: 'Wyzecam Desktop',
    width: remembered?.width ?? DEFAULT_SIZE.width,
    height: remembered?.height ?? DEFAULT_SIZE.height,
    ...(remembered ? { x: remembered.x, y: remembered.y } : {}),
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: '#101418',
    webPreferences: hardenedWebPreferences(opts.preload, opts.isPackaged),
  };
}
