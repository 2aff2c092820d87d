import { useEffect, useState } from 'react';

/** How long a lazily loaded part may take before "Loading…" is shown (shorter is a flicker). */
export const LOADING_NOTICE_DELAY_MS = 400;

/**
 * The `Suspense` fallback of a lazily loaded part of the page (a dialog, the details pane, the
 * pictures view). The chunk comes from this computer, so it nearly always arrives within a frame:
 * nothing is shown at first, and a "Loading…" status only if it takes longer than
 * {@link LOADING_NOTICE_DELAY_MS}.
 */
export function LoadingNotice() {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), LOADING_NOTICE_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  return shown ? (
    <p className="loading-notice" role="status">
      Loading…
    </p>
  ) : null;
}
