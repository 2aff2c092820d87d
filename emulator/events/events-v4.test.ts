import { afterEach, describe, expect, it } from 'vitest';
import { signature2 } from '../routes/streams';
import { fakeClock } from '../test-helpers';
import { DAY_MS } from './catalog';
import { eventClient } from './test-client';
import type { EventAnswer, EventClient } from './test-client';

const APP = { appid: '9319141212m2ik', secret: 'wyze_app_secret_key_132' };
const PATH = '/app/v4/device/get_event_list';
const DRIVEWAY = '2CAA8E4F1A02';
const START = Date.UTC(2026, 10, 27, 12, 0, 0);

let client: EventClient | undefined;
afterEach(async () => {
  await client?.emulator.close();
  client = undefined;
});

const bodyFor = (filters: Record<string, unknown> = {}): string =>
  JSON.stringify({
    begin_time: START - 30 * DAY_MS,
    count: 20,
    device_id_list: [],
    end_time: START,
    event_tag_list: [],
    event_value_list: [],
    nonce: String(START),
    order_by: 2,
    ...filters,
  });

interface How {
  signature?: string;
  token?: string;
}

async function v4(c: EventClient, body: string, how: How = {}): Promise<EventAnswer> {
  const token = how.token ?? c.token;
  const res = await fetch(`${c.emulator.url}${PATH}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      access_token: token,
      authorization: token,
      appid: APP.appid,
      appinfo: 'wyze_android_3.9.0.739',
      signature2: how.signature ?? signature2(token, APP.secret, body),
    },
    body,
  });
  return (await res.json()) as EventAnswer;
}

describe('v4 get_event_list (signed)', () => {
  it('answers the same events as v2, each naming its camera device_id', async () => {
    client = await eventClient(fakeClock(START).now);
    const answer = await v4(client, bodyFor({ device_id_list: [DRIVEWAY] }));
    expect(answer.code).toBe('1');
    const list = answer.data.event_list ?? [];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((e) => e.device_id === DRIVEWAY && e.device_mac === undefined)).toBe(true);
    const v2 = await client.v2({
      begin_time: START - 30 * DAY_MS,
      end_time: START,
      device_mac_list: [DRIVEWAY],
    });
    expect(list.map((e) => e.event_id)).toEqual(v2.data.event_list?.map((e) => e.event_id));
  });

  it.each([
    ['a wrong signature', (body: string) => ({ body, how: { signature: '0'.repeat(32) } })],
    [
      'a signature over other bytes',
      (body: string, token: string) => ({
        body: body.replace('"count":20', '"count":19'),
        how: { signature: signature2(token, APP.secret, body) },
      }),
    ],
  ])('refuses %s with 1003 and no events', async (_name, make) => {
    client = await eventClient(fakeClock(START).now);
    const { body, how } = make(bodyFor(), client.token);
    const answer = await v4(client, body, how);
    expect(answer.code).toBe('1003');
    expect(answer.data.event_list).toBeUndefined();
  });

  it('refuses a token it never issued with 2001', async () => {
    client = await eventClient(fakeClock(START).now);
    expect((await v4(client, bodyFor(), { token: 'lvtx.forged' })).code).toBe('2001');
  });

  it.each([
    ['no nonce', { nonce: undefined }],
    ['count above 20', { count: 50 }],
  ])('refuses %s with 1001', async (_name, change) => {
    client = await eventClient(fakeClock(START).now);
    expect((await v4(client, bodyFor(change))).code).toBe('1001');
  });

  it('a rate fault on the path answers 1011 "system limit exceeded", then events again', async () => {
    client = await eventClient(fakeClock(START).now);
    const set = await client.control('faults', {
      faults: [{ kind: 'rateLimit1011', path: PATH, times: 1 }],
    });
    expect(set.status).toBe(200);
    const limited = await v4(client, bodyFor());
    expect([limited.code, limited.msg]).toEqual([
      '1011',
      'system limit exceeded, please try again later.',
    ]);
    expect((await v4(client, bodyFor())).code).toBe('1');
  });
});
