import type { WyzeAccount, WyzeDevice } from '../../common/device';
import { normaliseCloudEvent } from '../events/normalise';
import type { CloudEvent } from '../events/normalise';
import type { Logger } from '../logging/logger';
import { WyzeError, wyzeError } from './errors';
import type { AppHost, Envelope } from './app-host';
import { SV } from './app-host';
import {
  boundedText,
  boundedTime,
  normaliseDeviceInfo,
  normaliseDeviceList,
  normaliseLegacyDevice,
} from './normalise';
import type { DeviceList } from './normalise';
import {
  deviceInfoSchema,
  eventListSchema,
  legacyListSchema,
  objectListSchema,
  parseResponse,
  propertyListSchema,
  streamsSchema,
  userInfoSchema,
} from './schemas';
import type { Property, StreamItem } from './schemas';
import type { TokenKeeper } from './tokens';
import type { z } from 'zod';

const MAX_ID = 128;
const idArg = (value: unknown, what: string): string => {
  if (typeof value !== 'string' || !value.trim() || value.length > MAX_ID) {
    throw new WyzeError('INVALID_ARGUMENT', `The ${what} is missing or not valid.`);
  }
  return value.trim();
};

const READ = { idempotent: true, essential: false } as const;

/**
 * get_event_list's sv for the Android app identity the client uses (docs/protocol.md, "Events").
 */
const EVENT_LIST_SV = 'bdcb412e230049c0be0916e75022d3f3';
/** The most events one get_event_list call asks for (docs/protocol.md, "Events"). */
export const MAX_EVENTS_PER_CALL = 20;
/** The most cameras one call may name (the service names one, or none for the account). */
const MAX_EVENT_MACS = 100;

/** Which events one get_event_list call asks for: newest first, `begin <= at <= end`. */
export interface EventListRequest {
  /** Cameras; empty for every camera on the account. */
  macs: string[];
  begin: number;
  end: number;
  count: number;
}

/** What one call gave: the usable events, and how many items the cloud sent (a full page?). */
export interface EventListResult {
  events: CloudEvent[];
  received: number;
}

/**
 * Authenticated reads on the app host: the account, both device lists, one device's info and
 * properties. Each may be retried, is held back by a low rate budget, and refreshes the token
 * once when Wyze answers 2001 (docs/protocol.md, "Device list", "Device info and properties").
 */
export function createReads(
  host: AppHost,
  tokens: TokenKeeper,
  logger: Logger,
  now: () => number = Date.now,
) {
  /**
   * 2001 again, with a token Wyze issued moments ago. The refresh token was accepted, so the
   * session is not over and onSessionExpired is not called: ending it would force a sign-in (the
   * scarcest budget, with lockouts) for what is most likely a passing fault on Wyze's side. The
   * caller gets TOKEN_REFUSED; the next read tries the renewed token again.
   */
  function refusedAfterRefresh(path: string): WyzeError {
    logger.warn('Wyze refused the access token it had just issued; the session is kept', { path });
    return wyzeError('TOKEN_REFUSED', { detail: `2001 after refresh on ${path}` });
  }

  /** An authenticated read: refreshes once on 2001 and repeats the call with the new token. */
  function read<T>(
    path: string,
    sv: string,
    extra: Record<string, unknown>,
    schema: z.ZodType<T>,
  ): Promise<T> {
    return authenticated(path, schema, (token) =>
      host.post(path, { ...host.commonParams(token, sv), ...extra }, READ, tokens.signal()),
    );
  }

  /** The same for a signed v4 read (docs/protocol.md, "Live view"): body and token signed. */
  function signedRead<T>(
    path: string,
    body: Record<string, unknown>,
    schema: z.ZodType<T>,
  ): Promise<T> {
    return authenticated(path, schema, (token) =>
      host.postSigned(path, body, token, READ, tokens.signal()),
    );
  }

  async function authenticated<T>(
    path: string,
    schema: z.ZodType<T>,
    send: (accessToken: string) => Promise<Envelope>,
  ): Promise<T> {
    let token = await tokens.accessToken();
    for (let tries = 0; ; tries++) {
      const res = await send(token);
      if (res.code === '1') return parseResponse(schema, res.data, path);
      if (res.code !== '2001') throw host.failed(res.code, res.msg);
      if (tries >= 1) throw refusedAfterRefresh(path);
      token = await tokens.refreshAfter(token);
    }
  }

  async function getAccount(): Promise<WyzeAccount> {
    const info = await read('/app/user/get_user_info', SV.userInfo, {}, userInfoSchema);
    // The same bounds as device fields (docs/protocol.md, "Timestamps and units"): whatever
    // the cloud sends, nothing unbounded reaches the UI.
    return {
      email: boundedText(info.email),
      nickname: boundedText(info.nickname),
      userId: boundedText(info.open_user_id),
    };
  }

  async function listDevices(): Promise<DeviceList> {
    const data = await read(
      '/app/v2/home_page/get_object_list',
      SV.objectList,
      {},
      objectListSchema,
    );
    return normaliseDeviceList(data.device_list);
  }

  async function listDevicesLegacy(): Promise<DeviceList> {
    const data = await read('/app/device/get_device_list', SV.legacyList, {}, legacyListSchema);
    return normaliseDeviceList(data.device_info_list, normaliseLegacyDevice);
  }

  async function getDeviceInfo(mac: string, model: string): Promise<WyzeDevice> {
    const extra = {
      device_mac: idArg(mac, 'device MAC'),
      device_model: idArg(model, 'device model'),
    };
    const data = await read(
      '/app/v2/device/get_device_Info',
      SV.deviceInfo,
      extra,
      deviceInfoSchema,
    );
    const device = normaliseDeviceInfo(data);
    if (!device) throw wyzeError('UNEXPECTED_RESPONSE', { detail: 'device info without a MAC' });
    return device;
  }

  async function getPropertyList(
    mac: string,
    model: string,
    pids: string[] = [],
  ): Promise<Property[]> {
    if (!Array.isArray(pids) || pids.some((p) => typeof p !== 'string' || p.length > 16)) {
      throw new WyzeError('INVALID_ARGUMENT', 'The property list request is not valid.');
    }
    const extra = {
      device_mac: idArg(mac, 'device MAC'),
      device_model: idArg(model, 'device model'),
      target_pid_list: pids,
    };
    const data = await read(
      '/app/v2/device/get_property_list',
      SV.propertyList,
      extra,
      propertyListSchema,
    );
    return data.property_list.map((p) => ({
      pid: p.pid.slice(0, 16),
      value: p.value.slice(0, 1024),
      ts: boundedTime(p.ts),
    }));
  }

  /**
   * A camera's WebRTC stream bootstrap (get_streams, provider "webrtc", trickled candidates): the
   * items as Wyze sent them, checked against their shape; main/live/bootstrap.ts reads them.
   */
  function getStreams(mac: string, model: string): Promise<StreamItem[]> {
    const device = {
      device_id: idArg(mac, 'device MAC'),
      device_model: idArg(model, 'device model'),
      provider: 'webrtc',
      parameters: { use_trickle: true },
    };
    return signedRead('/app/v4/camera/get_streams', { device_list: [device] }, streamsSchema);
  }

  /**
   * One page of camera events, newest first (docs/protocol.md, "Events"): the v2 body-style call
   * on the app host, at most MAX_EVENTS_PER_CALL; items that are not usable events are dropped.
   */
  async function getEventList(req: EventListRequest): Promise<EventListResult> {
    const times = [req.begin, req.end];
    if (times.some((t) => !Number.isSafeInteger(t) || t < 0) || req.begin > req.end) {
      throw new WyzeError('INVALID_ARGUMENT', 'The event time range is not valid.');
    }
    if (!Number.isSafeInteger(req.count) || req.count < 1 || req.count > MAX_EVENTS_PER_CALL) {
      throw new WyzeError('INVALID_ARGUMENT', 'The event count is not valid.');
    }
    if (!Array.isArray(req.macs) || req.macs.length > MAX_EVENT_MACS) {
      throw new WyzeError('INVALID_ARGUMENT', 'The camera list is not valid.');
    }
    const macs = req.macs.map((m) => idArg(m, 'device MAC'));
    const data = await read(
      '/app/v2/device/get_event_list',
      EVENT_LIST_SV,
      {
        device_mac_list: macs,
        event_value_list: [],
        event_tag_list: [],
        event_type: '1',
        begin_time: req.begin,
        end_time: req.end,
        order_by: 2,
        count: req.count,
      },
      eventListSchema,
    );
    const at = now();
    const items = data.event_list.slice(0, req.count);
    const events = items.flatMap((raw) => {
      const event = normaliseCloudEvent(raw, at);
      return event ? [event] : [];
    });
    if (events.length < items.length) {
      logger.warn('events the cloud sent were not usable', {
        dropped: items.length - events.length,
      });
    }
    return { events, received: data.event_list.length };
  }

  return {
    getAccount,
    listDevices,
    listDevicesLegacy,
    getDeviceInfo,
    getPropertyList,
    getStreams,
    getEventList,
  };
}
