import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_WORLD } from '../../emulator/demo-account';
import { DEMO } from '../../emulator/test-helpers';
import type { WorldInput } from '../../emulator/world';
import type { WyzeDevice } from '../../common/device';
import legacy from './fixtures/legacy-device-list.json';
import objectList from './fixtures/object-list.json';
import {
  LIMITS,
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
  it("maps the 2018 capture's get_device_list example to the same camera as its object-list twin", () => {
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

    it('bounds what a hostile cloud sends, in both list shapes and in device info', async () => {
      const hostile = {
        nickname: 'n'.repeat(10_000),
        // Past the last date a Date can hold (8.64e15 ms): toISOString() would throw.
        connStateTs: 9e15,
        ssid: 's'.repeat(10_000),
        ip: '999.999.999.999',
        gmtOffset: 1e17,
        thumbnail: { url: 'https://example.com/t.jpg', ts: 9e15 },
        timezone: '../../etc/localtime',
        raw: { parent_device_mac: '<img src=x>' },
        params: { electricity: '1e17' },
      };
      const world = structuredClone(DEMO_WORLD) as WorldInput & {
        accounts: { devices: Record<string, unknown>[] }[];
      };
      const first: Record<string, unknown> = world.accounts[0]?.devices[0] ?? {};
      Object.assign(first, hostile);
      h = await harness({ world });
      await h.client.signIn(DEMO);
      const mac = String(first.mac);
      const current = (await h.client.listDevices()).devices.find((d) => d.mac === mac);
      const old = (await h.client.listDevicesLegacy()).devices.find((d) => d.mac === mac);
      const info = await h.client.getDeviceInfo(mac, String(first.model));
      for (const device of [current, old, info]) {
        expect(device).toMatchObject({
          name: `${'n'.repeat(LIMITS.textLength - 1)}…`,
          ssid: `${'s'.repeat(LIMITS.textLength - 1)}…`,
          lanIp: null,
          parentMac: null,
          battery: null,
          timezone: { name: null, gmtOffsetHours: null },
        });
      }
      expect(current?.statusChangedAt).toBeNull();
      expect(info.statusChangedAt).toBeNull();
      expect(current?.thumbnail).toEqual({ url: 'https://example.com/t.jpg', takenAt: null });
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
  /** Numbers and numeric strings a hostile or broken cloud might send for any numeric field. */
  const hostileNumber = fc.oneof(
    fc.double(),
    fc.constantFrom(1e17, -1e17, 1e308, Number.MAX_SAFE_INTEGER, -1, 0, 1.7e9, 99, -99),
    fc.double().map(String),
    fc.constantFrom('9'.repeat(400), '1e17', '  1767970000  ', '-0.5'),
  );
  /** Strings a hostile cloud might send for any text field. */
  const hostileText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ minLength: 250, maxLength: 1200 }),
    fc.constantFrom('x'.repeat(10_000), '\u202eevil\u202c', 'a\u0000b\nc', '😀'.repeat(300)),
  );
  const anyValue = fc.oneof(anyJson, hostileNumber, hostileText);
  const deviceLike = fc.record(
    {
      mac: fc.oneof(fc.string(), fc.integer(), fc.constant(undefined), hostileText),
      nickname: fc.oneof(fc.string(), anyValue),
      product_model: fc.oneof(
        fc.constantFrom('HL_CAM4', 'GW_GC1', '__proto__', 'constructor'),
        fc.string(),
        hostileText,
      ),
      product_type: fc.oneof(fc.constant('Camera'), anyValue),
      conn_state: anyValue,
      conn_state_ts: anyValue,
      firmware_ver: anyValue,
      parent_device_mac: anyValue,
      binding_user_nickname: anyValue,
      timezone_name: anyValue,
      device_params: fc.oneof(
        fc.dictionary(
          fc.constantFrom(
            'ip',
            'public_ip',
            'ssid',
            'power_switch',
            'electricity',
            'camera_thumbnails',
            '__proto__',
          ),
          anyValue,
        ),
        fc.record({
          camera_thumbnails: fc.record({
            thumbnails_url: fc.oneof(fc.webUrl(), hostileText),
            thumbnails_ts: anyValue,
          }),
        }),
        anyJson,
      ),
      user_role: anyJson,
      timezone_gmt_offset: anyValue,
      property_list: fc.array(
        fc.record({ pid: fc.constantFrom('P3', 'P5'), value: anyValue, ts: anyValue }),
      ),
    },
    { requiredKeys: [] },
  );

  /** Every number a device carries, with the range the UI may rely on. */
  const numbersOf = (d: WyzeDevice): [string, number | null, number, number][] => [
    ['statusChangedAt', d.statusChangedAt, LIMITS.earliestTime, Date.now() + LIMITS.futureSkewMs],
    [
      'thumbnail.takenAt',
      d.thumbnail?.takenAt ?? null,
      LIMITS.earliestTime,
      Date.now() + LIMITS.futureSkewMs,
    ],
    ['battery', d.battery, 0, 100],
    ['gmtOffsetHours', d.timezone.gmtOffsetHours, -14, 14],
  ];
  const textsOf = (d: WyzeDevice): (string | null)[] => [
    d.mac,
    d.name,
    d.model,
    d.modelName,
    d.productType,
    d.lanIp,
    d.publicIp,
    d.ssid,
    d.firmware,
    d.hardware,
    d.parentMac,
    d.owner,
    d.timezone.name,
  ];

  it('property: any input gives null or a well-typed, bounded device, and never touches Object.prototype', () => {
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
          for (const [field, value, min, max] of numbersOf(d)) {
            if (value === null) continue;
            expect(Number.isFinite(value), field).toBe(true);
            expect(value, field).toBeGreaterThanOrEqual(min);
            expect(value, field).toBeLessThanOrEqual(max);
          }
          for (const time of [d.statusChangedAt, d.thumbnail?.takenAt]) {
            if (typeof time === 'number') expect(() => new Date(time).toISOString()).not.toThrow();
          }
          for (const text of textsOf(d)) {
            if (text === null) continue;
            expect(Array.from(text).length).toBeLessThanOrEqual(LIMITS.textLength);
            expect(text).not.toMatch(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u);
          }
          expect((d.thumbnail?.url ?? '').length).toBeLessThanOrEqual(LIMITS.urlLength);
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

/** A fixed "now" so the plausible-time window is the same on every run. */
const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

describe('out-of-range and hostile values become null or are cut, never shown', () => {
  beforeAll(() => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  const base = objectList.data.device_list[0] as Record<string, unknown>;
  const params = base.device_params as Record<string, unknown>;
  const device = (change: Record<string, unknown>, paramChange: Record<string, unknown> = {}) =>
    normaliseDevice({ ...base, ...change, device_params: { ...params, ...paramChange } });
  const long = 'x'.repeat(10_000);
  const cut = `${'x'.repeat(LIMITS.textLength - 1)}…`;

  it.each([
    ['a time of 1e17 (year 3 million)', 1e17, null],
    ['a negative time', -1, null],
    ['zero', 0, null],
    ['the largest double', Number.MAX_VALUE, null],
    ['a 400-digit string (Infinity once parsed)', '9'.repeat(400), null],
    ['a time before 2010', Date.UTC(2009, 11, 31), null],
    ['a time two days ahead', NOW + 2 * DAY, null],
    ['a time an hour ahead (clock skew)', NOW + 3600_000, NOW + 3600_000],
    ['a time in ms', 1_767_970_000_000, 1_767_970_000_000],
    ['a time in seconds', 1_767_970_000, 1_767_970_000_000],
    ['a time in seconds, as a string', ' 1767970000 ', 1_767_970_000_000],
    ['fractional ms', 1_767_970_000_000.7, 1_767_970_000_000],
  ])('conn_state_ts: %s', (_name, ts, expected) => {
    expect(device({ conn_state_ts: ts })?.statusChangedAt).toBe(expected);
    const info = normaliseDeviceInfo({ ...base, property_list: [{ pid: 'P5', value: '1', ts }] });
    expect(info?.statusChangedAt).toBe(expected);
  });

  it.each([
    [1e17, null],
    [-5, null],
    [1_767_970_500, 1_767_970_500_000],
  ])('thumbnails_ts %s gives takenAt %s', (ts, expected) => {
    const thumb = { thumbnails_url: 'https://example.com/t.jpg', thumbnails_ts: ts };
    expect(device({}, { camera_thumbnails: thumb })?.thumbnail).toEqual({
      url: 'https://example.com/t.jpg',
      takenAt: expected,
    });
  });

  it.each([
    ['a battery of 1e17', {}, { electricity: 1e17 }, { battery: null }],
    ['a negative battery', {}, { electricity: -1 }, { battery: null }],
    ['a fractional battery', {}, { electricity: '99.6' }, { battery: 100 }],
    [
      'an offset of 1e17 hours',
      { timezone_gmt_offset: 1e17 },
      {},
      { timezone: { gmtOffsetHours: null } },
    ],
    [
      'an offset of -15 hours',
      { timezone_gmt_offset: -15 },
      {},
      { timezone: { gmtOffsetHours: null } },
    ],
    [
      'an offset of +14 hours (Kiribati)',
      { timezone_gmt_offset: 14 },
      {},
      { timezone: { gmtOffsetHours: 14 } },
    ],
    [
      'an offset of 5.75 hours (Nepal)',
      { timezone_gmt_offset: '5.75' },
      {},
      { timezone: { gmtOffsetHours: 5.75 } },
    ],
    ['a 10 kB nickname', { nickname: long }, {}, { name: cut }],
    ['a 10 kB SSID', {}, { ssid: long }, { ssid: cut }],
    ['a 10 kB firmware', { firmware_ver: long }, {}, { firmware: cut }],
    ['a 10 kB owner', { binding_user_nickname: long }, {}, { owner: cut }],
    ['a 10 kB model', { product_model: long }, {}, { model: cut, modelName: cut }],
    ['a 10 kB product type', { product_type: long }, {}, { productType: cut }],
    [
      'a nickname of exactly 256 characters',
      { nickname: 'y'.repeat(256) },
      {},
      { name: 'y'.repeat(256) },
    ],
    ['a nickname with a bidi override', { nickname: 'Kids\u202e moor' }, {}, { name: 'Kids moor' }],
    [
      'a nickname with control characters',
      { nickname: 'Front\u0000Door\nCam' },
      {},
      { name: 'Front Door Cam' },
    ],
    ['a nickname of control characters only', { nickname: '\u0007\u0000\t' }, {}, { name: '' }],
    ['an SSID with a newline', {}, { ssid: 'Home\nNet' }, { ssid: 'Home Net' }],
  ])('%s', (_name, change, paramChange, expected) => {
    expect(device(change, paramChange)).toMatchObject(expected);
  });

  it('cuts a long name between characters, never inside an emoji', () => {
    const name = device({ nickname: '😀'.repeat(300) })?.name ?? '';
    expect(Array.from(name)).toHaveLength(LIMITS.textLength);
    expect(name.endsWith('😀…')).toBe(true);
    expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it.each([
    ['an address past 255', '999.1.1.1', null],
    ['colons only', ':::::', null],
    ['markup', '<img src=x onerror=alert(1)>', null],
    ['a host name', 'router.local', null],
    ['a huge string of colons and digits', `${'1:'.repeat(500)}1`, null],
    ['an address with spaces around it', ' 192.168.1.9 ', '192.168.1.9'],
    ['IPv6 loopback', '::1', '::1'],
    ['IPv4-mapped IPv6', '::ffff:192.168.1.9', '::ffff:192.168.1.9'],
    ['a number', 3232235777, null],
  ])('lanIp and publicIp: %s', (_name, value, expected) => {
    expect(device({}, { ip: value, public_ip: value })).toMatchObject({
      lanIp: expected,
      publicIp: expected,
    });
  });

  it.each([
    ['spaces inside', '2C AA 8E 1B 2C 3D'],
    ['markup', '<b>2CAA8E1B2C3D</b>'],
    ['a path', '../../etc/passwd'],
    ['a NUL byte', '2CAA8E1B2C3D\u0000'],
    ['65 characters', 'A'.repeat(65)],
    ['a leading dash', '-2CAA8E1B2C3D'],
  ])('a MAC with %s skips the device (it is its identity)', (_name, mac) => {
    expect(device({ mac })).toBeNull();
    expect(normaliseDeviceList([{ ...base, mac }]).skipped).toBe(1);
  });

  it.each([
    ['hex', '2CAA8E1B2C3D', '2CAA8E1B2C3D'],
    ['a gateway id', 'GW_GC1_7C78B2A1B2C3', 'GW_GC1_7C78B2A1B2C3'],
    ['a sensor id', '77836023', '77836023'],
    ['colons', '2C:AA:8E:1B:2C:3D', '2C:AA:8E:1B:2C:3D'],
  ])('a MAC written as %s is kept', (_name, mac, expected) => {
    expect(device({ mac })?.mac).toBe(expected);
  });

  it.each([
    ['markup', '<script>', null],
    ['a 10 kB id', long, null],
    ['a hub MAC', '2CAA8E4F1A0B', '2CAA8E4F1A0B'],
  ])('a parent MAC with %s', (_name, parent, expected) => {
    expect(device({ parent_device_mac: parent })?.parentMac).toBe(expected);
  });

  it.each([
    ['a zone nobody has', 'Mars/Olympus_Mons', null],
    ['a path', '../../etc/localtime', null],
    ['markup', '<b>UTC</b>', null],
    ['a 10 kB name', long, null],
    ['an IANA zone', 'Asia/Kathmandu', 'Asia/Kathmandu'],
    ['UTC', 'UTC', 'UTC'],
  ])('a time-zone name with %s', (_name, zone, expected) => {
    expect(device({ timezone_name: zone })?.timezone.name).toBe(expected);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['a space in the host', 'https://exa mple.com/t.jpg'],
    ['a 5 kB URL', `https://example.com/${'a'.repeat(5000)}`],
    ['https with nothing after', 'https://'],
  ])('a thumbnail URL with %s is dropped', (_name, url) => {
    const thumb = { thumbnails_url: url, thumbnails_ts: 1_767_970_500_000 };
    expect(device({}, { camera_thumbnails: thumb })?.thumbnail).toBeNull();
  });
});
