import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CameraEvent } from '../common/camera-events';
import type { PreviewHost } from './host';
import { startTestPreviewHost } from './test-host';

/**
 * Event pictures and clips through the preview host, as the page loads them (docs/security.md,
 * S27): same-origin paths, byte ranges for <video>, and a clip that Debian Chromium really plays.
 *   npm run test:unit -- preview/event-media.test.ts
 */

const CHROMIUM = '/usr/bin/chromium';
const noChromium = !existsSync(CHROMIUM);

let host: PreviewHost;
let close: () => Promise<void>;
let origin: string;
let withClip: CameraEvent;

beforeAll(async () => {
  ({ host, close } = await startTestPreviewHost({
    auth: 'https://auth-prod.api.wyze.com',
    api: 'https://api.wyzecam.com',
  }));
  origin = new URL(host.url).origin;
  // The demo account: its in-process emulator lists events and serves their files on loopback.
  await host.services.session.startDemo();
  await host.services.inventory.refresh();
  const page = await host.services.router.dispatch(
    { url: `${origin}/`, isMainFrame: true },
    'events:list',
    { mac: null, before: null, limit: 20 },
  );
  if (!page.ok) throw new Error(`events:list failed: ${page.error.code}`);
  const events = (page.value as { events: CameraEvent[] }).events;
  const found = events.find((e) => e.clip !== null);
  if (!found) throw new Error('the demo account has an event with a clip');
  withClip = found;
}, 30_000);

afterAll(() => close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${origin}${path}`, { headers: { 'sec-fetch-site': 'same-origin', ...headers } });

describe('preview host: event media through the app origin (security S27)', () => {
  it('serves the picture as image/jpeg and the clip as video/mp4, no-store and nosniff', async () => {
    const picture = await get(withClip.picture ?? '');
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/jpeg');
    const clip = await get(withClip.clip ?? '');
    expect(clip.status).toBe(200);
    expect(clip.headers.get('content-type')).toBe('video/mp4');
    expect(clip.headers.get('cache-control')).toBe('no-store');
    expect(clip.headers.get('x-content-type-options')).toBe('nosniff');
    expect(clip.headers.get('accept-ranges')).toBe('bytes');
    const bytes = Buffer.from(await clip.arrayBuffer());
    expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
  });

  it('answers a byte range with 206 and the right bytes', async () => {
    const whole = Buffer.from(await (await get(withClip.clip ?? '')).arrayBuffer());
    const part = await get(withClip.clip ?? '', { range: 'bytes=8-15' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 8-15/${whole.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(whole.subarray(8, 16));
  });

  it.each(['cross-site', 'same-site', 'none'])('refuses Sec-Fetch-Site: %s', async (site) => {
    const res = await fetch(`${origin}${withClip.clip ?? ''}`, {
      headers: { 'sec-fetch-site': site },
    });
    expect(res.status).toBe(403);
  });

  it('answers 404 with a plain body for an unknown id and a hostile path', async () => {
    for (const path of [
      '/event-media/nope/picture.jpg',
      '/event-media/..%2F..%2Fprofile/clip.mp4',
      `/event-media/${encodeURIComponent(withClip.id)}/other.mp4`,
    ]) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('text/plain');
    }
  });
});

describe.skipIf(noChromium)('preview host: Chromium plays an event clip', () => {
  let browser: Browser | undefined;
  afterAll(() => browser?.close());

  it('plays the clip from /event-media/ to its end in a <video>', async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'],
    });
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    // A string, run in the page: this file is type-checked for Node, without the DOM's types.
    const played = (await page.evaluate(`(async (src) => {
      const video = document.createElement('video');
      video.muted = true;
      video.src = src;
      document.body.append(video);
      const ended = new Promise((resolve, reject) => {
        video.onended = () => resolve();
        video.onerror = () => reject(new Error('video error ' + (video.error ? video.error.code : '?')));
      });
      await video.play();
      await ended;
      return { width: video.videoWidth, duration: video.duration, at: video.currentTime };
    })(${JSON.stringify(withClip.clip ?? '')})`)) as {
      width: number;
      duration: number;
      at: number;
    };
    expect(played.width).toBeGreaterThan(0);
    expect(played.duration).toBeGreaterThan(0.5);
    expect(played.at).toBeGreaterThan(0.5);
  }, 30_000);
});
