import { BrowserWindow, screen } from 'electron';
import type { Rectangle } from 'electron';
import { mainWindowOptions } from './window';
import { trackWindowState } from './window-state';
import type { WindowBounds } from './session/settings';

const overlaps = (a: Rectangle, b: WindowBounds): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * The one window factory (security S1): hardened options, remembered bounds. `saveBounds` saves
 * them at once (the quit listener calls it: `before-quit` comes before the window's `close`).
 */
export function createMainWindow(opts: {
  preload: string;
  isPackaged: boolean;
  bounds: WindowBounds | null;
  onBoundsChanged: (bounds: WindowBounds) => void;
}): { win: BrowserWindow; saveBounds: () => void } {
  const options = mainWindowOptions({
    ...opts,
    fitsADisplay: (b) => screen.getAllDisplays().some((d) => overlaps(d.workArea, b)),
  });
  // This is the only `new BrowserWindow` in the app; the lint rule points everyone else here.
  // eslint-disable-next-line no-restricted-syntax -- the one window factory (docs/security.md, S1)
  const win = new BrowserWindow(options);
  // Shown (and maximized, if it was) on ready-to-show; bounds saved as they settle and on close.
  const state = trackWindowState(win, { remembered: opts.bounds, save: opts.onBoundsChanged });
  return { win, saveBounds: state.saveNow };
}
