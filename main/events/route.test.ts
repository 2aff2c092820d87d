import { describe, expect, it } from 'vitest';
import { byteRange, eventMediaReply, eventMediaRequest, parseEventMediaPath } from './route';
import type { Media, MediaPart } from './media-types';

describe('event media paths', () => {
  it.each([
    ['/event-media/abc123/picture.jpg', { id: 'abc123', part: 'picture' }],
    ['/event-media/abc123/clip.mp4', { id: 'abc123', part: 'clip' }],
    ['/event-media/a%3Ab/clip.mp4', { id: 'a:b', part: 'clip' }],
    ['/event-media/abc/other.jpg', null],
    ['/event-media/abc', null],
    ['/event-media//picture.jpg', null],
    ['/event-media/a%2Fb/picture.jpg', null],
    ['/event-media/..%5Cx/picture.jpg', null],
    ['/event-media/a%00b/picture.jpg', null],
    ['/event-media/%E0%A4%A/picture.jpg', null],
    [`/event-media/${'a'.repeat(129)}/picture.jpg`, null],
    ['/thumbnails/abc.jpg', null],
  ])('%s', (path, expected) => {
    expect(parseEventMediaPath(path)).toEqual(expected);
  });

  it('takes app://wyzecam/event-media/… and nothing else', () => {
    expect(eventMediaRequest('app://wyzecam/event-media/a/picture.jpg')).toBe(
      '/event-media/a/picture.jpg',
    );
    expect(eventMediaRequest('app://other/event-media/a/picture.jpg')).toBeNull();
    expect(eventMediaRequest('https://wyzecam/event-media/a/picture.jpg')).toBeNull();
    expect(eventMediaRequest('app://wyzecam/index.html')).toBeNull();
  });
});

describe('byte ranges (a <video> seeks with them)', () => {
  it.each([
    [null, 100, null],
    ['', 100, null],
    ['bytes=0-9', 100, { start: 0, end: 9 }],
    ['bytes=90-', 100, { start: 90, end: 99 }],
    ['bytes=-10', 100, { start: 90, end: 99 }],
    ['bytes=-1000', 100, { start: 0, end: 99 }],
    ['bytes=50-5000', 100, { start: 50, end: 99 }],
    ['bytes=100-', 100, 'unsatisfiable'],
    ['bytes=9-2', 100, null],
    ['bytes=200-100', 100, null],
    ['bytes=-0', 100, 'unsatisfiable'],
    ['bytes=0-1,5-6', 100, null],
    ['items=0-1', 100, null],
    ['bytes=-', 100, null],
    ['bytes=99999999999999999999-', 100, null],
  ])('%j of %d bytes is %j', (header, size, expected) => {
    expect(byteRange(header, size)).toEqual(expected);
  });
});

describe('event media replies', () => {
  const bytes = Buffer.from('0123456789');
  const store = {
    get: (id: string, part: MediaPart): Promise<Media | null> =>
      Promise.resolve(id === 'ev' && part === 'clip' ? { type: 'video/mp4', bytes } : null),
  };

  it('sends the whole file with no-store and nosniff, saying ranges are accepted', async () => {
    const reply = await eventMediaReply(store, '/event-media/ev/clip.mp4');
    expect(reply).toMatchObject({
      status: 200,
      headers: {
        'content-type': 'video/mp4',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'accept-ranges': 'bytes',
        'content-length': '10',
      },
      body: bytes,
    });
  });

  it('sends one range as 206, and 416 for a range past the end', async () => {
    const part = await eventMediaReply(store, '/event-media/ev/clip.mp4', 'bytes=2-4');
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 2-4/10');
    expect(part.body.toString()).toBe('234');
    const past = await eventMediaReply(store, '/event-media/ev/clip.mp4', 'bytes=10-');
    expect(past).toMatchObject({ status: 416, headers: { 'content-range': 'bytes */10' } });
  });

  it('answers 404 with a plain body for an unknown id, a missing part or a bad path', async () => {
    for (const path of [
      '/event-media/x/clip.mp4',
      '/event-media/ev/picture.jpg',
      '/event-media/',
    ]) {
      const reply = await eventMediaReply(store, path);
      expect(reply).toMatchObject({
        status: 404,
        headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' },
      });
    }
  });
});
