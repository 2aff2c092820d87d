import { lazy, Suspense } from 'react';
import { useStore } from '../../store';

// The banners' text and buttons load only when one has something to say (renderer/README.md,
// "Bundle budget").
const WatchBanners = lazy(() => import('./WatchBanners'));

/**
 * The camera screen's keeping-watch banners: "while you were away" and the API key reminder.
 * Only the test of whether either has something to say is in the first screen's script.
 */
export function WatchNotices() {
  const away = useStore(
    (s) =>
      s.appView !== 'activity' &&
      s.watch.unseen.lastSeenAt !== null &&
      (s.watch.unseen.wentOffline.length > 0 || s.watch.unseen.changes > 0),
  );
  const remind = useStore((s) => s.watch.apiKey?.remind === true && !s.apiKeyReminderDismissed);
  if (!away && !remind) return null;
  return (
    <Suspense fallback={null}>
      <WatchBanners away={away} remind={remind} />
    </Suspense>
  );
}
