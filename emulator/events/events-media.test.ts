import { decode } from 'jpeg-js';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeClock } from '../test-helpers';
import { DAY_MS } from './catalog';
import { CLIP_HEIGHT, CLIP_WIDTH } from './clip';
import { EVENT_PICTURE_HEIGHT, EVENT_PICTURE_WIDTH } from './picture';
import { eventClient } from './test-client';
import type { EventClient } from './test-client';
import { walkMp4 } from './mp4-walker';

const DRIVEWAY = '2CAA8E4F1A02';
const START = Date.UTC(2026, 10, 27, 12, 0, 0);

let client: EventClient | undefined;
afterEach(async () => {
  await client?.emulator.close();
  client = undefined;
});

/** A fresh event on the driveway camera and its picture and clip URLs. */
async function addedEvent(clock = fakeClock(START)) {
  client = await eventClient(clock.now);
  await client.control('events/add', { mac: DRIVEWAY, kind: 'person' });
  const answer = await client.v2({
    begin_time: START - DAY_MS,
    end_time: clock.now(),
    count: 1,
  });
  const files = answer.data.event_list?.[0]?.file_list ?? [];
  const picture = files.find((f) => f.type === 1)?.url ?? '';
  const clip = files.find((f) => f.type === 2)?.url ?? '';
  return { client, clock, picture, clip };
}

const fetchBytes = async (url: string) => {
  const res = await fetch(url);
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: Buffer.from(await res.arrayBuffer()),
  };
};

/** The URL with one character of its signature changed. */
const tampered = (url: string): string =>
  url.replace(
    /(X-Amz-Signature=)(.)/,
    (_m, key: string, c: string) => `${key}${c === 'a' ? 'b' : 'a'}`,
  );

describe('event files', () => {
  it('the picture is a real JPEG of the event', async () => {
    const { picture } = await addedEvent();
    const res = await fetchBytes(picture);
    expect(res.status).toBe(200);
    expect(res.type).toBe('image/jpeg');
    const image = decode(res.body);
    expect([image.width, image.height]).toEqual([EVENT_PICTURE_WIDTH, EVENT_PICTURE_HEIGHT]);
  });

  it('the clip is an MP4 with ftyp, then moov (avcC and the sample tables), then mdat', async () => {
    const { clip } = await addedEvent();
    const res = await fetchBytes(clip);
    expect(res.status).toBe(200);
    expect(res.type).toBe('video/mp4');
    const mp4 = walkMp4(res.body);
    expect(mp4.topLevel).toEqual(['ftyp', 'moov', 'mdat']);
    expect([mp4.width, mp4.height]).toEqual([CLIP_WIDTH, CLIP_HEIGHT]);
    expect(mp4.sampleSizes.length).toBeGreaterThan(1);
    expect(mp4.keyframes).toEqual([1]);
    // Every sample lies inside mdat and is a run of length-prefixed NAL units, a slice first.
    expect(mp4.samplesFitMdat).toBe(true);
    expect(mp4.sliceTypes[0]).toBe(5);
    expect(mp4.sliceTypes.slice(1).every((t) => t === 1)).toBe(true);
    expect(mp4.durationMs).toBe(2000);
  });

  it.each(['picture', 'clip'] as const)(
    'a tampered %s URL gets 403 AccessDenied',
    async (which) => {
      const urls = await addedEvent();
      const res = await fetchBytes(tampered(urls[which]));
      expect(res.status).toBe(403);
      expect(res.body.toString()).toContain('<Code>AccessDenied</Code>');
    },
  );

  it.each(['picture', 'clip'] as const)('a %s URL past its expiry gets 403', async (which) => {
    const clock = fakeClock(START);
    const urls = await addedEvent(clock);
    expect((await fetchBytes(urls[which])).status).toBe(200);
    clock.advance(1201 * 1000);
    expect((await fetchBytes(urls[which])).status).toBe(403);
  });

  it.each([
    ['another path under the same signature', (u: string) => u.replace('_person.', '_vehicle.')],
    ['no query', (u: string) => u.split('?')[0] ?? ''],
    ['a path that names no file', (u: string) => u.replace(/\/[^/?]+\?/, '/x.gif?')],
  ])('%s is refused', async (_name, change) => {
    const { picture } = await addedEvent();
    const res = await fetchBytes(change(picture));
    expect([403, 404]).toContain(res.status);
  });
});
