import { afterFirstPaint, MARK_ATTRIBUTE } from './after-first-paint';
import './styles.css';

/**
 * The page's entry: the stylesheet and this loader, nothing else. The app itself is the `app`
 * chunk (`start.tsx` and everything it imports; vite.config.ts), run only when wanted:
 *
 * - When main wrote the cached list's first screen into the page (docs/first-screen.md), once
 *   that screen has been painted. Run straight away, the app's script (React DOM is most of it)
 *   held the first paint back until it had been evaluated: on two busy cores, ~60–120 ms more
 *   before the list showed (scripts/README.md, "The sixth pass"). Such a page is served without
 *   the app chunk's modulepreload link, so the chunk is fetched here, after the paint, too.
 * - Otherwise at once (there is nothing on the screen to paint first, or the page is hidden and
 *   paints nothing yet). Without a first screen, the chunk was fetched beside this one (its
 *   link); a hidden page with a first screen (a preview opened in a background tab) fetches it
 *   now.
 *
 * No import here but the stylesheet and `after-first-paint.ts`: a module this file shared with the
 * app would make the app's chunk a static import of the entry, evaluated before it.
 */

function startApp(): void {
  import('./start').then(
    ({ start }) => start(),
    () => {
      const root = document.getElementById('root');
      if (root) root.textContent = 'The app could not load. Restart the app.';
    },
  );
}

const painted =
  document.getElementById('root')?.hasAttribute(MARK_ATTRIBUTE) === true &&
  document.visibilityState === 'visible';
if (painted) afterFirstPaint(startApp);
else startApp();
