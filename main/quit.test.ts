import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQuitGuard, QUIT_DEADLINE_MS } from './quit';
import type { WindowBounds } from './session/settings';
import { trackWindowState } from './window-state';
import type { TrackedWindow } from './window-state';

/** A shown, normal window that emits only what the test tells it to. */
class ShownWindow extends EventEmitter implements TrackedWindow {
  override on(event: string, listener: () => void): this {
    return super.on(event, listener);
  }
  override once(event: string, listener: () => void): this {
    return super.once(event, listener);
  }
  isDestroyed = () => false;
  isMinimized = () => false;
  isMaximized = () => false;
  getNormalBounds = () => ({ x: 5, y: 6, width: 800, height: 500 });
  maximize = () => undefined;
  show = () => undefined;
}

function deferred() {
  let resolve!: () => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('quitting', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const setup = () => {
    const quit = vi.fn();
    const warn = vi.fn();
    const guard = createQuitGuard({ quit, logger: { warn } });
    const event = () => ({ preventDefault: vi.fn() });
    return { quit, warn, guard, event };
  };

  it('holds the first quit until the bounds write and the shutdown are done, then quits', async () => {
    const { quit, guard, event } = setup();
    const write = deferred();
    const shutdown = deferred();
    guard.track(write.promise);
    const first = event();
    guard.beforeQuit(first, () => shutdown.promise);
    expect(first.preventDefault).toHaveBeenCalled();

    shutdown.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(quit).not.toHaveBeenCalled(); // the window's bounds are still being written
    write.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(quit).toHaveBeenCalledTimes(1);

    const second = event(); // app.quit() emits before-quit again: this time it goes through
    guard.beforeQuit(second, () => shutdown.promise);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });

  it('quits anyway after the deadline when something hangs', async () => {
    const { quit, warn, guard, event } = setup();
    guard.beforeQuit(event(), () => new Promise(() => undefined));
    await vi.advanceTimersByTimeAsync(QUIT_DEADLINE_MS - 1);
    expect(quit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(quit).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('quitting before pending work finished', { pending: 0 });
  });

  it('a failing write or shutdown is logged and does not stop the quit', async () => {
    const { quit, warn, guard, event } = setup();
    guard.track(Promise.reject(new Error('disk full')));
    guard.beforeQuit(event(), () => Promise.reject(new Error('keychain gone')));
    await vi.advanceTimersByTimeAsync(0);
    expect(quit).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('a write before quitting failed', expect.anything());
    expect(warn).toHaveBeenCalledWith('shutdown failed', expect.anything());
  });

  it('a second quit while waiting is held too, and quits once', async () => {
    const { quit, guard, event } = setup();
    const shutdown = deferred();
    guard.beforeQuit(event(), () => shutdown.promise);
    const again = event();
    guard.beforeQuit(again, () => shutdown.promise);
    expect(again.preventDefault).toHaveBeenCalled();
    shutdown.resolve();
    await vi.advanceTimersByTimeAsync(QUIT_DEADLINE_MS * 2);
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('quits at once when there are no services yet', async () => {
    const { quit, guard, event } = setup();
    guard.beforeQuit(event(), null);
    await vi.advanceTimersByTimeAsync(0);
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('Cmd+Q / the Quit menu: before-quit comes before close, and the bounds are written before quitting', async () => {
    const { quit, guard, event } = setup();
    const win = new ShownWindow();
    const writes: { bounds: WindowBounds; done: ReturnType<typeof deferred> }[] = [];
    const windowState = trackWindowState(win, {
      remembered: null,
      save: (bounds) => {
        const done = deferred();
        writes.push({ bounds, done });
        guard.track(done.promise);
      },
    });
    win.emit('ready-to-show');

    // Electron's order for an app-level quit: before-quit first, the window's close after it.
    guard.beforeQuit(event(), () => Promise.resolve(), windowState.saveNow);
    win.emit('close');
    await vi.advanceTimersByTimeAsync(0);

    expect(writes.length).toBeGreaterThan(0);
    expect(writes[0]?.bounds).toEqual({ x: 5, y: 6, width: 800, height: 500, maximized: false });
    expect(quit).not.toHaveBeenCalled(); // the bounds are still being written
    writes[0]?.done.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('a flush that throws is logged and the quit goes on', async () => {
    const { quit, warn, guard, event } = setup();
    guard.beforeQuit(event(), null, () => {
      throw new Error('window gone');
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(quit).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('could not save before quitting', expect.anything());
  });
});
