import { BrowserWindow, screen } from 'electron';
import type { Rectangle } from 'electron';
import { mainWindowOptions } from './window';
import type { WindowBounds } from './session/settings';

const overlaps = (a: Rectangle, b: WindowBounds): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The one window factory (security S1): hardened options, remembered bounds. */
export function createMainWindow(opts: {
  preload: string;
  isPackaged: boolean;
  bounds: WindowBounds | null;
  onBoundsChanged: (bounds: WindowBounds) => void;
}): BrowserWindow {
  const options = mainWindowOptions({
    ...opts,
    fitsADisplay: (b) => screen.getAllDisplays().some((d) => overlaps(d.workArea, b)),
  });
  // This is the only `new BrowserWindow` in the app; the lint rule points everyone else here.
  // eslint-disable-next-line no-restricted-syntax
  const win = new BrowserWindow(options);
  if (opts.bounds?.maximized) win.maximize();
  const save = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    const b = win.getNormalBounds();
    opts.onBoundsChanged({ ...b, maximized: win.isMaximized() });
  };
  win.on('resized', save);
  win.on('moved', save);
  win.on('maximize', save);
  win.on('unmaximize', save);
  win.once('ready-to-show', () => win.show());
  return win;
}
