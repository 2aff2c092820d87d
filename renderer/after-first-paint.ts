/**
 * For the page's entry (`main.ts`), which must share no module with the app: when to start the app
 * on a page that already shows a first screen (docs/first-screen.md).
 */

/** The attribute main marks a first screen with (FIRST_SCREEN_ATTRIBUTE, common/first-screen.ts). */
export const MARK_ATTRIBUTE = 'data-first-screen';

/** The longest the app waits for the first paint (a page that reports none, say). */
export const FIRST_PAINT_WAIT_MS = 300;

/** Runs `run` once the page's first contentful paint is reported, or after FIRST_PAINT_WAIT_MS. */
export function afterFirstPaint(run: () => void): void {
  let started = false;
  let observer: PerformanceObserver | null = null;
  const once = () => {
    if (started) return;
    started = true;
    observer?.disconnect();
    run();
  };
  if (!PerformanceObserver.supportedEntryTypes.includes('paint')) {
    once();
    return;
  }
  observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length > 0) once();
  });
  observer.observe({ type: 'paint', buffered: true });
  setTimeout(once, FIRST_PAINT_WAIT_MS);
}
