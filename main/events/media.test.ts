import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logging/logger';
import { refuseEventMediaUrl } from '../thumbnails/policy';
import { createEventMedia } from './media';
import type { EventMediaOptions } from './media';

const PICTURE_URL = 'https://wyze-device-alarm-file.s3.us-west-2.amazonaws.com/M/a.jpg?X-Amz-S=1';
const CLIP_URL = 'https://wyze-event-streaming-prod.a.momentohq.com/cache/x/a.mp4?token=1';
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff]);
/** The start of an MP4: a 24-byte ftyp box (isom), then an empty mdat. */
const MP4 = Buffer.concat([
  Buffer.from([0, 0, 0, 24]),
  Buffer.from('ftypisom', 'latin1'),
  Buffer.from([0, 0, 2, 0]),
  Buffer.from('isomiso2', 'latin1'),
  Buffer.from([0, 0, 0, 8]),
  Buffer.from('mdat', 'latin1'),
]);

type Answer = (url: string) => Response;
const ok = (body: Uint8Array, type: string, headers: Record<string, string> = {}) =>
  new Response(body, { status: 200, headers: { 'content-type': type, ...headers } });

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'event-media-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function media(answer: Answer, extra: Partial<EventMediaOptions> = {}) {
  const calls: string[] = [];
  const fetch = vi.fn((input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push(url);
    return Promise.resolve(answer(url));
  }) as unknown as typeof globalThis.fetch;
  const service = createEventMedia({
    userDataDir: dir,
    fetch,
    logger: createLogger({ level: 'error' }),
    allowLoopback: () => false,
    ...extra,
  });
  return { service, calls };
}

describe('event media: the hosts it may fetch from (docs/security.md, S27)', () => {
  it.each([
    ['the alarm-file bucket', PICTURE_URL, null],
    [
      'the doorbell face bucket',
      'https://wyze-device-alarm-file-face.s3.us-west-2.amazonaws.com/a',
      null,
    ],
    ['the cp-t bucket', 'https://cp-t-usw2.s3.us-west-2.amazonaws.com/a.jpg', null],
    ['Momento', CLIP_URL, null],
    ['a thumbnail bucket', 'https://camplus-usw2.s3.us-west-2.amazonaws.com/a.jpg', null],
    [
      'a look-alike bucket',
      'https://wyze-device-alarm-file.evil.s3.amazonaws.com.evil.example/a',
      'host',
    ],
    ['another S3 bucket', 'https://evil.s3.us-west-2.amazonaws.com/a', 'host'],
    ['plain http', PICTURE_URL.replace('https:', 'http:'), 'scheme'],
    ['a port', PICTURE_URL.replace('.com/', '.com:8443/'), 'port'],
    ['loopback, not allowed', 'http://127.0.0.1:9/a.jpg', 'host'],
  ])('%s', (_name, url, refusal) => {
    expect(refuseEventMediaUrl(url, { allowLoopback: false })).toBe(refusal);
  });
});

describe('event media: fetch limits', () => {
  it('fetches a remembered picture and clip once, then serves them from the cache', async () => {
    const { service, calls } = media((url) =>
      url === PICTURE_URL ? ok(JPEG, 'image/jpeg') : ok(MP4, 'video/mp4'),
    );
    service.remember('ev1', { picture: PICTURE_URL, clip: CLIP_URL });
    await expect(service.get('ev1', 'picture')).resolves.toMatchObject({ type: 'image/jpeg' });
    await expect(service.get('ev1', 'clip')).resolves.toMatchObject({ type: 'video/mp4' });
    await expect(service.get('ev1', 'clip')).resolves.toMatchObject({ type: 'video/mp4' });
    expect(calls).toEqual([PICTURE_URL, CLIP_URL]);
  });

  it('has nothing for an unknown id or a part the event does not have', async () => {
    const { service, calls } = media(() => ok(JPEG, 'image/jpeg'));
    service.remember('ev1', { picture: PICTURE_URL, clip: null });
    await expect(service.get('nope', 'picture')).resolves.toBeNull();
    await expect(service.get('ev1', 'clip')).resolves.toBeNull();
    expect(service.has('ev1', 'clip')).toBe(false);
    expect(calls).toEqual([]);
  });

  it.each<[string, string, string | null, Answer]>([
    ['a host off the list', 'https://evil.example/a.jpg', null, () => ok(JPEG, 'image/jpeg')],
    [
      'a redirect off the list',
      PICTURE_URL,
      PICTURE_URL,
      () => new Response(null, { status: 302, headers: { location: 'https://evil.example/a' } }),
    ],
    [
      'a picture declared past 2 MB',
      PICTURE_URL,
      PICTURE_URL,
      () => ok(JPEG, 'image/jpeg', { 'content-length': String(3 * 1024 * 1024) }),
    ],
    [
      'a URL with credentials in it',
      'https://user:pw@wyze-device-alarm-file.s3.us-west-2.amazonaws.com/a.jpg',
      null,
      () => ok(JPEG, 'image/jpeg'),
    ],
    [
      'loopback while the cloud is not',
      'http://127.0.0.1:8080/a.jpg',
      null,
      () => ok(JPEG, 'image/jpeg'),
    ],
    [
      'a picture declared small that streams past 2 MB',
      PICTURE_URL,
      PICTURE_URL,
      () =>
        ok(Buffer.concat([JPEG, Buffer.alloc(2 * 1024 * 1024)]), 'image/jpeg', {
          'content-length': '13',
        }),
    ],
    ['a picture that is HTML', PICTURE_URL, PICTURE_URL, () => ok(JPEG, 'text/html')],
    ['a "JPEG" that is not one', PICTURE_URL, PICTURE_URL, () => ok(MP4, 'image/jpeg')],
  ])('refuses %s for a picture', async (_name, url, expectedCall, answer) => {
    const { service, calls } = media(answer);
    service.remember('ev1', { picture: url, clip: null });
    await expect(service.get('ev1', 'picture')).resolves.toBeNull();
    expect(calls).toEqual(expectedCall ? [expectedCall] : []);
    expect(await readdir(dir)).toEqual([]);
  });

  it.each<[string, Answer]>([
    ['a clip declared as a picture', () => ok(MP4, 'image/jpeg')],
    ['a clip that is a JPEG', () => ok(JPEG, 'video/mp4')],
    [
      'a clip streaming past its cap',
      () => ok(Buffer.concat([MP4, Buffer.alloc(4096)]), 'video/mp4'),
    ],
  ])('refuses %s', async (_name, answer) => {
    const { service } = media(answer, { limits: { clip: { maxBytes: 1024 } } });
    service.remember('ev1', { picture: null, clip: CLIP_URL });
    await expect(service.get('ev1', 'clip')).resolves.toBeNull();
  });

  it('gives up on a clip whose body never ends, at its deadline', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const endless = () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start: (controller) => controller.enqueue(MP4), // and never closes
          }),
          { status: 200, headers: { 'content-type': 'video/mp4' } },
        );
      const { service, calls } = media(endless, { limits: { clip: { timeoutMs: 1_000 } } });
      service.remember('ev1', { picture: null, clip: CLIP_URL });
      const clip = service.get('ev1', 'clip');
      // The deadline is armed once the download starts (after the cache on disk is looked at).
      while (calls.length === 0) await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(1_001);
      await expect(clip).resolves.toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('fetches from loopback only while allowed', async () => {
    let allowed = false;
    const { service, calls } = media(() => ok(JPEG, 'image/jpeg'), {
      allowLoopback: () => allowed,
    });
    service.remember('ev1', { picture: 'http://127.0.0.1:4000/event-files/a.jpg', clip: null });
    await expect(service.get('ev1', 'picture')).resolves.toBeNull();
    allowed = true;
    await expect(service.get('ev1', 'picture')).resolves.not.toBeNull();
    expect(calls).toHaveLength(1);
  });
});

describe('event media: bounded memory and disk', () => {
  it('forgets the least recently listed events past its bound', async () => {
    const { service } = media(() => ok(JPEG, 'image/jpeg'), { maxRemembered: 2 });
    service.remember('a', { picture: PICTURE_URL, clip: null });
    service.remember('b', { picture: PICTURE_URL, clip: null });
    service.remember('a', { picture: PICTURE_URL, clip: null }); // listed again: most recent
    service.remember('c', { picture: PICTURE_URL, clip: null });
    expect(['a', 'b', 'c'].map((id) => service.has(id, 'picture'))).toEqual([true, false, true]);
  });

  it('evicts the oldest files past the byte bound', async () => {
    const { service } = media((url) => ok(JPEG, 'image/jpeg', { 'x-u': url }), {
      bounds: { maxFiles: 100, maxBytes: JPEG.length * 2 },
    });
    for (const id of ['a', 'b', 'c']) {
      service.remember(id, { picture: `${PICTURE_URL}&${id}`, clip: null });
      await service.get(id, 'picture');
    }
    expect(await readdir(service.dir)).toHaveLength(2);
  });

  it('never serves a file on disk for an event not listed in this session', async () => {
    const first = media(() => ok(JPEG, 'image/jpeg'));
    first.service.remember('ev1', { picture: PICTURE_URL, clip: null });
    await first.service.get('ev1', 'picture');
    // The next run (or another account after an expired session) opens the same folder.
    const next = media(() => ok(JPEG, 'image/jpeg'));
    await expect(next.service.get('ev1', 'picture')).resolves.toBeNull();
    expect(next.calls).toEqual([]);
  });

  it('serves nothing read from disk while a sign-out clears it', async () => {
    const { service } = media(() => ok(JPEG, 'image/jpeg'));
    service.remember('ev1', { picture: PICTURE_URL, clip: null });
    await service.get('ev1', 'picture');
    service.remember('ev1', { picture: PICTURE_URL, clip: null });
    const reading = service.get('ev1', 'picture');
    const clearing = service.clear();
    await expect(reading).resolves.toBeNull();
    await clearing;
  });

  it('deletes the cache on disk and forgets every URL on clear (sign-out)', async () => {
    const { service, calls } = media(() => ok(JPEG, 'image/jpeg'));
    service.remember('ev1', { picture: PICTURE_URL, clip: null });
    await service.get('ev1', 'picture');
    expect(await readdir(service.dir)).toHaveLength(1);
    await service.clear();
    expect(await readdir(dir)).toEqual([]);
    await expect(service.get('ev1', 'picture')).resolves.toBeNull();
    expect(calls).toHaveLength(1);
  });
});
