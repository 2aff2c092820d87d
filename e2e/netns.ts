/**
 * Why the live-view specs cannot run here, or null when they can: WebRTC needs the private
 * network of scripts/with-netns (a host candidate that reaches nothing else), which says why it
 * could not make one in WYZECAM_NO_NETNS.
 */
export function liveSkipReason(): string | null {
  const refused = process.env.WYZECAM_NO_NETNS;
  if (refused) return `live view needs a network namespace of its own: ${refused}`;
  if (!process.env.WYZECAM_NETNS) {
    return 'live view runs only inside scripts/with-netns (npm test does that)';
  }
  return null;
}
