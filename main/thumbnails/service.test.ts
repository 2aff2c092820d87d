import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logging/logger';
import type { LogRecord } from '../logging/logger';
import { openThumbnailCache } from './cache';
import { createThumbnailService } from './service';
import type { ThumbnailSource } from './service';
import { parseThumbnailRequest, thumbnailReply, thumbnailRequest } from './route';

const jpeg = (n: number) => Buffer.from([0xff, 0xd8, 0xff, 0xe0, n, 0xff, 0xd9]);
const BUCKET = 'https://camplus-usw2.s3.us-west-2.amazonaws.com';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wyzecam-thumbs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup(sources: Record<string, ThumbnailSource>, allowLoopback = false) {
  let served = 0;
  const records: LogRecord[] = [];
  const fetch = vi.fn((input: string | URL | Request) => {
    served++;
    const url = String(input);
    void url;
    return Promise.resolve(
      new Response(jpeg(served), { status: 200, headers: { 'content-type': 'image/jpeg' } }),
    );
  }) as unknown as typeof globalThis.fetch;
  const service = createThumbnailService({
    userDataDir: dir,
    fetch,
    logger: createLogger({ sink: (r) => records.push(r), level: 'debug' }),
    source: (mac) => sources[mac] ?? null,
    allowLoopback: () => allowLoopback,
  });
  return { service, fetch, records };
}

describe('thumbnail service', () => {
  it('fetches once, then serves the picture from the on-disk cache', async () => {
    const { service, fetch } = setup({ AA: { url: `${BUCKET}/AA.jpg?sig=1`, takenAt: 100 } });
    const first = await service.picture('AA', 100);
    expect(first?.type).toBe('image/jpeg');
    const again = await service.picture('AA', 100);
    expect(again?.bytes.equals(first?.bytes ?? Buffer.alloc(0))).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect((await readdir(service.dir)).length).toBe(1);
  });

  it('shares one download between concurrent requests', async () => {
    const { service, fetch } = setup({ AA: { url: `${BUCKET}/AA.jpg`, takenAt: 100 } });
    await Promise.all([service.picture('AA', 100), service.picture('AA', 100)]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('has nothing for a camera without a picture, or a URL off the allow-list', async () => {
    const { service, fetch, records } = setup({
      BB: { url: 'https://evil.example/BB.jpg?X-Amz-Signature=s3cr3t', takenAt: 1 },
      LO: { url: 'http://127.0.0.1:9/LO.jpg', takenAt: 1 },
    });
    expect(await service.picture('AA', null)).toBeNull();
    expect(await service.picture('BB', 1)).toBeNull();
    expect(await service.picture('LO', 1)).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
    // The URL is a credential: it is never logged.
    expect(JSON.stringify(records)).not.toContain('s3cr3t');
  });

  it('fetches from loopback when allowed (the emulator)', async () => {
    const { service } = setup({ LO: { url: 'http://127.0.0.1:9/LO.jpg', takenAt: 1 } }, true);
    expect(await service.picture('LO', 1)).not.toBeNull();
  });

  it('clear() deletes the cache folder and drops a download still in flight', async () => {
    const { service } = setup({ AA: { url: `${BUCKET}/AA.jpg`, takenAt: 100 } });
    await service.picture('AA', 100);
    await service.clear();
    await expect(stat(service.dir)).rejects.toThrow();
    const late = service.picture('AA', 100);
    await service.clear();
    await late;
    await expect(stat(service.dir)).rejects.toThrow();
  });
});

describe('thumbnail cache bounds', () => {
  it('keeps at most maxFiles pictures, dropping the oldest', async () => {
    const cache = openThumbnailCache(dir, { maxFiles: 2, maxBytes: 1_000_000 });
    await cache.put('A', 1, { type: 'image/jpeg', bytes: jpeg(1) });
    await cache.put('B', 1, { type: 'image/jpeg', bytes: jpeg(2) });
    await cache.put('C', 1, { type: 'image/jpeg', bytes: jpeg(3) });
    expect((await readdir(cache.dir)).length).toBe(2);
    expect(await cache.get('C', 1)).not.toBeNull();
  });

  it('keeps at most maxBytes', async () => {
    const cache = openThumbnailCache(dir, { maxFiles: 100, maxBytes: 10 });
    await cache.put('A', 1, { type: 'image/jpeg', bytes: jpeg(1) });
    await cache.put('B', 1, { type: 'image/jpeg', bytes: jpeg(2) });
    expect((await readdir(cache.dir)).length).toBe(1);
  });

  it('keys by MAC and time taken, never by a path the MAC could steer', async () => {
    const cache = openThumbnailCache(dir);
    await cache.put('../../evil', 1, { type: 'image/jpeg', bytes: jpeg(1) });
    expect(await readdir(dir)).toEqual(['thumbnails']);
    expect(await cache.get('../../evil', 2)).toBeNull();
    expect(await cache.get('../../evil', 1)).not.toBeNull();
  });
});

describe('thumbnail requests from the page', () => {
  it.each([
    [
      '/thumbnails/2CAA8E4F1A01.jpg',
      '?t=1779700000000',
      { mac: '2CAA8E4F1A01', takenAt: 1779700000000 },
    ],
    ['/thumbnails/GW_GC1_7C78B2A1B2C3.jpg', '', { mac: 'GW_GC1_7C78B2A1B2C3', takenAt: null }],
    ['/thumbnails/a%20b.jpg', '?t=', { mac: 'a b', takenAt: null }],
  ])('reads %s%s', (path, search, expected) => {
    expect(parseThumbnailRequest(path, search)).toEqual(expected);
  });

  it.each([
    ['/thumbnails/..%2F..%2Fetc.jpg', ''],
    ['/thumbnails/a%5Cb.jpg', ''],
    ['/thumbnails/a%00.jpg', ''],
    ['/thumbnails/%E0%A4%A.jpg', ''],
    ['/thumbnails/.jpg', ''],
    ['/thumbnails/AA.png', ''],
    ['/thumbnails/AA', ''],
    ['/index.html', ''],
    [`/thumbnails/${'A'.repeat(65)}.jpg`, ''],
    ['/thumbnails/AA.jpg', '?t=-1'],
    ['/thumbnails/AA.jpg', '?t=1e9'],
    ['/thumbnails/AA.jpg', `?t=${'9'.repeat(17)}`],
  ])('refuses %s%s', (path, search) => {
    expect(parseThumbnailRequest(path, search)).toBeNull();
  });

  it('answers with the picture and its real type, or 404', async () => {
    const picture = { type: 'image/png' as const, bytes: Buffer.from('png') };
    const service = { picture: vi.fn(() => Promise.resolve(picture)) };
    const ok = await thumbnailReply(service, '/thumbnails/AA.jpg', '?t=5');
    expect(ok).toMatchObject({ status: 200, headers: { 'content-type': 'image/png' } });
    expect(service.picture).toHaveBeenCalledWith('AA', 5);
    const bad = await thumbnailReply(service, '/thumbnails/..%2Fx.jpg', '');
    expect(bad.status).toBe(404);
    const none = await thumbnailReply(
      { picture: () => Promise.resolve(null) },
      '/thumbnails/AA.jpg',
      '',
    );
    expect(none.status).toBe(404);
  });

  it.each([
    ['app://wyzecam/thumbnails/AA.jpg?t=5', { pathname: '/thumbnails/AA.jpg', search: '?t=5' }],
    ['app://wyzecam/index.html', null],
    ['app://other/thumbnails/AA.jpg', null],
    ['https://wyzecam/thumbnails/AA.jpg', null],
    ['not a url', null],
  ])('routes %s to the picture service (app:// in Electron) or not', (url, expected) => {
    expect(thumbnailRequest(url)).toEqual(expected);
  });
});
