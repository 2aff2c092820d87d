import { join } from 'node:path';
import { app, dialog } from 'electron';
import { createFileSink } from './logging/file-sink';
import type { FileSink } from './logging/file-sink';
import { combineSinks, consoleSink, createLogger } from './logging/logger';
import type { Logger } from './logging/logger';
import { createFailureHandlers } from './startup';

/** What main/index.ts logs with, and where. */
export interface DesktopLogging {
  logger: Logger;
  /** The log file, or null when it could not be opened (the console still has the log). */
  logFile: FileSink | null;
  failures: ReturnType<typeof createFailureHandlers>;
}

function openLogFile(): FileSink | null {
  try {
    return createFileSink({ dir: app.getPath('logs'), appName: app.getName() });
  } catch (err) {
    console.error('log file unavailable', err);
    return null;
  }
}

/**
 * The main process's log (the console, and a file in the logs folder) and its last resort for
 * what nothing else caught: a dialog pointing at that file (main/startup.ts). Called once the
 * profile's folder is set: a development build keeps its logs beside its own profile, apart from
 * the real app's; a packaged one uses the OS logs folder.
 */
export function startLogging(): DesktopLogging {
  if (!app.isPackaged) app.setAppLogsPath(join(app.getPath('userData'), 'logs'));
  const logFile = openLogFile();
  const logger = createLogger({
    level: app.isPackaged ? 'info' : 'debug',
    sink: logFile ? combineSinks(consoleSink, logFile.write) : consoleSink,
  });
  const failures = createFailureHandlers({
    showErrorBox: (title, content) => dialog.showErrorBox(title, content),
    logger,
    exit: (code) => app.exit(code),
    logFile: logFile?.file ?? null,
  });
  process.on('uncaughtException', failures.uncaught);
  process.on('unhandledRejection', (reason) =>
    logger.error('unhandled rejection', { err: reason }),
  );
  logger.info('starting', {
    version: app.getVersion(),
    packaged: app.isPackaged,
    platform: process.platform,
  });
  return { logger, logFile, failures };
}
