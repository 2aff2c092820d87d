import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import {
  defaultLocale,
  FIRST_SCREEN_ATTRIBUTE,
  readFirstScreenMark,
  stateDigest,
} from '../common/first-screen';
import type { FirstScreenMark } from '../common/first-screen';
import { useStore } from './store';
import { connectStore } from './store/events';
import { app } from './app-element';
import { handOver, takeOverFirstScreen } from './take-over';

/**
 * Whether the store, now that the first calls are answered, is what main drew the first screen
 * from: the same camera list, the list view (not one kept in this tab by a reload) in a table.
 */
function showsFirstScreen(mark: FirstScreenMark): boolean {
  const s = useStore.getState();
  return (
    s.session.status === 'signedIn' &&
    s.listRevision === mark.revision &&
    s.appView === 'cameras' &&
    s.viewPrefs.mode === 'table' &&
    mark.digest === stateDigest(s.session, s.viewPrefs) &&
    // Dates and name order as main formatted them (its locale comes from its environment).
    mark.locale === defaultLocale()
  );
}

/** How long the page waits for main's events to bring its list up to the first screen's. */
const CATCH_UP_MS = 1_000;

/**
 * Resolves once the store's camera list is at `revision` or later, or after `ms`. The first
 * calls' answer can be a moment older than what main drew the page with (main's list changed in
 * between); its events bring the page up to date.
 */
function listReaches(revision: number, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const reached = () => (useStore.getState().listRevision ?? -1) >= revision;
    if (reached()) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const unsubscribe = useStore.subscribe(() => {
      if (reached()) done();
    });
  });
}

/**
 * Draws the app in `root` over main's first screen, which stays on view until React's first commit
 * replaces it (no blank frame between the two), then hands the page over. The commit is made at
 * once (flushSync), so the mark, which hides main's controls (they do nothing), goes only once
 * main's screen has been replaced.
 */
function drawOver(root: HTMLElement): void {
  const fresh = createRoot(root);
  flushSync(() => fresh.render(app));
  handOver(root);
}

/**
 * Starts the app in the page (the entry, `main.ts`, loads this chunk): draws its first screen, or
 * takes over the one main wrote into the page (docs/first-screen.md).
 */
export function start(): void {
  const root = document.getElementById('root');
  if (!root) return;
  const unreachable = () => {
    root.textContent = 'The app could not reach its main process. Restart the app.';
    handOver(root);
  };
  // Main wrote the cached list's first screen into the page: it is on the screen already, and
  // stays there until the store has the same state, then React takes it over.
  const mark = readFirstScreenMark(root.getAttribute(FIRST_SCREEN_ATTRIBUTE));
  if (mark) {
    connectStore()
      .then(() => listReaches(mark.revision, CATCH_UP_MS))
      .then(() => {
        if (showsFirstScreen(mark)) {
          try {
            // React recovers from a part that differs by drawing it afresh; main's log hears where.
            takeOverFirstScreen(root, mark, (error, info) =>
              useStore
                .getState()
                .reportRenderError(
                  error,
                  `taking over the first screen${info.componentStack ?? ''}`,
                ),
            );
            return;
          } catch (err) {
            useStore.getState().reportRenderError(err, 'taking over the first screen');
          }
        }
        drawOver(root);
      }, unreachable);
  } else if (root.hasAttribute(FIRST_SCREEN_ATTRIBUTE)) {
    // A first screen with a mark this page cannot read: drawn over once the first calls are
    // answered, as one that differs (until then main's list stays on view).
    connectStore().then(() => drawOver(root), unreachable);
  } else {
    createRoot(root).render(app);
    connectStore().catch(unreachable);
  }
}
