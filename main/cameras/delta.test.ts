import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCameraDelta } from '../../common/camera-delta';
import type { CamerasEvent } from '../../common/camera-delta';
import type { CameraListView, DeviceDto } from '../../common/view';
import { emptyCameraList } from '../../common/view';
import { cameraEventStream, revisionOf, snapshotOf } from './delta';
import { createLogger } from '../logging/logger';
import { createInventory, toDto } from './inventory';
import { fakeCache, fakeDevice, fakeSession, idleScheduler } from './inventory-fakes';

const camera = (i: number, patch: Partial<DeviceDto> = {}): DeviceDto => ({
  ...toDto(fakeDevice(i.toString(16).toUpperCase().padStart(12, '0'), `Camera ${i}`)),
  lanIp: `10.0.${i >> 8}.${i & 255}`,
  firmware: '4.36.11.7095',
  ...patch,
});

function recorder() {
  const events: CamerasEvent[] = [];
  const feed = cameraEventStream((event) => events.push(JSON.parse(JSON.stringify(event))));
  return { events, feed };
}

/** What the renderer's mirror holds after these events (the same rule as renderer/store). */
function mirror(events: CamerasEvent[]): CameraListView {
  let list = emptyCameraList();
  let revision: number | null = null;
  for (const event of events) {
    if (event.kind === 'snapshot') list = event.list;
    else {
      expect(event.base).toBe(revision);
      list = applyCameraDelta(list, event);
    }
    revision = event.revision;
  }
  return list;
}

describe('camera event stream', () => {
  it('sends a snapshot first, then deltas numbered from one revision to the next', () => {
    const { events, feed } = recorder();
    const first: CameraListView = { ...emptyCameraList(), devices: [camera(1)], fetchedAt: 1 };
    const second = { ...first, refreshing: true };
    feed(first);
    feed(second);
    expect(events.map((e) => e.kind)).toEqual(['snapshot', 'delta']);
    expect(events[0]).toEqual(snapshotOf(first));
    expect(events[1]).toMatchObject({
      base: revisionOf(first),
      revision: revisionOf(second),
      changed: [],
      removed: [],
      meta: { refreshing: true },
    });
    expect(revisionOf(second)).toBeGreaterThan(revisionOf(first));
  });

  it('sends a refresh of 5,000 unchanged cameras in under 5 KB (it was 3 whole lists)', () => {
    const { events, feed } = recorder();
    const devices = Array.from({ length: 5000 }, (_, i) => camera(i));
    const loaded: CameraListView = { ...emptyCameraList(), devices, fetchedAt: 1_000 };
    feed(loaded);
    // What the inventory publishes for one refresh: refreshing, the list fetched again (new
    // objects, same content), done.
    const refreshing = { ...loaded, refreshing: true };
    const fetched = { ...refreshing, devices: devices.map((d) => ({ ...d })), fetchedAt: 61_000 };
    const done = { ...fetched, refreshing: false };
    for (const view of [refreshing, fetched, done]) feed(view);
    const sent = events.slice(1).reduce((n, e) => n + JSON.stringify(e).length, 0);
    expect(JSON.stringify(events[0]).length).toBeGreaterThan(1_000_000);
    expect(sent).toBeLessThan(5 * 1024);
    expect(mirror(events)).toEqual(done);
  });

  it('falls back to a snapshot when a change cannot be told as a delta', () => {
    const { events, feed } = recorder();
    feed({ ...emptyCameraList(), devices: [camera(1)] });
    feed({ ...emptyCameraList(), devices: [camera(1), camera(1)] });
    expect(events.map((e) => e.kind)).toEqual(['snapshot', 'snapshot']);
  });

  it('property: the renderer rebuilds every list main published, exactly', () => {
    const deviceArb = fc
      .record({
        i: fc.integer({ min: 0, max: 9 }),
        online: fc.constantFrom(true, false, null),
        name: fc.string({ maxLength: 4 }),
        statusChangedAt: fc.option(fc.integer(), { nil: null }),
      })
      .map(({ i, ...patch }) => camera(i, patch));
    const listArb = fc
      .uniqueArray(deviceArb, { selector: (d) => d.mac, maxLength: 10 })
      .chain((devices) =>
        fc.record({
          devices: fc.constant(devices),
          fetchedAt: fc.option(fc.nat(), { nil: null }),
          stale: fc.boolean(),
          refreshing: fc.boolean(),
          error: fc.constantFrom(null, { code: 'NETWORK' as const, message: 'offline' }),
          rateLimitedUntil: fc.option(fc.nat(), { nil: null }),
        }),
      );
    fc.assert(
      fc.property(fc.array(listArb, { minLength: 1, maxLength: 15 }), (views) => {
        const { events, feed } = recorder();
        for (const view of views) {
          feed(view);
          expect(mirror(events)).toEqual(view);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('camera event stream over the real inventory', () => {
  it('sends a refresh of 5,000 unchanged cameras in under 5 KB, and the mirror matches', async () => {
    const session = fakeSession({ status: 'signedIn', email: 'a@b.c', demo: true });
    session.state.devices = Array.from({ length: 5000 }, (_, i) =>
      fakeDevice(i.toString(16).padStart(12, '0'), `Camera ${i}`),
    );
    const inventory = createInventory({
      session: session.session,
      cache: fakeCache().cache,
      logger: createLogger({ sink: () => undefined }),
      scheduler: idleScheduler,
    });
    await inventory.start();
    const { events, feed } = recorder();
    inventory.onChange(feed);
    feed(inventory.view()); // what a new subscriber is owed: the current list, whole
    await inventory.refresh();
    const sent = events.slice(1).reduce((n, e) => n + JSON.stringify(e).length, 0);
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(sent).toBeLessThan(5 * 1024);
    expect(mirror(events)).toEqual(inventory.view());
  });
});
