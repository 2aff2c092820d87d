/**
 * What changed since the user last looked (the list's "while you were away" line): the cameras
 * that went offline since then and are still offline, and how many changes were recorded.
 */
import type { ActivityRecord, UnseenSummary } from '../../common/watch';

/**
 * The summary from the history (oldest first) and the current list's offline cameras. Before
 * the first look (`lastSeenAt` null) nothing is unseen.
 */
export function unseenSince(
  records: readonly ActivityRecord[],
  lastSeenAt: number | null,
  isOffline: (mac: string) => boolean,
): UnseenSummary {
  if (lastSeenAt === null) return { lastSeenAt, wentOffline: [], changes: 0 };
  let changes = 0;
  const wentOffline = new Set<string>();
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i];
    if (!r || r.at <= lastSeenAt) break;
    if (r.kind === 'notification') continue;
    changes++;
    const [mac] = r.macs;
    if (r.kind === 'offline' && mac !== undefined && isOffline(mac)) wentOffline.add(mac);
  }
  return { lastSeenAt, wentOffline: [...wentOffline].sort(), changes };
}
