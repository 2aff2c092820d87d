import { describe, expect, it, vi } from 'vitest';
import {
  KEEP_WATCHING_BUTTON,
  closeAction,
  closeQuestion,
  createCloseToTray,
} from './close-to-tray';
import type { CloseAction } from './close-to-tray';

describe('closeAction', () => {
  const base: Parameters<typeof closeAction>[0] = {
    quitting: false,
    closeAllowed: false,
    asking: false,
    keepWatchingWhenClosed: null,
    signedIn: true,
  };
  it.each<[string, Partial<typeof base>, CloseAction]>([
    ['asks once when never asked', {}, 'ask'],
    ['hides when the user chose to keep watching', { keepWatchingWhenClosed: true }, 'hide'],
    ['closes as before when the user chose not to', { keepWatchingWhenClosed: false }, 'close'],
    ['does not ask while signed out (nothing to watch)', { signedIn: false }, 'close'],
    [
      'keeps the choice while signed out',
      { signedIn: false, keepWatchingWhenClosed: true },
      'hide',
    ],
    [
      'lets quitting close, even when keeping watch',
      { quitting: true, keepWatchingWhenClosed: true },
      'close',
    ],
    ['lets quitting close while the question is up', { quitting: true, asking: true }, 'close'],
    ['ignores a second close while asking', { asking: true }, 'wait'],
    ['lets the close the answer asked for through', { closeAllowed: true }, 'close'],
  ])('%s', (_name, overrides, expected) => {
    expect(closeAction({ ...base, ...overrides })).toBe(expected);
  });
});

describe('closeQuestion', () => {
  it.each([true, false])(
    'explains the choice, and the safe choice is the default (macOS: %s)',
    (isMac) => {
      const q = closeQuestion(isMac);
      expect(q.message).toBe('Keep watching your cameras when the window is closed?');
      expect(q.detail).toContain('tells you when a camera goes offline');
      expect(q.detail).toContain('You can change this in Settings.');
      expect(q.detail).toContain(isMac ? 'menu bar' : 'tray');
      expect(q.buttons[KEEP_WATCHING_BUTTON]).toBe('Keep watching');
      expect(q.defaultId).not.toBe(KEEP_WATCHING_BUTTON);
      expect(q.cancelId).not.toBe(KEEP_WATCHING_BUTTON);
      expect(q.buttons[q.defaultId]).toBe(isMac ? 'Stop watching when closed' : 'Quit when closed');
    },
  );
});

function setup(pref: boolean | null, answer: Promise<number> = Promise.resolve(0)) {
  const calls: string[] = [];
  let stored = pref;
  const deps = {
    keepWatchingWhenClosed: () => stored,
    signedIn: () => true,
    ask: vi.fn(() => {
      calls.push('ask');
      return answer;
    }),
    saveAnswer: vi.fn(async (keep: boolean) => {
      calls.push(`save ${keep}`);
      stored = keep;
    }),
    hideWindow: vi.fn(() => calls.push('hide')),
    closeWindow: vi.fn(() => calls.push('close')),
    logger: { warn: vi.fn() },
  };
  const closer = createCloseToTray(deps);
  const closeEvent = () => {
    const event = { prevented: false, preventDefault: () => (event.prevented = true) };
    closer.onClose(event);
    return event;
  };
  return { calls, deps, closer, closeEvent };
}

describe('createCloseToTray', () => {
  it('asks, stores "keep watching", then hides; the next close hides without asking', async () => {
    const { calls, closeEvent } = setup(null, Promise.resolve(KEEP_WATCHING_BUTTON));
    expect(closeEvent().prevented).toBe(true);
    await vi.waitFor(() => expect(calls).toEqual(['ask', 'save true', 'hide']));
    expect(closeEvent().prevented).toBe(true);
    expect(calls).toEqual(['ask', 'save true', 'hide', 'hide']);
  });

  it('asks, stores "quit when closed", then closes the window for real', async () => {
    const { calls, closeEvent } = setup(null, Promise.resolve(1));
    expect(closeEvent().prevented).toBe(true);
    await vi.waitFor(() => expect(calls).toEqual(['ask', 'save false', 'close']));
    // The close it asked for comes back through the listener and goes through.
    expect(closeEvent().prevented).toBe(false);
  });

  it('asks only once when closed again while the question is up', async () => {
    let answer: (button: number) => void = () => undefined;
    const { calls, deps, closeEvent } = setup(
      null,
      new Promise<number>((resolve) => (answer = resolve)),
    );
    closeEvent();
    expect(closeEvent().prevented).toBe(true);
    expect(deps.ask).toHaveBeenCalledTimes(1);
    answer(KEEP_WATCHING_BUTTON);
    await vi.waitFor(() => expect(calls).toEqual(['ask', 'save true', 'hide']));
  });

  it('after before-quit, closing goes through even when keeping watch (Quit really quits)', () => {
    const { calls, closer, closeEvent } = setup(true);
    closer.quitting();
    expect(closeEvent().prevented).toBe(false);
    expect(calls).toEqual([]);
  });

  it('a quit while the question is up neither hides nor closes again when it is answered', async () => {
    let answer: (button: number) => void = () => undefined;
    const { calls, closer, closeEvent } = setup(
      null,
      new Promise<number>((resolve) => (answer = resolve)),
    );
    closeEvent();
    closer.quitting();
    answer(KEEP_WATCHING_BUTTON);
    await vi.waitFor(() => expect(calls).toEqual(['ask', 'save true']));
    await Promise.resolve();
    expect(calls).toEqual(['ask', 'save true']);
  });

  it('a failed save is logged and the answer still acted on', async () => {
    const { calls, deps, closeEvent } = setup(null, Promise.resolve(KEEP_WATCHING_BUTTON));
    deps.saveAnswer.mockImplementationOnce(async () => {
      calls.push('save failed');
      throw new Error('disk full');
    });
    closeEvent();
    await vi.waitFor(() => expect(calls).toEqual(['ask', 'save failed', 'hide']));
    expect(deps.logger.warn).toHaveBeenCalledTimes(1);
  });

  it('a window opened after a real close is asked about afresh', async () => {
    const { closer, deps, closeEvent } = setup(null, Promise.resolve(1));
    deps.saveAnswer.mockRejectedValueOnce(new Error('disk full'));
    closeEvent();
    await vi.waitFor(() => expect(closeEvent().prevented).toBe(false));
    closer.windowOpened();
    expect(closeEvent().prevented).toBe(true);
  });
});
