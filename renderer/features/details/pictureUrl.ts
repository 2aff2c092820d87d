/**
 * Where the page asks for a camera's latest picture: a path on the app's own origin (app://wyzecam
 * in the desktop app, the preview host in a browser), which main answers after fetching and
 * checking the picture itself. The page never sees the cloud's URL (docs/security.md, S8).
 * The time taken is part of the address, so a new picture is a new URL.
 */
export function pictureUrl(mac: string, takenAt: number | null): string {
  const t = takenAt === null ? '' : `?t=${Math.trunc(takenAt)}`;
  return `/thumbnails/${encodeURIComponent(mac)}.jpg${t}`;
}
