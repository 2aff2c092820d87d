// Quitting without losing the last writes. Electron exits as soon as `before-quit` returns, and
// the window's bounds are saved by an asynchronous file write: on `close` when the window closes
// first, but Cmd+Q and the Quit menu emit `before-quit` before any `close`, so the listener
// flushes that save itself (`flush`) before deciding what to wait for. The session also has work to finish (cancel requests, settle the keychain). So the first quit is
// held until that work is done, or a deadline passes, and then the app quits for real.
import type { Logger } from './logging/logger';

/** How long quitting may wait for pending work before it goes ahead anyway. */
export const QUIT_DEADLINE_MS = 3_000;

export interface QuitTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Tracks pending writes, and gives the `before-quit` listener that waits for them and for
 * `shutdown` before letting the app quit.
 */
export function createQuitGuard(deps: {
  /** Electron's app.quit (called again once the work is done). */
  quit: () => void;
  logger: Pick<Logger, 'warn'>;
  timers?: QuitTimers;
  deadlineMs?: number;
}) {
  const timers: QuitTimers = deps.timers ?? {
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const pending = new Set<Promise<unknown>>();
  let state: 'running' | 'waiting' | 'done' = 'running';

  return {
    /** Remembers a write that quitting must wait for; its failure is logged, not thrown. */
    track(work: Promise<unknown>): void {
      const settled = work.then(
        () => undefined,
        (err: unknown) => deps.logger.warn('a write before quitting failed', { err }),
      );
      pending.add(settled);
      void settled.then(() => pending.delete(settled));
    },

    /**
     * The `before-quit` listener; `shutdown` is the services' (null before they exist). `flush`
     * starts the writes still to come (the window's bounds) so they are tracked and waited for:
     * Electron emits `before-quit` before closing the windows, whose `close` would start them
     * only after this guard stopped waiting (Cmd+Q, the Quit menu item).
     */
    beforeQuit(
      event: { preventDefault(): void },
      shutdown: (() => Promise<void>) | null,
      flush: () => void = () => undefined,
    ): void {
      if (state === 'done') return;
      event.preventDefault();
      if (state === 'waiting') return;
      state = 'waiting';
      try {
        flush();
      } catch (err) {
        deps.logger.warn('could not save before quitting', { err });
      }
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        timers.clearTimeout(deadline);
        state = 'done';
        deps.quit();
      };
      const deadline = timers.setTimeout(() => {
        deps.logger.warn('quitting before pending work finished', { pending: pending.size });
        finish();
      }, deps.deadlineMs ?? QUIT_DEADLINE_MS);
      const shuttingDown = (shutdown?.() ?? Promise.resolve()).catch((err: unknown) =>
        deps.logger.warn('shutdown failed', { err }),
      );
      void Promise.all([shuttingDown, ...pending]).then(finish);
    },
  };
}
