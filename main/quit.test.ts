import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQuitGuard, QUIT_DEADLINE_MS } from './quit';

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
});
