import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCameraDelta, diffCameraLists, metaOf, sameJson } from './camera-delta';
import type { CameraListView, DeviceDto } from './view';
import { emptyCameraList } from './view';

const device = (mac: string, patch: Partial<DeviceDto> = {}): DeviceDto => ({
  mac,
  name: `Camera ${mac}`,
  model: 'HL_CAM4',
  modelName: 'Wyze Cam v4',
  modelKnown: true,
  productType: 'Camera',
  isCamera: true,
  online: true,
  statusChangedAt: 1_764_000_000_000,
  poweredOn: true,
  lanIp: '192.168.1.2',
  publicIp: null,
  ssid: 'Home',
  firmware: '4.52.9.1',
  hardware: '0.0.0.0',
  thumbnailTakenAt: null,
  battery: null,
  parentMac: null,
  shared: false,
  owner: null,
  timezone: { name: 'Europe/Paris', gmtOffsetHours: 1 },
  ...patch,
});

const view = (devices: DeviceDto[], patch: Partial<CameraListView> = {}): CameraListView => ({
  ...emptyCameraList(),
  devices,
  fetchedAt: 1_764_000_000_000,
  ...patch,
});

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

describe('camera-list diff', () => {
  it.each([
    [
      'nothing changed, new objects',
      [device('A'), device('B')],
      [device('A'), device('B')],
      0,
      0,
      false,
    ],
    [
      'one field changed',
      [device('A'), device('B')],
      [device('A'), device('B', { online: false })],
      1,
      0,
      false,
    ],
    [
      'a nested field changed',
      [device('A')],
      [device('A', { timezone: { name: 'UTC', gmtOffsetHours: 0 } })],
      1,
      0,
      false,
    ],
    [
      'one removed',
      [device('A'), device('B'), device('C')],
      [device('A'), device('C')],
      0,
      1,
      false,
    ],
    ['one appended', [device('A')], [device('A'), device('B')], 1, 0, false],
    ['one inserted first', [device('A')], [device('B'), device('A')], 1, 0, true],
    ['reordered', [device('A'), device('B')], [device('B'), device('A')], 0, 0, true],
    ['emptied', [device('A'), device('B')], [], 0, 2, false],
  ] as const)('%s', (_name, before, after, changed, removed, ordered) => {
    const prev = view([...before]);
    const next = view([...after], { refreshing: true });
    const diff = diffCameraLists(prev, next);
    expect(diff?.changed).toHaveLength(changed);
    expect(diff?.removed).toHaveLength(removed);
    expect(diff?.order !== undefined).toBe(ordered);
    expect(applyCameraDelta(prev, diff ?? expect.fail('no diff'))).toEqual(next);
  });

  it('sends metadata only, and keeps the device array, when the devices are the same array', () => {
    const prev = view([device('A')]);
    const next = { ...prev, refreshing: true };
    const diff = diffCameraLists(prev, next);
    expect(diff).toEqual({ meta: metaOf(next), changed: [], removed: [] });
    expect(applyCameraDelta(prev, diff ?? expect.fail('no diff')).devices).toBe(prev.devices);
  });

  it('gives up (null: send a snapshot) on a list with a MAC twice', () => {
    expect(diffCameraLists(view([device('A')]), view([device('A'), device('A')]))).toBeNull();
  });

  it('is small for 5,000 unchanged cameras fetched again (< 1 KB)', () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => device(i.toString(16).padStart(12, '0')));
    const diff = diffCameraLists(
      view(many(5000)),
      view(many(5000), { fetchedAt: 1_764_000_060_000 }),
    );
    expect(bytes(diff)).toBeLessThan(1024);
  });

  it('compares like JSON: key order does not matter, missing and extra keys do', () => {
    expect(sameJson({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameJson([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameJson(Number.NaN, Number.NaN)).toBe(true);
    expect(sameJson(null, {})).toBe(false);
  });
});

/** A list state: unique MACs from a small pool (so devices come and go), in any order. */
const listArb = fc
  .uniqueArray(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'), { maxLength: 8 })
  .chain((macs) =>
    fc.tuple(
      fc.tuple(
        ...macs.map((mac) =>
          fc
            .record({
              online: fc.constantFrom(true, false, null),
              firmware: fc.constantFrom('1.0', '2.0', null),
              name: fc.constantFrom('Yard', 'Hall', ''),
              tz: fc.constantFrom('UTC', 'Europe/Paris'),
            })
            .map(({ tz, ...patch }) =>
              device(mac, { ...patch, timezone: { name: tz, gmtOffsetHours: 0 } }),
            ),
        ),
      ),
      fc.record({
        fetchedAt: fc.option(fc.nat(), { nil: null }),
        stale: fc.boolean(),
        refreshing: fc.boolean(),
        rateLimitedUntil: fc.option(fc.nat(), { nil: null }),
      }),
    ),
  )
  .map(([devices, meta]) => view(devices, meta));

describe('property: applying each diff reproduces the next list exactly', () => {
  it('over any sequence of lists', () => {
    fc.assert(
      fc.property(fc.array(listArb, { minLength: 1, maxLength: 12 }), (lists) => {
        let mirror = emptyCameraList();
        let previous = emptyCameraList();
        for (const next of lists) {
          const diff = diffCameraLists(previous, next);
          // What crosses the process boundary is JSON.
          const wire = JSON.parse(JSON.stringify(diff ?? { snapshot: next })) as
            NonNullable<typeof diff> | { snapshot: CameraListView };
          mirror = 'snapshot' in wire ? wire.snapshot : applyCameraDelta(mirror, wire);
          expect(mirror).toEqual(next);
          previous = next;
        }
      }),
      { numRuns: 500 },
    );
  });
});
