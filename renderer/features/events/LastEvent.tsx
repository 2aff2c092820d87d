import { useMemo } from 'react';
import { useStore } from '../../store';
import type { Store } from '../../store';
import { sinceEvent, useClock } from './clock';
import './events.css';

/**
 * A camera's newest event under its name in the list ("Motion 4 min ago"), from main's watch
 * state. It selects the two plain values of its own camera's entry, so a new watch state (a new
 * object every time main sends one) re-renders no row whose event is unchanged; nothing is drawn
 * (and no clock is followed) for a camera with no event.
 */
export function LastEvent({ mac }: { mac: string }) {
  const selectLabel = useMemo(() => (s: Store) => s.watch.lastEvents[mac]?.label, [mac]);
  const selectAt = useMemo(() => (s: Store) => s.watch.lastEvents[mac]?.at, [mac]);
  const label = useStore(selectLabel);
  const at = useStore(selectAt);
  if (label === undefined || at === undefined) return null;
  return <LastEventText label={label} at={at} />;
}

function LastEventText({ label, at }: { label: string; at: number }) {
  const now = useClock();
  return (
    <span className="last-event">
      <span className="visually-hidden">Last event: </span>
      {label} {sinceEvent(at, now)}
    </span>
  );
}
