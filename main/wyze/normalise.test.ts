import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../emulator/test-helpers';
import type { WyzeDevice } from '../../common/device';
import legacy from './fixtures/legacy-device-list.json';
import objectList from './fixtures/object-list.json';
import {
  normaliseDevice,
  normaliseDeviceInfo,
  normaliseDeviceList,
  normaliseLegacyDevice,
} from './normalise';
import { harness } from './test-harness';
import type { Harness } from './test-harness';

/** The fields both list shapes carry; the legacy list has no timestamps, public IP or thumbnails. */
const shared = (d: WyzeDevice | null) =>
  d && {
    mac: d.mac,
    name: d.name,
    model: d.model,
    modelName: d.modelName,
    productType: d.productType,
    isCamera: d.isCamera,
    online: d.online,
    poweredOn: d.poweredOn,
    lanIp: d.lanIp,
    ssid: d.ssid,
    firmware: d.firmware,
    hardware: d.hardware,
    shared: d.shared,
    owner: d.owner,
    timezone: d.timezone.name,
  };

describe('the two device-list shapes', () => {
  it("maps the seed document's get_device_list example to the same camera as its object-list twin", () => {
    const old = normaliseLegacyDevice(legacy.data.device_info_list[0]);
    const current = normaliseDevice(objectList.data.device_list[0]);
    expect(shared(old)).toEqual(shared(current));
    expect(current).toEqual({
      mac: '2CAA8E1B2C3D',
      name: 'Kitchen',
      model: 'WYZEC1-JZ',
      modelName: 'Wyze Cam v2',
      modelKnown: true,
      productType: 'Camera',
      isCamera: true,
      online: true,
      statusChangedAt: 1767970000000,
      poweredOn: true,
      lanIp: '192.168.0.104',
      publicIp: '198.51.100.4',
      ssid: 'HomeNet',
      firmware: '4.9.1.60',
      hardware: '0.0.0.0',
      thumbnail: {
        url: 'https://example-bucket.s3.amazonaws.com/thumb.jpg?X-Amz-Expires=1200',
        takenAt: 1767970500000,
      },
      battery: null,
      parentMac: null,
      shared: false,
      owner: 'owner@example.com',
      timezone: { name: 'America/Toronto', gmtOffsetHours: -5 },
    });
  });

  describe('against the emulator', () => {
    let h: Harness | undefined;
    afterEach(async () => {
      await h?.close();
      h = undefined;
    });

    it('gives the same devices from the object list, the legacy list and device info', async () => {
      h = await harness();
      await h.client.signIn(DEMO);
      const current = await h.client.listDevices();
      const old = await h.client.listDevicesLegacy();
      expect(current.skipped).toBe(0);
      expect(old.devices.map(shared)).toEqual(current.devices.map(shared));
      const pan = current.devices.find((d) => d.model === 'HL_PAN3');
      const info = await h.client.getDeviceInfo(pan?.mac ?? '', 'HL_PAN3');
      expect(shared(info)).toEqual(shared(pan ?? null));
      expect(info.poweredOn).toBe(false);
    });

    it('reports what the demo world says, and nothing it does not', async () => {
      h = await harness();
      await h.client.signIn(DEMO);
      const { devices } = await h.client.listDevices();
      const by = (name: string) => devices.filter((d) => d.name === name);
      expect(devices.filter((d) => d.isCamera)).toHaveLength(13);
      expect(by('Porch')[0]).toMatchObject({ model: 'GW_GC1', lanIp: null, ssid: null });
      expect(by('Living Room')[0]).toMatchObject({ online: true, poweredOn: false });
      expect(by('Workshop')[0]).toMatchObject({ online: false, statusChangedAt: 1779010000000 });
      expect(by('Side Gate')[0]).toMatchObject({ battery: 76, parentMac: '2CAA8E4F1A0B' });
      expect(by("Mom's Kitchen")[0]).toMatchObject({
        shared: true,
        owner: 'grandma@wyzecam.example',
      });
      expect(by('Garage')).toHaveLength(2);
      expect(by('玄関カメラ')[0]).toMatchObject({ modelName: 'Wyze Cam Pan Pro' });
      expect(by('Coffee Maker')[0]).toMatchObject({
        isCamera: false,
        poweredOn: null,
        lanIp: '192.168.1.50',
      });
      const props = await h.client.getPropertyList(by('Shed')[0]?.mac ?? '', 'WVOD1', ['P5']);
      expect(props).toEqual([{ pid: 'P5', value: '0', ts: expect.any(Number) }]);
    });

    it('refuses bad device arguments without asking Wyze', async () => {
      h = await harness();
      await h.client.signIn(DEMO);
      await expect(h.client.getDeviceInfo('', 'HL_CAM4')).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
      await expect(h.client.getPropertyList('AA', 'x'.repeat(500))).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
      expect(h.hits('/app/v2/device/get_device_Info')).toBe(0);
    });
  });
});

describe('unexpected data never crashes and is never guessed', () => {
  const base = objectList.data.device_list[0] as Record<string, unknown>;

  it.each([
    [
      'an unknown model',
      { product_model: 'XX_NEW9' },
      { model: 'XX_NEW9', modelName: 'XX_NEW9', modelKnown: false },
    ],
    [
      'an unknown product type',
      { product_type: 'Hovercraft' },
      { productType: 'Hovercraft', isCamera: false },
    ],
    [
      'no device_params',
      { device_params: undefined },
      { lanIp: null, poweredOn: null, ssid: null, thumbnail: null },
    ],
    [
      'device_params of the wrong type',
      { device_params: 'oops' },
      { lanIp: null, poweredOn: null },
    ],
    ['conn_state as a string', { conn_state: '0' }, { online: false }],
    ['conn_state nobody knows', { conn_state: 7 }, { online: null }],
    [
      'no conn_state at all',
      { conn_state: undefined, conn_state_ts: 'yesterday' },
      { online: null, statusChangedAt: null },
    ],
    ['a nickname that is not a string', { nickname: 42 }, { name: '' }],
    ['a shared device', { user_role: 2 }, { shared: true }],
    ['extra fields', { brand_new_field: { deep: [1, 2] } }, { mac: '2CAA8E1B2C3D' }],
    ['a firmware of the wrong type', { firmware_ver: 4.9 }, { firmware: null }],
    [
      'a non-numeric offset',
      { timezone_gmt_offset: 'EST' },
      { timezone: { name: 'America/Toronto', gmtOffsetHours: null } },
    ],
  ])('handles %s', (_name, change, expected) => {
    expect(normaliseDevice({ ...base, ...change })).toMatchObject(expected);
  });

  it.each([
    ['an IP that is not one', { ip: 'not-an-ip' }, { lanIp: null }],
    ['an empty IP', { ip: '' }, { lanIp: null }],
    ['an IPv6 address', { ip: 'fe80::1' }, { lanIp: 'fe80::1' }],
    ['a battery level', { electricity: '88' }, { battery: 88 }],
    ['a battery level out of range', { electricity: '180' }, { battery: null }],
    [
      'an http thumbnail',
      { camera_thumbnails: { thumbnails_url: 'http://x/y.jpg', thumbnails_ts: 1 } },
      { thumbnail: null },
    ],
    [
      'a thumbnail array (as one client assumed)',
      { camera_thumbnails: [{ url: 'https://x' }] },
      { thumbnail: null },
    ],
  ])('in device_params, handles %s', (_name, params, expected) => {
    const device = normaliseDevice({
      ...base,
      device_params: { ...(base.device_params as object), ...params },
    });
    expect(device).toMatchObject(expected);
  });

  it('skips entries without a MAC or with a repeated one, and counts them', () => {
    const list = normaliseDeviceList([
      base,
      { ...base },
      { ...base, mac: '' },
      null,
      'x',
      { ...base, mac: 'AABBCCDDEEFF' },
    ]);
    expect(list.devices.map((d) => d.mac)).toEqual(['2CAA8E1B2C3D', 'AABBCCDDEEFF']);
    expect(list.skipped).toBe(4);
  });

  it('reads device info without a property list as unknown status', () => {
    expect(normaliseDeviceInfo({ mac: 'A', property_list: 'nope' })).toMatchObject({
      online: null,
      poweredOn: null,
    });
  });

  const anyJson = fc.anything({ withObjectString: true, withNullPrototype: true, maxDepth: 4 });
  const deviceLike = fc.record(
    {
      mac: fc.oneof(fc.string(), fc.integer(), fc.constant(undefined)),
      nickname: fc.oneof(fc.string(), anyJson),
      product_model: fc.oneof(
        fc.constantFrom('HL_CAM4', 'GW_GC1', '__proto__', 'constructor'),
        fc.string(),
      ),
      product_type: fc.oneof(fc.constant('Camera'), anyJson),
      conn_state: anyJson,
      conn_state_ts: anyJson,
      device_params: fc.oneof(
        fc.dictionary(
          fc.constantFrom(
            'ip',
            'ssid',
            'power_switch',
            'electricity',
            'camera_thumbnails',
            '__proto__',
          ),
          anyJson,
        ),
        anyJson,
      ),
      user_role: anyJson,
      timezone_gmt_offset: anyJson,
    },
    { requiredKeys: [] },
  );

  it('property: any input gives null or a well-typed device, and never touches Object.prototype', () => {
    fc.assert(
      fc.property(fc.oneof(anyJson, deviceLike), (raw) => {
        for (const normalise of [normaliseDevice, normaliseLegacyDevice, normaliseDeviceInfo]) {
          const d = normalise(raw);
          if (d === null) continue;
          expect(typeof d.mac).toBe('string');
          expect(d.mac.length).toBeGreaterThan(0);
          expect(typeof d.name).toBe('string');
          expect([true, false, null]).toContain(d.online);
          expect(d.lanIp === null || typeof d.lanIp === 'string').toBe(true);
          expect(d.battery === null || (d.battery >= 0 && d.battery <= 100)).toBe(true);
        }
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: a list of anything normalises without throwing', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anyJson, deviceLike), { maxLength: 30 }), (entries) => {
        const { devices, skipped } = normaliseDeviceList(entries);
        expect(devices.length + skipped).toBe(entries.length);
      }),
      { numRuns: 300 },
    );
  });
});
