/**
 * Each camera's newest event, as the event poll hands it over (main/events/), kept for the list's
 * "Motion 4 min ago" (common/watch.ts LastEvent).
 */
import type { LastEvent } from '../../common/watch';

/**
 * The poll's map kept to the cameras on the list (a MAC the list does not have is dropped), and
 * whether it differs from the current one at all, and whether any camera has a newer event (the
 * Events view then re-reads: eventsRevision).
 */
export function mergeLastEvents(
  current: Readonly<Record<string, LastEvent>>,
  next: Readonly<Record<string, LastEvent>>,
  onList: ReadonlySet<string>,
): { lastEvents: Record<string, LastEvent>; changed: boolean; newer: boolean } {
  const lastEvents = Object.fromEntries(Object.entries(next).filter(([mac]) => onList.has(mac)));
  const newer = Object.entries(lastEvents).some(([mac, e]) => (current[mac]?.at ?? -1) < e.at);
  const keys = Object.keys(lastEvents);
  const changed =
    keys.length !== Object.keys(current).length ||
    keys.some((mac) => {
      const was = current[mac];
      const now = lastEvents[mac];
      return !was || !now || was.at !== now.at || was.kind !== now.kind || was.label !== now.label;
    });
  return { lastEvents, changed, newer };
}
