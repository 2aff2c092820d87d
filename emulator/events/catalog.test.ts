import { describe, expect, it } from 'vitest';
import { deviceSpecSchema } from '../world';
import type { DeviceSpec } from '../world';
import { DAY_MS, generatedDayCount, generatedEvents, HISTORY_DAYS, historyStart } from './catalog';
import { EventBook } from './store';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);

const camera = (mac: string, model = 'HL_CAM4', extra: Partial<DeviceSpec> = {}): DeviceSpec =>
  deviceSpecSchema.parse({ mac, nickname: mac, model, ...extra });

const macs = Array.from({ length: 300 }, (_, i) => (0x2caa8e100000 + i).toString(16).toUpperCase());
const history = (device: DeviceSpec) => generatedEvents('w', device, 0, NOW, NOW);

describe('generated events', () => {
  it('are 0 to 12 a camera over today and the 3 days before (UTC), inside the window and not after now', () => {
    const counts = macs.map((mac) => {
      const events = history(camera(mac));
      for (const e of events) {
        expect(e.at).toBeLessThanOrEqual(NOW);
        expect(e.at).toBeGreaterThanOrEqual(historyStart(NOW));
      }
      return events.length;
    });
    expect(Math.max(...counts)).toBeLessThanOrEqual(12);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(0);
    expect(new Set(counts).size).toBeGreaterThan(3); // they vary from camera to camera
  });

  it('are the same for the same world and camera, and differ between worlds', () => {
    const device = camera(macs[0] ?? '');
    const again = generatedEvents('w', device, 0, NOW, NOW);
    expect(again).toEqual(history(device));
    const others = macs.map((mac) => generatedEvents('other world', camera(mac), 0, NOW, NOW));
    expect(others).not.toEqual(macs.map((mac) => history(camera(mac))));
  });

  it('ring the doorbell only on doorbell models', () => {
    const kindsOf = (model: string) =>
      new Set(macs.flatMap((mac) => history(camera(mac, model)).map((e) => e.kind)));
    expect(kindsOf('HL_CAM4').has('doorbell')).toBe(false);
    expect(kindsOf('HL_DB2').has('doorbell')).toBe(true);
    expect(kindsOf('HL_CAM4')).toEqual(
      new Set(['motion', 'sound', 'person', 'vehicle', 'pet', 'package']),
    );
  });

  it('some have a clip and some do not', () => {
    const clips = macs.flatMap((mac) => history(camera(mac)).map((e) => e.hasClip));
    expect(clips).toContain(true);
    expect(clips).toContain(false);
  });

  it('stop at an offline camera’s last change of state', () => {
    const since = NOW - 2 * DAY_MS;
    for (const mac of macs.slice(0, 50)) {
      const offline = camera(mac, 'HL_CAM4', { online: false, connStateTs: since });
      expect(history(offline)).toEqual(history(camera(mac)).filter((e) => e.at < since));
    }
  });

  it('are generated only for the days a query covers', () => {
    const before = generatedDayCount();
    const far = NOW - 400 * DAY_MS;
    // A window wholly before the history: nothing to generate at all.
    expect(generatedEvents('scale', camera('AA0000000001'), far, far + DAY_MS, NOW)).toEqual([]);
    expect(generatedDayCount()).toBe(before);
    // A window of one hour: one camera-day, whatever the window's begin_time was.
    generatedEvents('scale', camera('AA0000000002'), 0, NOW - 3 * 3_600_000, NOW);
    expect(generatedDayCount() - before).toBeLessThanOrEqual(HISTORY_DAYS + 1);
    generatedEvents('scale', camera('AA0000000003'), NOW - 3_600_000, NOW, NOW);
    expect(generatedDayCount() - before).toBeLessThanOrEqual(HISTORY_DAYS + 2);
  });
});

describe('EventBook (events added at run time)', () => {
  it('keeps an event out of queries until its time comes', () => {
    const book = new EventBook();
    const device = camera('AA0000000010');
    const later = book.add(device, NOW + 60_000, 'pet');
    expect(book.between(device.mac, 0, NOW + DAY_MS, NOW)).toEqual([]);
    expect(book.between(device.mac, 0, NOW + DAY_MS, NOW + 60_000)).toEqual([later]);
  });

  it('gives two events at the same time and kind different ids', () => {
    const book = new EventBook();
    const device = camera('AA0000000011');
    expect(book.add(device, NOW).id).not.toBe(book.add(device, NOW).id);
  });
});
