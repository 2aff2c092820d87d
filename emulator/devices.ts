import { createHash } from 'node:crypto';
import type { AccountSpec, DeviceSpec } from './world';

/**
 * Renders world devices in the cloud's exact shapes: key order and value types as the captures
 * show them (int conn_state, string electricity, object camera_thumbnails, float
 * timezone_gmt_offset); docs/protocol.md, "Device list" and "Device info and properties".
 */

type Json = Record<string, unknown>;

/** Where the emulator serves a device's own picture (server.ts knows its address). */
export type PictureUrl = (device: DeviceSpec) => string;

const digest = (mac: string, salt: string): Buffer =>
  createHash('sha256').update(`${salt}:${mac}`).digest();

const isGwell = (model: string): boolean => model.startsWith('GW_');

/**
 * A device's key and UID depend only on its MAC and model, and every list answer carries them:
 * they are worked out once per pair (two hashes per device made a 5,000-camera list slow). A
 * world's changes cannot alter either (state.ts), so an entry never goes stale; the map holds one
 * entry per device ever served, a few thousand at most.
 */
const identities = new Map<string, { enr: string; p2pId: string }>();

function identityOf(device: DeviceSpec): { enr: string; p2pId: string } {
  const key = `${device.model}\n${device.mac}`;
  let found = identities.get(key);
  if (!found) {
    const gw = isGwell(device.model);
    const enrBytes = digest(device.mac, 'enr');
    let p2pId = `${device.model}_${device.mac}`;
    if (!gw) {
      const alphabet = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
      const bytes = digest(device.mac, 'p2p');
      let id = '';
      for (let i = 0; i < 16; i++) id += alphabet[(bytes[i] ?? 0) % alphabet.length];
      p2pId = `${id}111A`;
    }
    found = {
      enr: (gw ? enrBytes.toString('hex') : enrBytes.toString('base64')).slice(0, 16),
      p2pId,
    };
    identities.set(key, found);
  }
  return found;
}

/** The 16-character per-device key: base64-like for TUTK cameras, hex for GW_* models. */
export const enrFor = (device: DeviceSpec): string => identityOf(device).enr;

/** TUTK UIDs are 20 uppercase alphanumerics; GW_* models use "<MODEL>_<MAC>". */
export const p2pIdFor = (device: DeviceSpec): string => identityOf(device).p2pId;

const ownerOf = (device: DeviceSpec, account: AccountSpec): string =>
  device.sharedBy ?? account.email;

const roleOf = (device: DeviceSpec): number => (device.sharedBy ? 2 : 1);

const isEmpty = (o: object): boolean => {
  for (const key in o) if (Object.hasOwn(o, key)) return false;
  return true;
};

const applyOverrides = (record: Json, device: DeviceSpec): Json => {
  // Most devices have no overrides: their record is the answer as it is.
  if (isEmpty(device.raw) && device.omit.length === 0) return record;
  const merged: Json = { ...record, ...device.raw };
  return Object.fromEntries(Object.entries(merged).filter(([key]) => !device.omit.includes(key)));
};

function cameraParams(device: DeviceSpec, pictureUrl: PictureUrl): Json {
  const gw = isGwell(device.model);
  const params: Json = {
    p2p_id: p2pIdFor(device),
    p2p_type: gw ? 0 : 3,
  };
  if (device.ssid !== null) params.ssid = device.ssid;
  if (device.ip !== null) params.ip = device.ip;
  if (device.publicIp !== null) params.public_ip = device.publicIp;
  Object.assign(params, {
    power_switch: device.powerOn ? 1 : 0,
    temperature: '0',
    humidity: '0',
    temp_humi_room_type: 1,
    comfort_standard_level: 2,
    is_temperature_humidity: '0',
    records_event_switch: 1,
    motion_alarm_switch: 1,
    audio_alarm_switch: 0,
    smoke_alarm_switch: 0,
    co_alarm_switch: 0,
    electricity: device.battery === null ? '' : String(device.battery),
    battery_charging_status: '',
    power_source: '0',
    is_link_toy_car: 0,
    power_saving_mode_switch: 0,
    camera_thumbnails: {
      thumbnails_url: device.thumbnail ? (device.thumbnail.url ?? pictureUrl(device)) : '',
      thumbnails_ts: device.thumbnail?.ts ?? 0,
    },
    dtls: gw ? 0 : 1,
    main_device_dtls: device.parentMac ? 1 : 0,
    device_setting_channel: 0,
    dongle_switch: 0,
    dongle_product_model: '',
    ai_notification_v2: 0,
    accessory_switch: 0,
    spotlight_status: 0,
  });
  return isEmpty(device.params) ? params : { ...params, ...device.params };
}

function otherParams(device: DeviceSpec): Json {
  const params: Json = {};
  if (device.ssid !== null) params.ssid = device.ssid;
  if (device.ip !== null) params.ip = device.ip;
  if (device.battery !== null) params.electricity = String(device.battery);
  return { ...params, ...device.params };
}

const isCameraSpec = (device: DeviceSpec): boolean => device.productType === 'Camera';

/** One entry of get_object_list's data.device_list (docs/protocol.md, "Device list"). */
export function renderObjectListEntry(
  device: DeviceSpec,
  account: AccountSpec,
  pictureUrl: PictureUrl = () => '',
): Json {
  const bindingTs = device.connStateTs - 86_400_000 * 30;
  const record: Json = {
    mac: device.mac,
    first_activation_ts: bindingTs,
    first_binding_ts: bindingTs,
    enr: enrFor(device),
    nickname: device.nickname,
    timezone_name: device.timezone,
    product_model: device.model,
    product_model_logo_url: '',
    product_type: device.productType,
    hardware_ver: device.hardware,
    firmware_ver: device.firmware,
    user_role: roleOf(device),
    binding_user_nickname: ownerOf(device, account),
    conn_state: device.online ? 1 : 0,
    conn_state_ts: device.connStateTs,
    push_switch: 1,
    device_params: isCameraSpec(device) ? cameraParams(device, pictureUrl) : otherParams(device),
    is_in_auto: 0,
    event_master_switch: 1,
    parent_device_mac: device.parentMac,
    parent_device_enr: '',
    binding_ts: bindingTs,
    timezone_gmt_offset: device.gmtOffset,
  };
  return applyOverrides(record, device);
}

/**
 * One entry of the legacy get_device_list's data.device_info_list: flat fields
 * (docs/protocol.md, "Device list", the legacy list).
 */
export function renderLegacyEntry(device: DeviceSpec, account: AccountSpec): Json {
  const record: Json = {
    mac: device.mac,
    enr: enrFor(device),
    p2p_id: p2pIdFor(device),
    p2p_type: isGwell(device.model) ? 0 : 3,
    product_model: device.model,
    product_type: device.productType,
    hardware_ver: device.hardware,
    firmware_ver: device.firmware,
    role: roleOf(device),
    nickname: device.nickname,
    device_logo: '',
    device_timezone: device.timezone,
    binding_user_nickname: ownerOf(device, account),
    ssid: device.ssid ?? '',
    ip: device.ip ?? '',
    conn_state: device.online ? 1 : 0,
  };
  // Privacy mode is a camera's switch; other devices carry their state in their own fields.
  if (isCameraSpec(device)) record.power_switch = device.powerOn ? 1 : 0;
  return applyOverrides(record, device);
}

/** P-code values of a camera; always strings (docs/protocol.md, "Device info and properties"). */
export function propertyList(
  device: DeviceSpec,
  at: number,
): { pid: string; value: string; ts: number }[] {
  return [
    { pid: 'P1', value: '1', ts: at },
    { pid: 'P3', value: device.powerOn ? '1' : '0', ts: device.connStateTs },
    { pid: 'P4', value: '1', ts: at },
    { pid: 'P5', value: device.online ? '1' : '0', ts: device.connStateTs },
    { pid: 'P1001', value: '1', ts: at },
    { pid: 'P1047', value: '1', ts: 0 },
    { pid: 'P1048', value: '0', ts: 0 },
  ];
}

/**
 * get_device_Info's data: a flat record with property_list inside (docs/protocol.md,
 * "Device info and properties").
 */
export function renderDeviceInfo(device: DeviceSpec, account: AccountSpec, at: number): Json {
  const entry = renderObjectListEntry(device, account);
  return {
    mac: device.mac,
    dtls: isGwell(device.model) ? 0 : 1,
    main_device_dtls: device.parentMac ? 1 : 0,
    first_activation_ts: entry.first_activation_ts,
    first_binding_ts: entry.first_binding_ts,
    enr: entry.enr,
    nickname: device.nickname,
    timezone_name: device.timezone,
    product_model: device.model,
    product_type: device.productType,
    hardware_ver: device.hardware,
    firmware_ver: device.firmware,
    user_role: roleOf(device),
    binding_user_nickname: ownerOf(device, account),
    parent_device_mac: device.parentMac,
    parent_device_enr: '',
    binding_ts: entry.binding_ts,
    p2p_id: p2pIdFor(device),
    p2p_type: isGwell(device.model) ? 0 : 3,
    ssid: device.ssid ?? '',
    ip: device.ip ?? '',
    public_ip: device.publicIp ?? '',
    property_list: propertyList(device, at),
    device_setting: {},
    device_setting_channel: 0,
    timezone_gmt_offset: device.gmtOffset,
  };
}

/** data.device_group_list entries (docs/protocol.md, "Device list"). */
export function renderGroups(account: AccountSpec): Json[] {
  const models = new Map(account.devices.map((d) => [d.mac, d.model]));
  return account.groups.map((g) => ({
    group_id: g.id,
    group_type_id: g.typeId,
    group_name: g.name,
    logo_url: '',
    group_type_logo_url: '',
    device_list: g.macs
      .filter((mac) => models.has(mac))
      .map((mac) => ({ device_mac: mac, product_model: models.get(mac) })),
  }));
}
