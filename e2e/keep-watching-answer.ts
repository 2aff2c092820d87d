// Node only (no Playwright), so main/close-to-tray.test.ts can check what it writes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Answers "keep watching when closed?" in a fresh Electron profile: No, as a user who never
 * wants the tray would. The first close of the window while signed in otherwise shows that
 * question as a modal dialog (main/close-to-tray.ts), which nothing in a spec answers: a
 * `relaunch()` (which closes the page first) or a spec closing the window would wait on it for
 * ever. Playwright's `electronApp.close()` is safe either way (it calls `app.quit()`, whose
 * `before-quit` lets every close through), but a page or window closed on its own is not.
 * e2e/tray.spec.ts launches its own profile and makes the other choice.
 */
export function answerKeepWatching(profile: string): void {
  writeFileSync(
    join(profile, 'watch.json'),
    `${JSON.stringify({ prefs: { keepWatchingWhenClosed: false } })}\n`,
    { mode: 0o600 },
  );
}
