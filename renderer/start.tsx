import { createRoot } from 'react-dom/client';
import { FIRST_SCREEN_ATTRIBUTE, readFirstScreenMark } from '../common/first-screen';
import type { FirstScreenMark } from '../common/first-screen';
import { useStore } from './store';
import { connectStore } from './store/events';
import { app } from './app-element';
import { takeOverFirstScreen } from './take-over';

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
    s.viewPrefs.mode === 'table'
  );
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
  };
  // Main wrote the cached list's first screen into the page: it is on the screen already, and
  // stays there until the store has the same state, then React takes it over.
  const mark = readFirstScreenMark(root.getAttribute(FIRST_SCREEN_ATTRIBUTE));
  if (mark) {
    connectStore().then(() => {
      if (showsFirstScreen(mark)) {
        // React recovers from a part that differs by drawing it afresh; main's log hears where.
        takeOverFirstScreen(root, mark, (error, info) =>
          useStore
            .getState()
            .reportRenderError(error, `taking over the first screen${info.componentStack ?? ''}`),
        );
      } else {
        root.replaceChildren();
        createRoot(root).render(app);
      }
    }, unreachable);
  } else {
    createRoot(root).render(app);
    connectStore().catch(unreachable);
  }
}
