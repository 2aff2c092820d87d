import { z } from 'zod';
import { KIND_CODES } from '../events/catalog';
import type { EmulatedEvent } from '../events/catalog';
import { fileList } from '../events/media';
import { queryEvents } from '../events/store';
import type { EventFilter } from '../events/store';
import { appError, appOk } from '../reply';
import type { Reply, RequestContext } from '../reply';
import type { AccountSpec, DeviceSpec } from '../world';
import { APP_ERRORS, authed } from './app';
import { refuseSigning, signedInAccount } from './streams';
import type { RawRoute } from './streams';

/**
 * get_event_list, v2 (body-authenticated) and v4 (signed), docs/protocol.md "Events"; the
 * emulator's choices where the evidence is silent are in docs/protocol.md, "Emulator choices".
 */

/** The most events one call returns; asking for more is a ParameterError (our choice). */
export const MAX_EVENT_COUNT = 20;
const MAX_LIST = 5000;

/** Epoch ms as a number or a string of digits, as clients send either. */
const epochMs = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .regex(/^\d{1,16}$/)
    .transform(Number),
]);
const code = z.union([z.string().max(16), z.number().int().transform(String)]);
const tag = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
]);

const filterFields = {
  begin_time: epochMs,
  end_time: epochMs,
  event_value_list: z.array(code).max(100).default([]),
  event_tag_list: z.array(tag).max(100).default([]),
  order_by: z
    .union([z.literal(1), z.literal(2), z.literal('1'), z.literal('2')])
    .default(2)
    .transform((v) => (Number(v) === 1 ? 1 : 2) as 1 | 2),
  count: z
    .union([
      z.number().int(),
      z
        .string()
        .regex(/^\d{1,6}$/)
        .transform(Number),
    ])
    .default(MAX_EVENT_COUNT)
    .pipe(z.number().int().min(1).max(MAX_EVENT_COUNT)),
};

const v2Schema = z.looseObject({
  ...filterFields,
  device_mac_list: z.array(z.string()).max(MAX_LIST).default([]),
});

const v4Schema = z.looseObject({
  ...filterFields,
  device_id_list: z.array(z.string()).max(MAX_LIST).default([]),
  nonce: z.union([z.string().min(1), z.number().int()]),
});

type Fields = z.infer<z.ZodObject<typeof filterFields>>;

/** The account's cameras the list names; all of them when it is empty. Unknown MACs match none. */
function camerasOf(account: AccountSpec, macs: readonly string[]): DeviceSpec[] {
  const cameras = account.devices.filter((d) => d.productType === 'Camera');
  if (macs.length === 0) return cameras;
  const wanted = new Set(macs);
  return cameras.filter((d) => wanted.has(d.mac));
}

function filterOf(fields: Fields, devices: DeviceSpec[]): EventFilter {
  return {
    devices,
    begin: fields.begin_time,
    end: fields.end_time,
    values: new Set(fields.event_value_list),
    tags: new Set(fields.event_tag_list),
    order: fields.order_by,
    count: fields.count,
  };
}

/** One event_list item; v4 names the camera `device_id`, v2 `device_mac`. */
function renderEvent(
  ctx: RequestContext,
  event: EmulatedEvent,
  device: DeviceSpec,
  macKey: 'device_mac' | 'device_id',
): Record<string, unknown> {
  const codes = KIND_CODES[event.kind];
  return {
    event_id: event.id,
    [macKey]: event.mac,
    device_model: device.model,
    event_category: 1,
    event_value: codes.value,
    event_type: 1,
    event_ts: event.at,
    tag_list: codes.tags,
    file_list: fileList(ctx.state, event),
    event_params: {},
    read_state: 0,
  };
}

function answer(
  ctx: RequestContext,
  filter: EventFilter,
  macKey: 'device_mac' | 'device_id',
): Reply {
  if (filter.begin > filter.end) return appError(...APP_ERRORS.parameter);
  const byMac = new Map(filter.devices.map((d) => [d.mac, d]));
  const events = queryEvents(
    { worldName: ctx.state.world.name, now: ctx.state.now(), book: ctx.state.events },
    filter,
  );
  const list = events.flatMap((event) => {
    const device = byMac.get(event.mac);
    return device ? [renderEvent(ctx, event, device, macKey)] : [];
  });
  return appOk(ctx, { event_list: list });
}

/** POST /app/v2/device/get_event_list: common parameters and access_token in the body. */
export const getEventListV2 = authed((ctx, account) => {
  const body = v2Schema.safeParse(ctx.body);
  if (!body.success) return appError(...APP_ERRORS.parameter);
  return answer(
    ctx,
    filterOf(body.data, camerasOf(account, body.data.device_mac_list)),
    'device_mac',
  );
});

/** POST /app/v4/device/get_event_list: signed like get_streams, cameras as device_id_list. */
export const getEventListV4: RawRoute = (ctx, rawBody) => {
  const refused = refuseSigning(ctx, rawBody);
  if (refused) return refused;
  const account = signedInAccount(ctx);
  if ('status' in account) return account;
  const body = v4Schema.safeParse(ctx.body);
  if (!body.success) return appError(...APP_ERRORS.parameter);
  return answer(
    ctx,
    filterOf(body.data, camerasOf(account, body.data.device_id_list)),
    'device_id',
  );
};
