/**
 * What closing the main window does: hide it and keep watching from the tray, close it as before,
 * or ask the user once which they want (watch preference `keepWatchingWhenClosed`; docs/security.md,
 * S26). Plain Node: main/index.ts hands it the dialog and the preference, and
 * main/desktop-window.ts the window's `close` event; the decisions and their order are tested here without Electron.
 */
import type { Logger } from './logging/logger';

/** What the window's `close` listener does. */
export type CloseAction =
  /** Let the window close: the app is quitting, or the user chose not to keep watching. */
  | 'close'
  /** Cancel the close and hide the window: the app keeps watching from the tray. */
  | 'hide'
  /** Cancel the close and ask once; the answer is stored, then the window hides or closes. */
  | 'ask'
  /** Cancel the close and do nothing: the question is already on screen. */
  | 'wait';

/** The decision table for the window's `close` event. */
export function closeAction(state: {
  /** `before-quit` was emitted (Quit from the tray or the menu, Cmd+Q, the OS logging out). */
  quitting: boolean;
  /** The answer was given, and this close is the one it asked for. */
  closeAllowed: boolean;
  /** The question is on screen. */
  asking: boolean;
  keepWatchingWhenClosed: boolean | null;
  /** Nothing to watch while signed out: not the moment to ask. */
  signedIn: boolean;
}): CloseAction {
  if (state.quitting || state.closeAllowed) return 'close';
  if (state.asking) return 'wait';
  if (state.keepWatchingWhenClosed === true) return 'hide';
  if (state.keepWatchingWhenClosed === false) return 'close';
  return state.signedIn ? 'ask' : 'close';
}

/** The button the question's answer "keep watching" is; the other is the safe choice. */
export const KEEP_WATCHING_BUTTON = 0;
const STOP_BUTTON = 1;

/** The question asked the first time the window is closed (Electron's showMessageBox options). */
export function closeQuestion(isMac: boolean) {
  return {
    type: 'question' as const,
    title: 'Keep watching?',
    message: 'Keep watching your cameras when the window is closed?',
    detail:
      `Wyzecam Desktop stays in the ${isMac ? 'menu bar' : 'tray'} and tells you when a camera ` +
      'goes offline. You can change this in Settings.',
    buttons: ['Keep watching', isMac ? 'Stop watching when closed' : 'Quit when closed'],
    // The safe choice, and what Escape or closing the dialog means: do not keep running.
    defaultId: STOP_BUTTON,
    cancelId: STOP_BUTTON,
    noLink: true,
  };
}

export interface CloseToTrayDeps {
  keepWatchingWhenClosed: () => boolean | null;
  signedIn: () => boolean;
  /** Shows closeQuestion(); resolves with the index of the button chosen. */
  ask: () => Promise<number>;
  /** Stores the answer (services.watch.setPrefs). */
  saveAnswer: (keepWatching: boolean) => Promise<unknown>;
  hideWindow: () => void;
  /** Closes the window again (its `close` event comes back here and is let through). */
  closeWindow: () => void;
  logger: Pick<Logger, 'warn'>;
}

/**
 * The main window's close behaviour. `onClose` is the window's `close` listener; `quitting` is
 * called from `before-quit`, after which every close goes through so quitting really quits
 * (main/quit.ts holds the quit itself until pending writes are done).
 */
export function createCloseToTray(deps: CloseToTrayDeps) {
  let quitting = false;
  let asking = false;
  let closeAllowed = false;

  async function askThenAct(): Promise<void> {
    asking = true;
    let keepWatching = false;
    try {
      keepWatching = (await deps.ask()) === KEEP_WATCHING_BUTTON;
      await deps.saveAnswer(keepWatching);
    } catch (err) {
      // The answer could not be stored: act on it anyway; the question comes back next time.
      deps.logger.warn('could not store the keep-watching answer', { err });
    } finally {
      asking = false;
    }
    if (quitting) return;
    if (keepWatching) {
      deps.hideWindow();
    } else {
      closeAllowed = true;
      deps.closeWindow();
    }
  }

  return {
    onClose(event: { preventDefault(): void }): void {
      const action = closeAction({
        quitting,
        closeAllowed,
        asking,
        keepWatchingWhenClosed: deps.keepWatchingWhenClosed(),
        signedIn: deps.signedIn(),
      });
      if (action === 'close') return;
      event.preventDefault();
      if (action === 'hide') deps.hideWindow();
      else if (action === 'ask') void askThenAct();
    },
    /** `before-quit`: from now on the window closes when asked. */
    quitting(): void {
      quitting = true;
    },
    /** A new window (the old one was closed): its closes are decided afresh. */
    windowOpened(): void {
      closeAllowed = false;
    },
  };
}
