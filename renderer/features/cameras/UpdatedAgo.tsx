import { useEffect, useState } from 'react';
import { ago, formatMoment } from '../../format';
import { firstScreenNow } from '../../first-screen';
import { useStore } from '../../store';

/** "Updated 12 s ago", ticking by itself so nothing else re-renders every second. */
export function UpdatedAgo() {
  const fetchedAt = useStore((s) => s.list.fetchedAt);
  const stale = useStore((s) => s.list.stale);
  const limitedUntil = useStore((s) => s.list.rateLimitedUntil);
  // A first screen written into the page said "ago" from the moment it was rendered: taken over,
  // it says the same, then ticks (renderer/first-screen.ts).
  const [now, setNow] = useState(firstScreenNow);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  if (fetchedAt === null) return <span className="muted">Not updated yet</span>;
  return (
    <span className="updated">
      Updated {ago(fetchedAt, now)}
      {stale && <span className="tag warn">may be out of date</span>}
      {limitedUntil !== null && limitedUntil > now && (
        <span className="muted">
          {' '}
          · automatic refresh paused until {formatMoment(limitedUntil, now)}
        </span>
      )}
    </span>
  );
}
