// What happens when the app cannot start or main hits an error nobody caught: the user sees a
// plain dialog naming the log file (Help → Show logs finds it too) instead of a silent exit or
// a stack trace, the error goes to the log, and the app exits non-zero. Plain functions with
// Electron's dialog and app injected, tested in main/startup.test.ts.
import type { Logger } from './logging/logger';

export const STARTUP_FAILED_TITLE = 'Wyzecam Desktop could not start';
export const CRASHED_TITLE = 'Wyzecam Desktop ran into a problem';

export interface FailureDeps {
  /** Electron's dialog.showErrorBox (usable before `ready`). */
  showErrorBox: (title: string, content: string) => void;
  logger: Pick<Logger, 'error'>;
  /** Electron's app.exit. */
  exit: (code: number) => void;
  /** The log file, or null when it could not be opened. */
  logFile: string | null;
}

/** The dialog's text: what happened in plain words and where the details are. No stack trace. */
export function failureMessage(what: string, logFile: string | null): string {
  const where = logFile
    ? `The details are in the log file:\n${logFile}\n\n(Help → Show logs opens its folder.)`
    : 'The log file could not be written either, so the details went to the console.';
  return `${what}\n\n${where}\n\nIf this keeps happening, please report it with that log.`;
}

/**
 * Handlers for a failure during start-up (the `whenReady` chain) and for an exception nothing
 * caught afterwards (`process.on('uncaughtException')`): each logs the error, tells the user and
 * exits with code 1. Only the first failure shows a dialog; the app is on its way out by then.
 */
export function createFailureHandlers(deps: FailureDeps): {
  startupFailed: (err: unknown) => void;
  uncaught: (err: unknown) => void;
} {
  let handled = false;
  const handler =
    (logMessage: string, title: string, what: string) =>
    (err: unknown): void => {
      if (handled) return;
      handled = true;
      try {
        deps.logger.error(logMessage, { err });
        deps.showErrorBox(title, failureMessage(what, deps.logFile));
      } finally {
        deps.exit(1);
      }
    };
  return {
    startupFailed: handler(
      'start-up failed',
      STARTUP_FAILED_TITLE,
      'The app stopped while starting.',
    ),
    uncaught: handler(
      'uncaught exception',
      CRASHED_TITLE,
      'The app met an error it could not recover from and has to close.',
    ),
  };
}

/**
 * Help → Show logs: opens the logs folder in the file manager. Electron's shell.openPath answers
 * an error message instead of throwing; it is logged, as there is nothing better to show.
 */
export function showLogsAction(deps: {
  openPath: (path: string) => Promise<string>;
  dir: string;
  logger: Pick<Logger, 'warn'>;
}): () => void {
  return () => {
    void deps.openPath(deps.dir).then(
      (error) => {
        if (error) deps.logger.warn('could not open the logs folder', { error });
      },
      (err: unknown) => deps.logger.warn('could not open the logs folder', { err }),
    );
  };
}
