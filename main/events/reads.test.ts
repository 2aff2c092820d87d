import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../emulator/test-helpers';
import { MAX_EVENTS_PER_CALL } from '../wyze/reads';
import type { EventListRequest } from '../wyze/reads';
import { codeOf, harness } from '../wyze/test-harness';
import type { Harness } from '../wyze/test-harness';

const PATH = '/app/v2/device/get_event_list';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** A fetch that records get_event_list's bodies and may rewrite its answers' event_list. */
function recording(patch?: (list: unknown[]) => unknown[]) {
  const bodies: Record<string, unknown>[] = [];
  const spy: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    if (!String(input).endsWith(PATH)) return res;
    bodies.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
    if (!patch) return res;
    const body = (await res.json()) as { data: { event_list: unknown[] } };
    body.data.event_list = patch(body.data.event_list);
    return new Response(JSON.stringify(body), { status: res.status, headers: res.headers });
  };
  return { bodies, spy };
}

describe('getEventList: the call (docs/protocol.md, "Events")', () => {
  it('sends the v2 body with the Android sv, every kind, newest first', async () => {
    const { bodies, spy } = recording();
    h = await harness({ client: { fetch: spy } });
    await h.client.signIn(DEMO);
    const end = h.clock.now();
    await h.client.getEventList({ macs: ['2CAA8E4F1A01'], begin: end - 1000, end, count: 20 });
    expect(bodies[0]).toMatchObject({
      sv: 'bdcb412e230049c0be0916e75022d3f3',
      sc: 'a626948714654991afd3c0dbd7cdb901',
      device_mac_list: ['2CAA8E4F1A01'],
      event_value_list: [],
      event_tag_list: [],
      event_type: '1',
      begin_time: end - 1000,
      end_time: end,
      order_by: 2,
      count: 20,
    });
  });

  it('drops a hostile item and keeps the rest of the page, counting what the cloud sent', async () => {
    const { spy } = recording((list) => [{ event_id: '../x', device_mac: 'A' }, 7, ...list]);
    h = await harness({ client: { fetch: spy } });
    await h.client.signIn(DEMO);
    const end = h.clock.now();
    const result = await h.client.getEventList({
      macs: [],
      begin: end - 4 * 86_400_000,
      end,
      count: MAX_EVENTS_PER_CALL,
    });
    expect(result.received).toBeGreaterThanOrEqual(2);
    expect(result.events.length).toBe(Math.min(result.received, MAX_EVENTS_PER_CALL) - 2);
    expect(h.logs.some((r) => r.message === 'events the cloud sent were not usable')).toBe(true);
  });

  const base: EventListRequest = { macs: [], begin: 0, end: 1_000, count: 5 };
  it.each<[string, Partial<EventListRequest>]>([
    ['begin after end', { begin: 2_000 }],
    ['a negative time', { begin: -1 }],
    ['a time that is not an integer', { end: 1.5 }],
    ['count 0', { count: 0 }],
    ['count past 20', { count: 21 }],
    ['an empty MAC', { macs: [''] }],
    ['a MAC past the bound', { macs: ['A'.repeat(129)] }],
    ['too many MACs', { macs: Array.from({ length: 101 }, (_, i) => `MAC${i}`) }],
  ])('refuses %s before calling the cloud', async (_name, patch) => {
    const { bodies, spy } = recording();
    h = await harness({ client: { fetch: spy } });
    await h.client.signIn(DEMO);
    await expect(codeOf(h.client.getEventList({ ...base, ...patch }))).resolves.toBe(
      'INVALID_ARGUMENT',
    );
    expect(bodies).toEqual([]);
  });
});
