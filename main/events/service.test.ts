import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENT_MEDIA_PATH_PREFIX } from '../../common/camera-events';
import type { EventPage } from '../../common/camera-events';
import type { SessionView } from '../../common/view';
import { DEMO } from '../../emulator/test-helpers';
import { createLogger } from '../logging/logger';
import { codeOf, harness } from '../wyze/test-harness';
import type { Harness } from '../wyze/test-harness';
import { createEventMedia } from './media';
import { eventMediaReply } from './route';
import { createEventsService } from './service';
import type { EventCamera } from './service';
import type { CloudEvent } from './normalise';

let h: Harness | null = null;
let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'events-service-'));
});
afterEach(async () => {
  await h?.close();
  h = null;
  await rm(dir, { recursive: true, force: true });
});

/** The events service over a client signed in to the emulator's demo world. */
async function signedIn(status: SessionView['status'] = 'signedIn') {
  h = await harness();
  await h.client.signIn(DEMO);
  const list = await h.client.listDevices();
  const cameras: EventCamera[] = list.devices.map((d) => ({
    mac: d.mac,
    name: d.name,
    isCamera: d.isCamera,
  }));
  const client = h.client;
  const media = createEventMedia({
    userDataDir: dir,
    fetch,
    logger: createLogger({ level: 'error' }),
    allowLoopback: () => true,
  });
  const service = createEventsService({
    session: { view: () => ({ status }) as SessionView, client: () => client },
    cameras: () => cameras,
    media,
    now: h.clock.now,
  });
  return { h, service, cameras, media };
}

describe('events service against the emulator (docs/protocol.md, "Events")', () => {
  it('lists the account newest first, with names and media paths on the app origin', async () => {
    const { service, cameras } = await signedIn();
    const page = await service.list({ mac: null, before: null, limit: 20 });
    expect(page.events.length).toBeGreaterThan(0);
    const times = page.events.map((e) => e.at);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const e of page.events) {
      expect(e.cameraName).toBe(cameras.find((c) => c.mac === e.mac)?.name);
      expect(e.picture).toBe(`${EVENT_MEDIA_PATH_PREFIX}${encodeURIComponent(e.id)}/picture.jpg`);
      expect(JSON.stringify(e)).not.toMatch(/https?:/); // no cloud URL reaches the page
    }
  });

  it('pages backwards by nextBefore without repeating or skipping an event', async () => {
    const { service } = await signedIn();
    const all = await service.list({ mac: null, before: null, limit: 50 });
    const seen: string[] = [];
    let before: number | null = null;
    for (let i = 0; i < 50; i++) {
      const page = await service.list({ mac: null, before, limit: 3 });
      seen.push(...page.events.map((e) => e.id));
      if (before !== null) expect(page.events.every((e) => e.at <= (before ?? 0))).toBe(true);
      if (page.nextBefore === null) break;
      expect(page.events).toHaveLength(3);
      before = page.nextBefore;
    }
    expect(new Set(seen).size).toBe(seen.length);
    // The first 20 (one call's most) are the same events in the same order.
    expect(seen.slice(0, all.events.length)).toEqual(all.events.map((e) => e.id));
  });

  it('pages through events sharing the boundary millisecond without losing or repeating one', async () => {
    const { h, service, cameras } = await signedIn();
    const camera = cameras.find((c) => c.isCamera);
    const device = camera && h.emulator.state.findDevice(camera.mac);
    if (!camera || !device) throw new Error('the demo world has a camera');
    // Seven events in one millisecond (the cloud's event_ts), newer than the demo's own.
    const at = h.clock.now() - 1;
    const added = Array.from({ length: 7 }, () => h.emulator.state.events.add(device, at).id);
    const seen: string[] = [];
    let before: number | null = null;
    for (let i = 0; i < 6; i++) {
      const page: EventPage = await service.list({ mac: camera.mac, before, limit: 3 });
      seen.push(...page.events.map((e) => e.id));
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 7).sort()).toEqual([...added].sort());
    expect(seen.length).toBeGreaterThan(7); // and on to the older events after them
  });

  it('goes on past a millisecond holding more events than one call returns', async () => {
    const { h, service, cameras } = await signedIn();
    const camera = cameras.find((c) => c.isCamera);
    const device = camera && h.emulator.state.findDevice(camera.mac);
    if (!camera || !device) throw new Error('the demo world has a camera');
    const at = h.clock.now() - 1;
    for (let i = 0; i < 25; i++) h.emulator.state.events.add(device, at);
    const first = await service.list({ mac: camera.mac, before: null, limit: 20 });
    expect(first.nextBefore).toBe(at);
    // The cloud gives the same 20 of that millisecond again (it has no cursor): the list goes on
    // before it instead of stalling on an empty page, repeating none.
    const second = await service.list({ mac: camera.mac, before: first.nextBefore, limit: 20 });
    expect(second.events.length).toBeGreaterThan(0);
    expect(second.events.every((e) => e.at < at)).toBe(true);
  });

  it("lists one camera's events only", async () => {
    const { service } = await signedIn();
    const all = await service.list({ mac: null, before: null, limit: 20 });
    const mac = all.events[0]?.mac ?? '';
    const page = await service.list({ mac, before: null, limit: 20 });
    expect(page.events.length).toBeGreaterThan(0);
    expect(page.events.every((e) => e.mac === mac)).toBe(true);
  });

  it('refuses a camera that is not on the list, and any call when not signed in', async () => {
    const { service } = await signedIn();
    await expect(
      codeOf(service.list({ mac: 'FFFFFFFFFFFF', before: null, limit: 5 })),
    ).resolves.toBe('INVALID_ARGUMENT');
    const expired = await signedIn('expired');
    await expect(codeOf(expired.service.list({ mac: null, before: null, limit: 5 }))).resolves.toBe(
      'SESSION_EXPIRED',
    );
  });

  it("serves a listed event's picture and clip from the emulator, and 404 for an unknown id", async () => {
    const { service, media } = await signedIn();
    const page = await service.list({ mac: null, before: null, limit: 20 });
    const withClip = page.events.find((e) => e.clip !== null);
    const first = page.events[0];
    if (!withClip || !first) throw new Error('the demo world has events with clips');
    const picture = await eventMediaReply(media, first.picture ?? '');
    expect(picture).toMatchObject({ status: 200, headers: { 'content-type': 'image/jpeg' } });
    const clip = await eventMediaReply(media, withClip.clip ?? '', 'bytes=0-99');
    expect(clip.status).toBe(206);
    expect(clip.headers['content-type']).toBe('video/mp4');
    expect(clip.body.length).toBe(100);
    const unknown = await eventMediaReply(media, `${EVENT_MEDIA_PATH_PREFIX}nope/picture.jpg`);
    expect(unknown).toMatchObject({ status: 404, body: 'No such event file' });
  });
});

describe('events service: a cloud page that lies (docs/protocol.md, "Events")', () => {
  const event = (id: string, mac: string, at: number): CloudEvent => ({
    id,
    mac,
    kind: 'motion',
    label: 'Motion',
    at,
    pictureUrl: null,
    clipUrl: null,
  });
  function over(events: CloudEvent[]) {
    return createEventsService({
      session: {
        view: () => ({ status: 'signedIn' }) as SessionView,
        client: () => ({
          getEventList: () => Promise.resolve({ events, received: events.length }),
        }),
      },
      cameras: () => [
        { mac: 'AAAAAAAAAAAA', name: 'Porch', isCamera: true },
        { mac: 'BBBBBBBBBBBB', name: 'Yard', isCamera: true },
      ],
      media: { remember: () => undefined },
      now: () => 2_000_000_000_000,
    });
  }

  /**
   * A service over a cloud that answers like Wyze's: `all` newest first (ties by id), end_time
   * inclusive, cut to count.
   */
  function likeTheCloud(all: CloudEvent[], now: number) {
    return createEventsService({
      session: {
        view: () => ({ status: 'signedIn' }) as SessionView,
        client: () => ({
          getEventList: ({ end, count }) => {
            const events = all.filter((e) => e.at <= end).slice(0, count);
            return Promise.resolve({ events, received: events.length });
          },
        }),
      },
      cameras: () => [],
      media: { remember: () => undefined },
      now: () => now,
    });
  }

  it.each<[string, CloudEvent[], string | null, string[]]>([
    [
      'an id sent twice is listed once',
      [
        event('e1', 'AAAAAAAAAAAA', 3),
        event('e1', 'AAAAAAAAAAAA', 2),
        event('e2', 'BBBBBBBBBBBB', 1),
      ],
      null,
      ['e1', 'e2'],
    ],
    [
      "another camera's events on one camera's page are dropped",
      [event('e1', 'AAAAAAAAAAAA', 3), event('e2', 'BBBBBBBBBBBB', 2)],
      'AAAAAAAAAAAA',
      ['e1'],
    ],
  ])('%s', async (_name, events, mac, ids) => {
    const page = await over(events).list({ mac, before: null, limit: 20 });
    expect(page.events.map((e) => e.id)).toEqual(ids);
  });

  it("keeps paging right when the poll read the same millisecond's events meanwhile", async () => {
    const t = 1_900_000_000_000;
    const all = [event('e1', 'AAAAAAAAAAAA', t), event('e2', 'BBBBBBBBBBBB', t)];
    const service = likeTheCloud(all, t + 1000);
    const first = await service.list({ mac: null, before: null, limit: 1 });
    await service.newest(); // the poll: e1 and e2 at once, its oldest in that millisecond
    const second = await service.list({ mac: null, before: first.nextBefore, limit: 1 });
    expect([...first.events, ...second.events].map((e) => e.id)).toEqual(['e1', 'e2']);
  });

  it('keeps two lists paging by different sizes apart', async () => {
    const t = 1_900_000_000_000;
    const all = [
      event('e1', 'AAAAAAAAAAAA', t),
      event('e2', 'BBBBBBBBBBBB', t),
      event('e3', 'AAAAAAAAAAAA', t - 5),
    ];
    const service = likeTheCloud(all, t + 1000);
    const small = await service.list({ mac: null, before: null, limit: 1 });
    const large = await service.list({ mac: null, before: null, limit: 2 }); // e1 and e2
    expect(large.nextBefore).toBe(t);
    const next = await service.list({ mac: null, before: small.nextBefore, limit: 1 });
    expect(next.events.map((e) => e.id)).toEqual(['e2']);
  });

  it('spends no call on the poll of an account with no camera', async () => {
    let calls = 0;
    const service = createEventsService({
      session: {
        view: () => ({ status: 'signedIn' }) as SessionView,
        client: () => ({
          getEventList: () => {
            calls++;
            return Promise.resolve({ events: [event('e1', 'CCCCCCCCCCCC', 1)], received: 1 });
          },
        }),
      },
      cameras: () => [{ mac: 'CCCCCCCCCCCC', name: 'Plug', isCamera: false }],
      media: { remember: () => undefined },
    });
    await expect(service.newest()).resolves.toEqual({ events: [], full: false });
    expect(calls).toBe(0);
  });
});
