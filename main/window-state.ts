// Remembering the window's size and position. Plain logic over the few BrowserWindow members it
// uses, so main/window-state.test.ts drives it with a fake window and fake timers.
import type { WindowBounds } from './session/settings';

/** The BrowserWindow members the tracker uses (BrowserWindow satisfies it). */
export interface TrackedWindow {
  on(event: 'move' | 'resize' | 'maximize' | 'unmaximize' | 'close', listener: () => void): void;
  once(event: 'ready-to-show' | 'closed', listener: () => void): void;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  isMaximized(): boolean;
  getNormalBounds(): { x: number; y: number; width: number; height: number };
  maximize(): void;
  show(): void;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** How long the window must stay still before its bounds are written. */
export const SAVE_DELAY_MS = 500;

/**
 * Shows the window when it is ready, maximized if it was, and saves its bounds as they change.
 *
 * `move` and `resize` fire on every platform (`moved`/`resized` do not exist on Linux) and many
 * times per drag, so saving waits until they stop for {@link SAVE_DELAY_MS}; closing saves at
 * once. Maximizing before `ready-to-show` is lost on some window managers, so it waits for it.
 *
 * Returns `saveNow`, for quitting: Electron emits `before-quit` before it closes any window, so
 * the save on `close` would start after the quit guard stopped waiting (main/quit.ts).
 */
export function trackWindowState(
  win: TrackedWindow,
  opts: {
    remembered: WindowBounds | null;
    save: (bounds: WindowBounds) => void;
    timers?: Timers;
    delayMs?: number;
  },
): { saveNow: () => void } {
  const timers: Timers = opts.timers ?? {
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const delayMs = opts.delayMs ?? SAVE_DELAY_MS;
  let pending: unknown = null;
  let shown = false;

  const cancel = () => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
  };
  const saveNow = () => {
    cancel();
    // Until it is shown the window has only its initial bounds; minimized ones are not useful.
    if (!shown || win.isDestroyed() || win.isMinimized()) return;
    const { x, y, width, height } = win.getNormalBounds();
    opts.save({ x, y, width, height, maximized: win.isMaximized() });
  };
  const saveSoon = () => {
    cancel();
    pending = timers.setTimeout(saveNow, delayMs);
  };

  win.on('move', saveSoon);
  win.on('resize', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', saveNow);
  win.once('closed', cancel);
  win.once('ready-to-show', () => {
    if (opts.remembered?.maximized) win.maximize();
    win.show();
    shown = true;
  });
  return { saveNow };
}
