import { describe, expect, it, vi } from 'vitest';
import { createLogger } from './logging/logger';
import type { LogRecord } from './logging/logger';
import {
  CRASHED_TITLE,
  createFailureHandlers,
  failureMessage,
  showLogsAction,
  STARTUP_FAILED_TITLE,
} from './startup';

const LOG_FILE = '/home/me/.config/Wyzecam Desktop/logs/main.log';

function setup(logFile: string | null = LOG_FILE) {
  const records: LogRecord[] = [];
  const logger = createLogger({ sink: (r) => records.push(r) });
  logger.addSecret('my-api-key-value');
  const showErrorBox = vi.fn<(title: string, content: string) => void>();
  const exit = vi.fn<(code: number) => void>();
  const handlers = createFailureHandlers({ showErrorBox, logger, exit, logFile });
  return { records, showErrorBox, exit, handlers };
}

describe('start-up failure', () => {
  it('shows a plain dialog naming the log file, logs the error and exits non-zero', () => {
    const { records, showErrorBox, exit, handlers } = setup();
    const err = new Error('EACCES: permission denied, open settings.json');
    handlers.startupFailed(err);

    expect(showErrorBox).toHaveBeenCalledTimes(1);
    const [title, content] = showErrorBox.mock.calls[0] ?? [];
    expect(title).toBe(STARTUP_FAILED_TITLE);
    expect(content).toContain(LOG_FILE);
    expect(content).toContain('Show logs');
    expect(content).not.toContain('    at '); // no stack trace in front of the user
    expect(content).not.toContain(err.message);
    expect(exit).toHaveBeenCalledWith(1);
    expect(records).toEqual([
      expect.objectContaining({
        level: 'error',
        message: 'start-up failed',
        fields: { err: { name: 'Error', message: err.message } },
      }),
    ]);
  });

  it('redacts what it logs (security S16)', () => {
    const { records, handlers } = setup();
    handlers.startupFailed(new Error('bad key my-api-key-value'));
    expect(JSON.stringify(records)).not.toContain('my-api-key-value');
  });

  it('treats an uncaught exception after start-up the same way, with its own title', () => {
    const { showErrorBox, exit, handlers } = setup();
    handlers.uncaught(new TypeError('x is undefined'));
    expect(showErrorBox.mock.calls[0]?.[0]).toBe(CRASHED_TITLE);
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('shows one dialog however many failures follow', () => {
    const { showErrorBox, handlers } = setup();
    handlers.startupFailed(new Error('one'));
    handlers.uncaught(new Error('two'));
    handlers.startupFailed('three');
    expect(showErrorBox).toHaveBeenCalledTimes(1);
  });

  it('still exits when the dialog itself fails', () => {
    const { showErrorBox, exit, handlers } = setup();
    showErrorBox.mockImplementation(() => {
      throw new Error('no display');
    });
    expect(() => handlers.startupFailed(new Error('boom'))).toThrow('no display');
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('says so when there is no log file', () => {
    expect(failureMessage('It broke.', null)).toMatch(/could not be written/);
    expect(failureMessage('It broke.', LOG_FILE)).toContain(LOG_FILE);
  });
});

describe('Help → Show logs', () => {
  it('opens the logs folder', async () => {
    const openPath = vi.fn(async () => '');
    const warn = vi.fn();
    showLogsAction({ openPath, dir: '/logs', logger: { warn } })();
    await vi.waitFor(() => expect(openPath).toHaveBeenCalledWith('/logs'));
    expect(warn).not.toHaveBeenCalled();
  });

  it('logs the error shell.openPath answers with', async () => {
    const warn = vi.fn();
    showLogsAction({
      openPath: async () => 'Failed to open path',
      dir: '/logs',
      logger: { warn },
    })();
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith('could not open the logs folder', {
        error: 'Failed to open path',
      }),
    );
  });
});
