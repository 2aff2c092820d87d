import { DEMO_WORLD } from '../demo-account';
import { startEmulator } from '../server';
import type { RunningEmulator } from '../server';
import { DEMO, md5x3 } from '../test-helpers';
import type { WorldInput } from '../world';

/** Test-only: an emulator with the demo account signed in, and calls to its event routes. */

export interface EventItem {
  event_id: string;
  device_mac?: string;
  device_id?: string;
  device_model: string;
  event_value: string;
  tag_list: number[];
  event_ts: number;
  file_list: { file_id: string; type: number; url: string; status: number }[];
}

export interface EventAnswer {
  code: string;
  msg: string;
  data: { event_list?: EventItem[] };
}

export interface EventClient {
  emulator: RunningEmulator;
  token: string;
  /** POST /app/v2/device/get_event_list with the common parameters and the token. */
  v2(filters: Record<string, unknown>, token?: string): Promise<EventAnswer>;
  /** POST /__emulator/<action> with the control secret. */
  control(action: string, body: unknown): Promise<{ status: number; body: unknown }>;
}

export async function eventClient(
  now: () => number,
  world: WorldInput | string = DEMO_WORLD,
): Promise<EventClient> {
  const emulator = await startEmulator({ world, port: 0, now });
  const login = await fetch(`${emulator.url}/api/user/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'events-test',
      keyid: DEMO.keyId,
      apikey: DEMO.apiKey,
    },
    body: JSON.stringify({ email: DEMO.email, password: md5x3(DEMO.password) }),
  });
  const { access_token: token } = (await login.json()) as { access_token: string };
  return {
    emulator,
    token,
    v2: async (filters, useToken = token) => {
      const res = await fetch(`${emulator.url}/app/v2/device/get_event_list`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          app_ver: 'com.hualai.WyzeCam___2.50.6.9',
          sc: '9f275790cab94a72bd206c8876429f3c',
          sv: '782ced6909a44d92a1f70d582bbe88be',
          ts: now(),
          access_token: useToken,
          event_type: '1',
          ...filters,
        }),
      });
      return (await res.json()) as EventAnswer;
    },
    control: async (action, body) => {
      const res = await fetch(`${emulator.url}/__emulator/${action}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-emulator-token': emulator.controlToken ?? '',
        },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
  };
}
