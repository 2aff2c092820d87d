import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { wireMainWindow } from './desktop-window';
import type { MainWindowWiring } from './desktop-window';

/** An emitter with Electron's `on` and a way for the test to raise an event. */
class Emitter {
  private handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  on(event: string, handler: (...args: unknown[]) => void): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  raise(event: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
}

function setUp() {
  let destroyed = false;
  const webContents = Object.assign(new Emitter(), { send: vi.fn() });
  const win = Object.assign(new Emitter(), { isDestroyed: () => destroyed, webContents });
  let listener: ((event: string, payload: unknown) => void) | null = null;
  const unsubscribe = vi.fn(() => {
    listener = null;
  });
  const services = {
    subscribe: (l: (event: string, payload: unknown) => void) => {
      listener = l;
      return unsubscribe;
    },
    inventory: { setVisible: vi.fn() },
    live: { endAll: vi.fn() },
  };
  const closeToTray = { onClose: vi.fn(), quitting: vi.fn() };
  const onClosed = vi.fn();
  wireMainWindow(win as unknown as BrowserWindow, {
    services: services as unknown as MainWindowWiring['services'],
    closeToTray,
    onClosed,
  });
  return {
    win,
    webContents,
    services,
    closeToTray,
    onClosed,
    unsubscribe,
    emitFromMain: (event: string, payload: unknown) => listener?.(event, payload),
    destroy: () => {
      destroyed = true;
    },
  };
}

describe('wireMainWindow (main/desktop-window.ts)', () => {
  it("sends main's events to the page while the window lives", () => {
    const t = setUp();
    t.emitFromMain('cameras:changed', { n: 1 });
    expect(t.webContents.send).toHaveBeenCalledWith('cameras:changed', { n: 1 });
    t.destroy();
    t.emitFromMain('cameras:changed', { n: 2 });
    expect(t.webContents.send).toHaveBeenCalledTimes(1);
  });

  it('tells the camera list when the window is seen or not', () => {
    const t = setUp();
    t.win.raise('hide');
    t.win.raise('minimize');
    t.win.raise('show');
    t.win.raise('restore');
    expect(t.services.inventory.setVisible.mock.calls).toEqual([[false], [false], [true], [true]]);
  });

  it('ends live view when the page that held it is gone, not on a same-page navigation', () => {
    const t = setUp();
    t.webContents.raise('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    t.webContents.raise('did-start-navigation', { isMainFrame: false, isSameDocument: false });
    expect(t.services.live.endAll).not.toHaveBeenCalled();
    t.webContents.raise('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    t.webContents.raise('render-process-gone');
    expect(t.services.live.endAll.mock.calls).toEqual([['stopped'], ['stopped']]);
  });

  it('hands the close to close-to-tray, and a session ending quits', () => {
    const t = setUp();
    const event = { preventDefault: vi.fn() };
    t.win.raise('close', event);
    expect(t.closeToTray.onClose).toHaveBeenCalledWith(event);
    t.win.raise('session-end');
    expect(t.closeToTray.quitting).toHaveBeenCalledTimes(1);
  });

  it('once closed: live view ends, events stop, the list is not seen, and the window is let go', () => {
    const t = setUp();
    t.win.raise('closed');
    expect(t.services.live.endAll).toHaveBeenCalledWith('window-closed');
    expect(t.unsubscribe).toHaveBeenCalledTimes(1);
    expect(t.services.inventory.setVisible).toHaveBeenLastCalledWith(false);
    expect(t.onClosed).toHaveBeenCalledTimes(1);
    t.emitFromMain('cameras:changed', {});
    expect(t.webContents.send).not.toHaveBeenCalled();
  });
});
