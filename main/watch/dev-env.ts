/**
 * WYZECAM_OFFLINE_AFTER_MS: the offline-notification delay in ms instead of the user's minutes,
 * so an end-to-end test sees a notification in a second. A development override like the cloud
 * hosts (main/wyze/config.ts): the desktop app honours it only when not packaged, the browser
 * preview (development only) always.
 */

/** The most the override may ask for: the longest delay the preference allows (2 hours). */
const MAX_OVERRIDE_MS = 2 * 60 * 60_000;

/** The override in ms, or null when it is not allowed, not set, or not a whole number in range. */
export function offlineAfterMsFromEnv(
  env: Record<string, string | undefined>,
  { allowOverrides = false }: { allowOverrides?: boolean } = {},
): number | null {
  const raw = allowOverrides ? env.WYZECAM_OFFLINE_AFTER_MS : undefined;
  if (raw === undefined || !/^\d{1,8}$/.test(raw)) return null;
  const ms = Number(raw);
  return ms <= MAX_OVERRIDE_MS ? ms : null;
}
