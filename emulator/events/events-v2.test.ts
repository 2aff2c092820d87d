import { afterEach, describe, expect, it } from 'vitest';
import { generateWorld } from '../generate';
import { fakeClock } from '../test-helpers';
import { DAY_MS, historyStart } from './catalog';
import { eventClient } from './test-client';
import type { EventClient, EventItem } from './test-client';

const DOORBELL = '2CAA8E4F1A01'; // HL_DB2
const DRIVEWAY = '2CAA8E4F1A02'; // WYZE_CAKP2JFUS
const SHED_OFFLINE = '2CAA8E4F1A11';
const PLUG = '7C78B2C0FFEE';

let client: EventClient | undefined;
afterEach(async () => {
  await client?.emulator.close();
  client = undefined;
});

const START = Date.UTC(2026, 10, 27, 12, 0, 0);
const all = (now: number) => ({ begin_time: now - 30 * DAY_MS, end_time: now });

async function start(clock = fakeClock(START)) {
  client = await eventClient(clock.now);
  return { client, clock };
}

/** Every event of a query, page by page: the next page ends just before the oldest one. */
async function pageThrough(c: EventClient, filters: Record<string, unknown>, count: number) {
  const seen: EventItem[] = [];
  let end = filters.end_time as number;
  for (let page = 0; page < 50; page++) {
    const answer = await c.v2({ ...filters, end_time: end, count, order_by: 2 });
    const list = answer.data.event_list ?? [];
    seen.push(...list);
    if (list.length < count) return seen;
    end = (list.at(-1)?.event_ts ?? 0) - 1;
  }
  throw new Error('paging did not end');
}

describe('v2 get_event_list', () => {
  it('answers style A with events in the cloud shape, each with a signed picture URL', async () => {
    const { client: c } = await start();
    const answer = await c.v2({ ...all(START), device_mac_list: [], count: 20 });
    expect(answer.code).toBe('1');
    const list = answer.data.event_list ?? [];
    expect(list.length).toBeGreaterThan(0);
    for (const event of list) {
      expect(event.event_id).toMatch(/^[0-9a-f]{32}$/);
      expect(event.device_mac).toEqual(expect.any(String));
      expect(event.event_ts).toBeLessThanOrEqual(START);
      expect(event.event_ts).toBeGreaterThanOrEqual(historyStart(START));
      expect(['1', '2', '10']).toContain(event.event_value);
      const picture = event.file_list.find((f) => f.type === 1);
      expect(picture?.url).toMatch(/\/event-files\/camplus-emu\/.+\.jpg\?.*X-Amz-Signature=/);
    }
  });

  it('is the same on every run of the same world', async () => {
    const first = await start();
    const one = await first.client.v2({ ...all(START), count: 20 });
    await first.client.emulator.close();
    const second = await start();
    const two = await second.client.v2({ ...all(START), count: 20 });
    const ids = (a: typeof one) => a.data.event_list?.map((e) => [e.event_id, e.event_ts]);
    expect(ids(two)).toEqual(ids(one));
  });

  it('orders newest first (2) or oldest first (1), and count cuts the list', async () => {
    const { client: c } = await start();
    const newest = (await c.v2({ ...all(START), order_by: 2, count: 20 })).data.event_list ?? [];
    const oldest = (await c.v2({ ...all(START), order_by: 1, count: 20 })).data.event_list ?? [];
    const times = (l: EventItem[]) => l.map((e) => e.event_ts);
    expect(times(newest)).toEqual([...times(newest)].sort((a, b) => b - a));
    expect(times(oldest)).toEqual([...times(oldest)].sort((a, b) => a - b));
    const three = (await c.v2({ ...all(START), order_by: 2, count: 3 })).data.event_list ?? [];
    expect(three.map((e) => e.event_id)).toEqual(newest.slice(0, 3).map((e) => e.event_id));
  });

  it('pages backwards by end_time without losing or repeating an event', async () => {
    const { client: c } = await start();
    const filters = { ...all(START), device_mac_list: [DRIVEWAY, DOORBELL] };
    const whole = (await c.v2({ ...filters, count: 20 })).data.event_list ?? [];
    expect(whole.length).toBeLessThan(20); // at most 12 a camera: one page holds them all
    const paged = await pageThrough(c, filters, 2);
    expect(paged.map((e) => e.event_id)).toEqual(whole.map((e) => e.event_id));
  });

  it.each([
    ['count above 20', { count: 21 }],
    ['count 0', { count: 0 }],
    ['count not a number', { count: 'lots' }],
    ['order_by 3', { order_by: 3 }],
    ['begin after end', { begin_time: START, end_time: START - 1 }],
    ['no begin_time', { begin_time: undefined }],
    ['device_mac_list not a list', { device_mac_list: DRIVEWAY }],
    ['event_tag_list of words', { event_tag_list: ['person'] }],
  ])('refuses %s with 1001 ParameterError', async (_name, change) => {
    const { client: c } = await start();
    const answer = await c.v2({ ...all(START), count: 20, ...change });
    expect(answer.code).toBe('1001');
    expect(answer.data.event_list).toBeUndefined();
  });

  it('accepts times, count and order as strings of digits, as some clients send', async () => {
    const { client: c } = await start();
    const answer = await c.v2({
      begin_time: String(START - DAY_MS * 30),
      end_time: String(START),
      count: '5',
      order_by: '1',
    });
    expect(answer.code).toBe('1');
  });

  it.each([
    ['no access_token', ''],
    ['a wrong one', 'lvtx.forged'],
  ])('refuses %s', async (_name, token) => {
    const { client: c } = await start();
    const answer = await c.v2({ ...all(START), count: 20 }, token);
    expect(answer.code).toBe(token ? '2001' : '1001');
  });

  it('keeps to the cameras device_mac_list names; unknown MACs and non-cameras give none', async () => {
    const { client: c } = await start();
    const one = (await c.v2({ ...all(START), device_mac_list: [DRIVEWAY] })).data.event_list;
    expect(one?.length).toBeGreaterThan(0);
    expect(
      one?.every((e) => e.device_mac === DRIVEWAY && e.device_model === 'WYZE_CAKP2JFUS'),
    ).toBe(true);
    const none = await c.v2({ ...all(START), device_mac_list: ['000000000000', PLUG] });
    expect(none.data.event_list).toEqual([]);
  });

  it('an offline camera has no events after it went offline', async () => {
    const { client: c } = await start();
    const answer = await c.v2({ ...all(START), device_mac_list: [SHED_OFFLINE] });
    expect(answer.data.event_list).toEqual([]);
  });

  it('a camera taken offline has no events from the moment it went offline', async () => {
    const { client: c } = await start();
    const since = START - 2 * DAY_MS;
    const query = { ...all(START), device_mac_list: [DRIVEWAY, DOORBELL] };
    const online = (await c.v2(query)).data.event_list ?? [];
    // The precondition that lets this test fail: the cameras had events after `since`.
    expect(online.some((e) => e.event_ts >= since)).toBe(true);
    for (const mac of [DRIVEWAY, DOORBELL]) {
      await c.control('devices/update', { mac, patch: { online: false, connStateTs: since } });
    }
    const offline = (await c.v2(query)).data.event_list ?? [];
    expect(offline.map((e) => e.event_id)).toEqual(
      online.filter((e) => e.event_ts < since).map((e) => e.event_id),
    );
  });

  it('filters by event_value_list and event_tag_list', async () => {
    const { client: c, clock } = await start();
    const person = await c.control('events/add', { mac: DRIVEWAY, kind: 'person' });
    const ring = await c.control('events/add', { mac: DOORBELL, kind: 'doorbell' });
    expect([person.status, ring.status]).toEqual([200, 200]);
    const rings = (await c.v2({ ...all(clock.now()), event_value_list: ['10'] })).data.event_list;
    expect(rings?.every((e) => e.event_value === '10' && e.device_mac === DOORBELL)).toBe(true);
    expect(rings?.map((e) => e.event_id)).toContain((ring.body as { event_id: string }).event_id);
    const people = (await c.v2({ ...all(clock.now()), event_tag_list: [101] })).data.event_list;
    expect(people?.every((e) => e.tag_list.includes(101))).toBe(true);
    expect(people?.map((e) => e.event_id)).toContain(
      (person.body as { event_id: string }).event_id,
    );
  });
});

describe('control events/add', () => {
  it('makes a new event now: the newest of the account, with a picture and a clip', async () => {
    const clock = fakeClock(START);
    const { client: c } = await start(clock);
    clock.advance(1234);
    const added = await c.control('events/add', { mac: DRIVEWAY });
    expect(added.status).toBe(200);
    const [newest] = (await c.v2({ ...all(clock.now()), count: 1 })).data.event_list ?? [];
    expect(newest).toMatchObject({
      event_id: (added.body as { event_id: string }).event_id,
      device_mac: DRIVEWAY,
      event_ts: START + 1234,
      event_value: '1',
      tag_list: [],
    });
    expect(newest?.file_list.map((f) => f.type)).toEqual([1, 2]);
  });

  it.each([
    ['an unknown camera', { mac: '000000000000' }],
    ['a plug', { mac: PLUG }],
    ['a doorbell ring on a camera that is no doorbell', { mac: DRIVEWAY, kind: 'doorbell' }],
    ['an unknown kind', { mac: DRIVEWAY, kind: 'ghost' }],
    ['a time that is no number', { mac: DRIVEWAY, at: 'now' }],
  ])('refuses %s with 400 and adds nothing', async (_name, body) => {
    const { client: c } = await start();
    const before = await c.v2({ ...all(START), count: 20 });
    const refused = await c.control('events/add', body);
    expect(refused.status).toBe(400);
    const after = await c.v2({ ...all(START), count: 20 });
    const ids = (a: typeof before) => a.data.event_list?.map((e) => e.event_id);
    expect(ids(after)).toEqual(ids(before));
  });
});

describe('control events/add: who may use it', () => {
  it("without the run's control secret it is refused with 403 and adds nothing", async () => {
    const { client: c } = await start();
    const before = await c.v2({ ...all(START), count: 20 });
    const res = await fetch(`${c.emulator.url}/__emulator/events/add`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-emulator-token': 'guess' },
      body: JSON.stringify({ mac: DRIVEWAY }),
    });
    expect(res.status).toBe(403);
    const after = await c.v2({ ...all(START), count: 20 });
    expect(after.data.event_list).toEqual(
      before.data.event_list?.map((e) => ({ ...e, file_list: expect.any(Array) as unknown })),
    );
  });
});

describe('scale', () => {
  it('a 5,000-camera world answers a whole-account query of its last days', async () => {
    const clock = fakeClock(START);
    client = await eventClient(clock.now, generateWorld(5000));
    const answer = await client.v2({ ...all(START), count: 20 });
    expect(answer.code).toBe('1');
    expect(answer.data.event_list).toHaveLength(20);
  });
});
