import { describe, expect, it } from 'vitest';
import { ago, cameraStatus, compareCameras, formatDateTime, formatMoment } from './format';
import { device } from './test-support';

describe('camera status text', () => {
  it.each([
    [{ online: true, poweredOn: true }, 'online', /^Online$/],
    [{ online: true, poweredOn: false }, 'privacy', /^Privacy mode$/],
    [{ online: true, poweredOn: null }, 'online', /^Online$/],
    [
      { online: false, statusChangedAt: Date.UTC(2026, 4, 24, 14, 53) },
      'offline',
      /^Offline since .*2026/,
    ],
    [{ online: false, statusChangedAt: null }, 'offline', /^Offline$/],
    [{ online: null }, 'unknown', /^Not reported$/],
  ])('%o → %s', (patch, kind, label) => {
    const status = cameraStatus(device(patch));
    expect(status.kind).toBe(kind);
    expect(status.label).toMatch(label);
  });
});

describe('ordering and times', () => {
  it('puts online cameras first, then sorts by name, then by MAC', () => {
    const cams = [
      device({ name: 'Zeta', online: false, mac: '1' }),
      device({ name: 'beta', mac: '2' }),
      device({ name: 'Alpha', online: null, mac: '3' }),
      device({ name: 'Garage', mac: '5' }),
      device({ name: 'Garage', mac: '4' }),
      device({ name: 'Camera 10', mac: '6' }),
      device({ name: 'Camera 9', mac: '7' }),
    ];
    expect(cams.sort(compareCameras).map((c) => c.mac)).toEqual([
      '2',
      '7',
      '6',
      '4',
      '5',
      '1',
      '3',
    ]);
  });

  it('says how long ago', () => {
    expect(ago(1000, 13_000)).toBe('12 s ago');
    expect(ago(0, 5 * 60_000)).toBe('5 min ago');
    expect(ago(0, 3 * 3600_000)).toBe('3 h ago');
    expect(ago(5000, 0)).toBe('0 s ago');
  });
});

describe('times are total', () => {
  it.each([1e17, -1e17, 8.64e15 + 1, Number.NaN, Number.POSITIVE_INFINITY])(
    '%s formats as "unknown", never throws',
    (ms) => {
      expect(formatDateTime(ms)).toBe('unknown');
      expect(formatMoment(ms, Date.now())).toBe('unknown');
      expect(ago(ms, Date.now())).toBe('at an unknown time');
      expect(ago(Date.now(), ms)).toBe('at an unknown time');
    },
  );

  it('shows the date of a moment on another day, and only the time today', () => {
    const now = new Date(2026, 10, 27, 9, 0).getTime();
    const today = new Date(2026, 10, 27, 18, 30).getTime();
    const tomorrow = new Date(2026, 10, 28, 8, 15).getTime();
    expect(formatMoment(today, now)).not.toMatch(/2026/);
    expect(formatMoment(tomorrow, now)).toBe(formatDateTime(tomorrow));
    expect(formatMoment(tomorrow, now)).toMatch(/2026/);
  });
});
