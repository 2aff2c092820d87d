import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../emulator/test-helpers';
import { createLogger } from '../logging/logger';
import { normaliseDevice } from '../wyze/normalise';
import { harness } from '../wyze/test-harness';
import type { Harness } from '../wyze/test-harness';
import { createThumbnailService } from './service';

let h: Harness | undefined;
let dir = '';
afterEach(async () => {
  await h?.close();
  h = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('thumbnails from the emulator, through the client and the normaliser', () => {
  it('lists a loopback picture URL and the service fetches a real JPEG from it', async () => {
    h = await harness({ realClock: true });
    await h.client.signIn(DEMO);
    const { devices } = await h.client.listDevices();
    const front = devices.find((d) => d.mac === '2CAA8E4F1A01');
    expect(front?.thumbnail).toMatchObject({
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/thumbnails\//),
      takenAt: 1779700000000,
    });
    expect(devices.find((d) => d.mac === 'D03F27A0C602')?.thumbnail).toBeNull();
    dir = await mkdtemp(join(tmpdir(), 'wyzecam-thumbs-'));
    const service = createThumbnailService({
      userDataDir: dir,
      fetch,
      logger: createLogger({ sink: () => undefined }),
      source: (mac) => devices.find((d) => d.mac === mac)?.thumbnail ?? null,
      allowLoopback: () => true,
    });
    const picture = await service.picture('2CAA8E4F1A01', 1779700000000);
    expect(picture?.type).toBe('image/jpeg');
    expect(picture?.bytes.length).toBeGreaterThan(1000);
  });
});

describe('picture URLs the normaliser keeps', () => {
  const urlOf = (thumbnails_url: string) =>
    normaliseDevice({
      mac: 'AABBCCDDEEFF',
      product_type: 'Camera',
      device_params: { camera_thumbnails: { thumbnails_url, thumbnails_ts: 1 } },
    })?.thumbnail?.url ?? null;

  it.each([
    [
      'https anywhere (main/thumbnails decides)',
      'https://camplus-usw2.s3.us-west-2.amazonaws.com/a.jpg',
      true,
    ],
    ['http to 127.0.0.1 (the emulator)', 'http://127.0.0.1:4000/thumbnails/a.jpg', true],
    ['http to localhost', 'http://localhost:4000/a.jpg', true],
    ['http elsewhere', 'http://camplus-usw2.s3.us-west-2.amazonaws.com/a.jpg', false],
    ['http to a look-alike of loopback', 'http://127.0.0.1.evil.example/a.jpg', false],
    ['javascript:', 'javascript:alert(1)', false],
    ['not a URL', 'nope', false],
  ])('%s', (_what, url, kept) => {
    expect(urlOf(url)).toBe(kept ? url : null);
  });
});
