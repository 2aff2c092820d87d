import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../emulator/test-helpers';
import { harness } from './test-harness';
import type { Harness } from './test-harness';

/**
 * A fetch that passes requests to the emulator and rewrites the `data` of the answers on one
 * path: a hostile cloud, answering in the right envelope with values no device could have.
 */
function tampering(path: string, patch: (data: Record<string, unknown>) => void): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init);
    if (!String(input).endsWith(path)) return res;
    const body = (await res.json()) as { data: Record<string, unknown> };
    patch(body.data);
    return new Response(JSON.stringify(body), { status: res.status, headers: res.headers });
  };
}

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('reads bound what the cloud sends (account and properties)', () => {
  it('cuts a 10 kB nickname and drops control characters from the account', async () => {
    h = await harness({
      realClock: true,
      client: {
        fetch: tampering('/app/user/get_user_info', (data) => {
          data.nickname = 'N'.repeat(10_000);
          data.email = 'a\u0000b\u202Ec@example.com';
        }),
      },
    });
    await h.client.signIn(DEMO);
    const account = await h.client.getAccount();
    expect(account.nickname?.length).toBeLessThanOrEqual(256);
    // The NUL becomes a space and the right-to-left override is dropped.
    expect(account.email).toBe('a bc@example.com');
  });

  it('turns an impossible property time into null and caps property values', async () => {
    h = await harness({
      realClock: true,
      client: {
        fetch: tampering('/app/v2/device/get_property_list', (data) => {
          data.property_list = [
            { pid: 'P3', value: '1', ts: 1e17 },
            { pid: 'P5', value: 'x'.repeat(50_000), ts: -1 },
          ];
        }),
      },
    });
    await h.client.signIn(DEMO);
    const [device] = (await h.client.listDevices()).devices;
    const props = await h.client.getPropertyList(device?.mac ?? '', device?.model ?? '');
    expect(props.map((p) => p.ts)).toEqual([null, null]);
    expect(props[1]?.value.length).toBeLessThanOrEqual(1024);
    for (const p of props) expect(() => new Date(p.ts ?? 0).toISOString()).not.toThrow();
  });
});
