import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelColour } from '../live/h264/painter';
import { fakeClock } from '../test-helpers';
import { DAY_MS } from './catalog';
import { CLIP_FRAMES, CLIP_HEIGHT, CLIP_WIDTH, clipLabel } from './clip';
import { eventClient } from './test-client';
import type { EventClient } from './test-client';

/**
 * Proof that an event clip really plays: Debian Chromium loads the MP4 from the emulator's signed
 * loopback URL into a <video>, plays it to the end and shows the clip's picture. No network
 * namespace needed (plain HTTP on loopback):
 *   npm run test:unit -- emulator/events/clip.chromium.test.ts
 */

const CHROMIUM = '/usr/bin/chromium';
const DRIVEWAY = '2CAA8E4F1A02';
const DRIVEWAY_NAME = 'Driveway';
const START = Date.UTC(2026, 10, 27, 12, 0, 0);

const reason = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed`;
if (reason) console.warn(`clip.chromium.test.ts skipped: ${reason}`);

/** Runs in the page: plays the clip to its end and reads what the decoder produced. */
const PAGE_SCRIPT = `
  window.playClip = async (url) => {
    const video = document.createElement('video');
    video.muted = true;
    video.src = url;
    document.body.append(video);
    const ended = new Promise((resolve, reject) => {
      video.onended = () => resolve();
      video.onerror = () => reject(new Error('video error ' + (video.error ? video.error.code : '?')));
    });
    await video.play();
    await ended;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext('2d');
    context.drawImage(video, 0, 0);
    // The middle of the picture, below the text and above the marker: the background colour.
    const pixel = Array.from(context.getImageData(video.videoWidth / 2, 90, 1, 1).data);
    return {
      width: video.videoWidth,
      height: video.videoHeight,
      currentTime: video.currentTime,
      duration: video.duration,
      frames: video.getVideoPlaybackQuality().totalVideoFrames,
      pixel,
    };
  };
`;

interface Played {
  width: number;
  height: number;
  currentTime: number;
  duration: number;
  frames: number;
  pixel: number[];
}

describe.skipIf(reason)('event clip in Chromium', () => {
  let browser: Browser | undefined;
  let client: EventClient | undefined;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'],
    });
  }, 30_000);

  afterAll(async () => {
    await client?.emulator.close();
    await browser?.close();
  });

  it('plays to the end: 320×176, two seconds, every frame, the camera-and-kind colour', async () => {
    client = await eventClient(fakeClock(START).now);
    await client.control('events/add', { mac: DRIVEWAY, kind: 'vehicle' });
    const answer = await client.v2({ begin_time: START - DAY_MS, end_time: START, count: 1 });
    const url = answer.data.event_list?.[0]?.file_list.find((f) => f.type === 2)?.url ?? '';
    expect(url).toMatch(/\.mp4\?/);
    if (!browser) throw new Error('Chromium did not start');
    const page = await browser.newPage();
    // A page on the emulator's origin, so the canvas may read the video's pixels.
    await page.goto(`${client.emulator.url}/not-a-route`);
    await page.addScriptTag({ content: PAGE_SCRIPT });
    const played = (await page.evaluate(`window.playClip(${JSON.stringify(url)})`)) as Played;
    expect([played.width, played.height]).toEqual([CLIP_WIDTH, CLIP_HEIGHT]);
    expect(played.duration).toBeCloseTo(2, 1);
    expect(played.currentTime).toBeGreaterThan(1.5);
    expect(played.frames).toBeGreaterThanOrEqual(CLIP_FRAMES);
    const [r, g, b] = labelColour(clipLabel(DRIVEWAY_NAME, 'vehicle'));
    const [pr = 0, pg = 0, pb = 0] = played.pixel;
    expect(Math.abs(pr - r) + Math.abs(pg - g) + Math.abs(pb - b)).toBeLessThan(30);
  }, 30_000);
});
