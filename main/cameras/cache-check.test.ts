import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { DeviceDto } from '../../common/view';
import {
  boundedBattery,
  boundedGmtOffset,
  boundedText,
  boundedTime,
  deviceId,
  ipAddress,
  timeZoneName,
} from '../wyze/normalise';
import { checkCachedDevice, checkCachedList, MAX_CACHED_DEVICES } from './cache-check';

/**
 * The zod schema the hand-written check replaced (it was too slow for 5,000 devices at start-up;
 * cache-check.ts): kept here as the reference the check must agree with, value for value.
 */
const text = z.string().transform(boundedText);
const optionalText = text.nullable().transform((s) => s ?? null);
const requiredText = (fallback: string) => text.transform((s) => s ?? fallback);
const time = z
  .number()
  .nullable()
  .transform((t) => boundedTime(t));
const referenceDevice = z
  .object({
    mac: z.string().transform(deviceId).pipe(z.string()),
    name: requiredText(''),
    model: requiredText('unknown'),
    modelName: requiredText('unknown'),
    modelKnown: z.boolean(),
    productType: requiredText('Unknown'),
    isCamera: z.boolean(),
    online: z.boolean().nullable(),
    statusChangedAt: time,
    poweredOn: z.boolean().nullable(),
    lanIp: z.string().nullable().transform(ipAddress),
    publicIp: z.string().nullable().transform(ipAddress),
    ssid: optionalText,
    firmware: optionalText,
    hardware: optionalText,
    thumbnailTakenAt: time,
    battery: z.number().nullable().transform(boundedBattery),
    parentMac: z.string().nullable().transform(deviceId),
    shared: z.boolean(),
    owner: optionalText,
    timezone: z
      .object({
        name: z.string().nullable().transform(timeZoneName),
        gmtOffsetHours: z.number().nullable().transform(boundedGmtOffset),
      })
      .strict(),
  })
  .strict();
const referenceList = z.object({
  email: z.string().max(320),
  fetchedAt: z
    .number()
    .transform((t) => boundedTime(t))
    .pipe(z.number()),
  devices: z.array(z.unknown()).max(MAX_CACHED_DEVICES),
});

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
beforeAll(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterAll(() => {
  vi.useRealTimers();
});

const good: DeviceDto = {
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
  battery: 40,
  parentMac: null,
  shared: false,
  owner: 'owner@example.com',
  timezone: { name: 'America/Toronto', gmtOffsetHours: -5 },
};

/** Any JSON value a hostile file could hold in a field's place. */
const hostileValue = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1e17,
    Number.POSITIVE_INFINITY, // what JSON's 1e999 reads as
    1_767_970_000,
    '',
    ' ',
    '<b>',
    '10.0.0.1',
    '::1',
    'UTC',
    '../../etc/localtime',
    'Kids\u202e moor',
    'x'.repeat(10_000),
    'GW_GC1_7C78B2A1B2C3',
    [],
    {},
  ),
  fc.string(),
  fc.double(),
  fc.integer(),
);

/** A device with some fields replaced, dropped, or with an extra one (a `__proto__` key too). */
const hostileDevice = fc
  .record({
    replace: fc.dictionary(fc.constantFrom(...Object.keys(good)), hostileValue, { maxKeys: 4 }),
    zone: fc.option(fc.dictionary(fc.constantFrom('name', 'gmtOffsetHours', 'x'), hostileValue)),
    drop: fc.option(fc.constantFrom(...Object.keys(good))),
    extra: fc.option(fc.constantFrom('token', '__proto__', 'constructor')),
  })
  .map(({ replace, zone, drop, extra }) => {
    const entry: Record<string, unknown> = Object.fromEntries(
      Object.entries({ ...good, ...replace }).filter(([key]) => key !== drop),
    );
    if (zone) entry.timezone = { ...good.timezone, ...zone };
    // Through JSON, as the file is read: a "__proto__" key becomes an own property.
    const json = JSON.stringify(entry);
    return JSON.parse(extra ? json.replace(/^\{/, `{"${extra}":1,`) : json) as unknown;
  });

describe('the hand-written check of the cached list', () => {
  it('cleans or refuses every device exactly as the zod schema it replaced', () => {
    fc.assert(
      fc.property(fc.oneof(hostileDevice, hostileValue), (entry) => {
        const reference = referenceDevice.safeParse(entry);
        expect(checkCachedDevice(entry)).toEqual(reference.success ? reference.data : null);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the list around the devices as the zod schema did', () => {
    const lists = fc.record(
      {
        email: fc.oneof(hostileValue, fc.constant('a@example.com'), fc.constant('x'.repeat(321))),
        fetchedAt: fc.oneof(hostileValue, fc.constant(NOW - 1000)),
        devices: fc.oneof(hostileValue, fc.array(hostileDevice, { maxLength: 3 })),
        other: hostileValue,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(lists, (value) => {
        const reference = referenceList.safeParse(value);
        const checked = checkCachedList(value);
        if (!reference.success) {
          expect(checked).toBeNull();
          return;
        }
        const devices = reference.data.devices
          .map((d) => referenceDevice.safeParse(d))
          .flatMap((r) => (r.success ? [r.data] : []))
          .filter((d, i, all) => all.findIndex((o) => o.mac === d.mac) === i);
        expect(checked).toEqual({ ...reference.data, devices });
      }),
      { numRuns: 2000 },
    );
  });
});
