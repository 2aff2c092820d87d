// Helpers for the live-view specs: which demo cameras stream and how, the viewer as a user finds
// it, its video's decoded frames and size, and a PNG's header.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { streamSpecSchema } from '../emulator/world';
import type { StreamSpec, WorldInput } from '../emulator/world';
import { DEMO_WORLD, expect, signIn } from './fixtures';

export { liveSkipReason } from './netns';

/** A demo camera by its name: its MAC and its stream settings with the defaults filled in. */
export interface DemoCamera {
  name: string;
  mac: string;
  stream: StreamSpec;
}

/** The demo world's camera with this name (names used here are unique in the demo world). */
export function demoCamera(name: string): DemoCamera {
  const world = JSON.parse(readFileSync(DEMO_WORLD, 'utf8')) as WorldInput;
  const devices = world.accounts[0]?.devices ?? [];
  const matches = devices.filter((d) => d.nickname === name);
  const device = matches[0];
  if (!device || matches.length > 1) throw new Error(`no single demo camera named ${name}`);
  return { name, mac: device.mac, stream: streamSpecSchema.parse(device.stream ?? {}) };
}

/** The demo cameras the live specs watch. */
export const FRONT_DOOR = demoCamera('Front Door');
export const BACKYARD = demoCamera('Backyard');
export const NURSERY = demoCamera('Nursery');
export const KITCHEN = demoCamera("Mom's Kitchen");
export const SHED = demoCamera('Shed'); // offline in the demo world
export const LIVING_ROOM = demoCamera('Living Room'); // privacy mode: online, powered off

/** The row's "Watch … live" button. */
export const watchButton = (page: Page, name: string): Locator =>
  page.getByRole('button', { name: `Watch ${name} live`, exact: true });

/** The viewer (or wall tile) of one camera: the region named "<camera name> live". */
export const liveRegion = (page: Page, name: string): Locator =>
  page.getByRole('region', { name: `${name} live`, exact: true });

/** Opens a camera's viewer from its row and answers the viewer. */
export async function watch(page: Page, name: string): Promise<Locator> {
  await watchButton(page, name).click();
  const viewer = liveRegion(page, name);
  await expect(viewer).toBeVisible();
  return viewer;
}

/** Waits until the viewer's status line says "Live". */
export async function expectLive(viewer: Locator): Promise<void> {
  await expect(viewer.getByRole('status')).toHaveText('Live', { timeout: 20_000 });
}

/**
 * Starts keeping every text the viewer's status line shows, and answers a reader of them: a
 * state as short as "Reconnecting…" can come and go between two polls.
 */
export async function recordStatus(viewer: Locator): Promise<() => Promise<string[]>> {
  await viewer.getByRole('status').evaluate((status) => {
    const seen: string[] = [status.textContent ?? ''];
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    (status as unknown as { __seen: string[] }).__seen = seen;
  });
  return () =>
    viewer
      .getByRole('status')
      .evaluate((status) => [...(status as unknown as { __seen: string[] }).__seen]);
}

/** How many frames the viewer's video has decoded so far. */
export function decodedFrames(viewer: Locator): Promise<number> {
  return viewer
    .locator('video')
    .evaluate((video: HTMLVideoElement) => video.getVideoPlaybackQuality().totalVideoFrames);
}

/** Waits until the viewer's video decodes `more` frames beyond what it had decoded. */
export async function expectFramesAdvance(viewer: Locator, more = 5): Promise<void> {
  const before = await decodedFrames(viewer);
  await expect
    .poll(() => decodedFrames(viewer), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(before + more);
}

/** The size of the picture the video plays, as the decoder sees it. */
export function videoSize(viewer: Locator): Promise<{ width: number; height: number }> {
  return viewer.locator('video').evaluate((video: HTMLVideoElement) => ({
    width: video.videoWidth,
    height: video.videoHeight,
  }));
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG's size from its IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new Error('not a PNG: wrong signature');
  }
  // The first chunk must be IHDR, 13 bytes long: width and height are its first two uint32s.
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG: IHDR is not the first chunk');
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Signed in to the demo account, with the list's Watch buttons showing. */
export async function signedIn(page: Page): Promise<void> {
  await signIn(page);
  await expect(watchButton(page, FRONT_DOOR.name)).toBeVisible();
}
