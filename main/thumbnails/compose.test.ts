import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeSession } from '../cameras/inventory-fakes';
import { createLogger } from '../logging/logger';
import { createAppThumbnails } from './compose';

const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 0xff, 0xd9]);
const LOOPBACK_PICTURE = 'http://127.0.0.1:9/thumbnails/a.jpg';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wyzecam-thumbs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup(demo: boolean, api: string) {
  const fake = fakeSession({ status: 'signedIn', email: 'a@example.com', demo });
  const fetch = vi.fn(() =>
    Promise.resolve(new Response(jpeg, { headers: { 'content-type': 'image/jpeg' } })),
  ) as unknown as typeof globalThis.fetch;
  const thumbnails = createAppThumbnails({
    userDataDir: dir,
    fetch,
    logger: createLogger({ sink: () => undefined }),
    baseUrls: { auth: api, api },
    session: fake.session,
    inventory: { thumbnail: () => ({ url: LOOPBACK_PICTURE, takenAt: 5 }) },
  });
  return { fake, fetch, thumbnails };
}

describe('the app picture service', () => {
  it.each([
    ['the demo account', true, 'https://api.wyzecam.com', true],
    ['a cloud on loopback (the emulator in tests)', false, 'http://127.0.0.1:4000', true],
    ['the real cloud', false, 'https://api.wyzecam.com', false],
  ])('fetches from loopback for %s: %s', async (_what, demo, api, allowed) => {
    const { thumbnails, fetch } = setup(demo, api);
    const picture = await thumbnails.picture('AA', 5);
    expect(picture !== null).toBe(allowed);
    expect(vi.mocked(fetch).mock.calls.length).toBe(allowed ? 1 : 0);
  });

  it('deletes the cache folder when the session signs out', async () => {
    const { thumbnails, fake } = setup(true, 'https://api.wyzecam.com');
    await thumbnails.picture('AA', 5);
    expect((await stat(thumbnails.dir)).isDirectory()).toBe(true);
    fake.set({ status: 'signedOut', email: null });
    await vi.waitFor(async () => {
      await expect(stat(thumbnails.dir)).rejects.toThrow();
    });
  });
});
