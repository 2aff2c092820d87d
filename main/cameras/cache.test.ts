import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeviceDto } from '../../common/view';
import { LIMITS } from '../wyze/normalise';
import { MAX_CACHED_DEVICES, openCameraCache } from './cache';
import type { CameraCache } from './cache';

/** A fixed "now" so the plausible-time window is the same on every run. */
const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const EMAIL = 'someone@example.com';
const long = 'x'.repeat(10_000);
const cut = `${'x'.repeat(LIMITS.textLength - 1)}…`;

const goodDevice = (over: Partial<DeviceDto> = {}): DeviceDto => ({
  mac: '2CAA8E1B2C3D',
  name: 'Kitchen',
  model: 'WYZEC1-JZ',
  modelName: 'Wyze Cam v2',
  modelKnown: true,
  productType: 'Camera',
  isCamera: true,
  online: true,
  statusChangedAt: 1_767_970_000_000,
  poweredOn: true,
  lanIp: '192.168.0.104',
  publicIp: '198.51.100.4',
  ssid: 'HomeNet',
  firmware: '4.9.1.60',
  hardware: '0.0.0.0',
  thumbnailTakenAt: 1_767_970_500_000,
  battery: null,
  parentMac: null,
  shared: false,
  owner: 'owner@example.com',
  timezone: { name: 'America/Toronto', gmtOffsetHours: -5 },
  ...over,
});

const list = (devices: unknown[], over: Record<string, unknown> = {}) => ({
  email: EMAIL,
  fetchedAt: NOW - 60_000,
  devices,
  ...over,
});

let dir: string;
let cache: CameraCache;
beforeAll(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterAll(() => {
  vi.useRealTimers();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'camera-cache-'));
  cache = openCameraCache(dir);
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes cameras.json as an older build or a hand edit could have left it. */
const writeRaw = (text: string) => writeFileSync(join(dir, 'cameras.json'), text);
const writeJson = (value: unknown) => writeRaw(JSON.stringify(value));

describe('the camera cache', () => {
  it('gives back what it saved, for the same account only', async () => {
    const saved = {
      email: EMAIL,
      fetchedAt: NOW - 60_000,
      devices: [goodDevice(), goodDevice({ mac: 'GW_GC1_7C78B2A1B2C3', name: 'Porch' })],
    };
    await cache.save(saved);
    expect(await cache.load(EMAIL.toUpperCase())).toEqual(saved);
    expect(await cache.load('other@example.com')).toBeNull();
    await cache.clear();
    expect(await cache.load(EMAIL)).toBeNull();
  });

  it.each([
    ['no file at all', null],
    ['an empty file', ''],
    ['bad JSON', '{"email": "someone@example.com", "devices": ['],
    ['JSON that is not an object', '[1, 2, 3]'],
    ['null', 'null'],
    ['a number too big for a double', '1e999'],
    ['devices that is not a list', JSON.stringify({ ...list([]), devices: {} })],
    ['no e-mail', JSON.stringify({ fetchedAt: NOW, devices: [] })],
    ['an e-mail that is not a string', JSON.stringify({ ...list([]), email: 42 })],
    ['fetchedAt of 1e17', JSON.stringify(list([], { fetchedAt: 1e17 }))],
    ['fetchedAt before 2010', JSON.stringify(list([], { fetchedAt: 1000 }))],
    ['fetchedAt as a string', JSON.stringify(list([], { fetchedAt: 'yesterday' }))],
    ['a 10 kB e-mail', JSON.stringify(list([], { email: long }))],
    [
      `more than ${MAX_CACHED_DEVICES} devices`,
      JSON.stringify(list(new Array(MAX_CACHED_DEVICES + 1).fill(0))),
    ],
  ])('ignores a file with %s', async (_name, text) => {
    if (text !== null) writeRaw(text);
    expect(await cache.load(EMAIL)).toBeNull();
  });

  it.each([
    ['statusChangedAt of 1e17', { statusChangedAt: 1e17 }, { statusChangedAt: null }],
    ['thumbnailTakenAt of 1e17', { thumbnailTakenAt: 1e17 }, { thumbnailTakenAt: null }],
    ['a time two days ahead', { statusChangedAt: NOW + 2 * 86_400_000 }, { statusChangedAt: null }],
    ['a negative time', { statusChangedAt: -1 }, { statusChangedAt: null }],
    [
      'a time in seconds',
      { statusChangedAt: 1_767_970_000 },
      { statusChangedAt: 1_767_970_000_000 },
    ],
    ['a battery of 1e17', { battery: 1e17 }, { battery: null }],
    [
      'an offset of 1e17 hours',
      { timezone: { name: 'UTC', gmtOffsetHours: 1e17 } },
      { timezone: { name: 'UTC', gmtOffsetHours: null } },
    ],
    [
      'a time zone nobody has',
      { timezone: { name: '../../etc/localtime', gmtOffsetHours: 0 } },
      { timezone: { name: null, gmtOffsetHours: 0 } },
    ],
    ['a 10 kB name', { name: long }, { name: cut }],
    ['a 10 kB SSID', { ssid: long }, { ssid: cut }],
    ['a 10 kB model', { model: long, modelName: long }, { model: cut, modelName: cut }],
    ['a 10 kB owner', { owner: long }, { owner: cut }],
    ['a 10 kB firmware', { firmware: long, hardware: long }, { firmware: cut, hardware: cut }],
    ['a name with a bidi override', { name: 'Kids\u202e moor' }, { name: 'Kids moor' }],
    [
      'an IP that is not one',
      { lanIp: '<script>', publicIp: '999.1.1.1' },
      { lanIp: null, publicIp: null },
    ],
    ['a parent MAC with markup', { parentMac: '<b>' }, { parentMac: null }],
  ])('cleans a device with %s and keeps the rest of it', async (_name, change, expected) => {
    writeJson(
      list([goodDevice(change as Partial<DeviceDto>), goodDevice({ mac: 'AABBCCDDEEFF' })]),
    );
    const loaded = await cache.load(EMAIL);
    expect(loaded?.devices).toHaveLength(2);
    expect(loaded?.devices[0]).toEqual({ ...goodDevice(), ...expected });
    expect(loaded?.devices[1]).toEqual(goodDevice({ mac: 'AABBCCDDEEFF' }));
  });

  it.each([
    ['not an object', 'Kitchen'],
    ['null', null],
    ['no MAC', { ...goodDevice(), mac: undefined }],
    ['a MAC with markup', goodDevice({ mac: '<img src=x>' })],
    ['a 10 kB MAC', goodDevice({ mac: long })],
    ['a field of the wrong type', { ...goodDevice(), online: 'yes' }],
    ['a field too many', { ...goodDevice(), token: 'secret' }],
    [
      'a __proto__ key',
      JSON.parse(JSON.stringify(goodDevice()).replace(/^\{/, '{"__proto__":{"polluted":true},')),
    ],
    ['a repeated MAC', goodDevice({ name: 'Second Kitchen' })],
  ])('leaves out a device that is %s', async (_name, bad) => {
    writeJson(list([goodDevice(), bad]));
    const loaded = await cache.load(EMAIL);
    expect(loaded?.devices).toEqual([goodDevice()]);
  });

  it('never lets a __proto__ key reach Object.prototype or the loaded list', async () => {
    writeRaw(
      JSON.stringify(list([goodDevice()])).replace(
        /^\{/,
        '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},',
      ),
    );
    const loaded = await cache.load(EMAIL);
    expect(loaded?.devices).toEqual([goodDevice()]);
    expect(Object.keys(loaded ?? {})).toEqual(['email', 'fetchedAt', 'devices']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('loads every time as one that new Date(t).toISOString() can print', async () => {
    const times = [1e17, -1e17, 8.64e15 + 1, Number.MAX_VALUE, 1, 1_767_970_000_000];
    writeJson(
      list(
        times.map((t, i) =>
          goodDevice({ mac: `AABBCCDDEE0${i}`, statusChangedAt: t, thumbnailTakenAt: t }),
        ),
      ),
    );
    const loaded = await cache.load(EMAIL);
    expect(loaded?.devices).toHaveLength(times.length);
    for (const device of loaded?.devices ?? []) {
      for (const t of [device.statusChangedAt, device.thumbnailTakenAt]) {
        if (t !== null) expect(() => new Date(t).toISOString()).not.toThrow();
      }
    }
    expect(loaded?.devices.map((d) => d.statusChangedAt)).toEqual([
      null,
      null,
      null,
      null,
      null,
      1_767_970_000_000,
    ]);
  });
});
