import { describe, expect, it } from 'vitest';
import {
  compareCameras,
  createSearchCache,
  filterCameras,
  filterOptions,
  groupCameras,
  matchesSearch,
  prepareSearch,
  queryCameras,
  searchCameras,
  sortCameras,
} from './camera-query';
import { COLUMN_IDS, defaultViewPrefs, NO_FILTERS } from './prefs';
import type { CameraFilters, SortSpec } from './prefs';
import type { DeviceDto } from './view';

const cam = (patch: Partial<DeviceDto> = {}): DeviceDto => ({
  mac: '2CAA8E010203',
  name: 'Driveway',
  model: 'WYZE_CAKP2JFUS',
  modelName: 'Wyze Cam v3',
  modelKnown: true,
  productType: 'Camera',
  isCamera: true,
  online: true,
  statusChangedAt: null,
  poweredOn: true,
  lanIp: '192.168.1.22',
  publicIp: '203.0.113.45',
  ssid: 'Home',
  firmware: '4.36.11.7095',
  hardware: '0.0.0.0',
  thumbnailTakenAt: null,
  battery: null,
  parentMac: null,
  shared: false,
  owner: null,
  timezone: { name: null, gmtOffsetHours: null },
  ...patch,
});

const macs = (devices: readonly DeviceDto[]) => devices.map((d) => d.mac);

describe('matchesSearch', () => {
  const d = cam({ name: 'Caméra du jardin', ssid: 'Maison Wi-Fi', model: 'HL_CAM4' });
  it.each([
    ['', true],
    ['   ', true],
    ['camera', true],
    ['CAMÉRA', true],
    ['caméra jardin', true],
    ['JARDÍN', true],
    ['cellar', false],
    ['camera cellar', false],
    ['hl_cam4', true],
    ['cam v3', true],
    ['192.168.1.2', true],
    ['192.168.2', false],
    ['203.0.113', true],
    ['2c:aa:8e', true],
    ['2CAA8E', true],
    ['2c-aa-8e-01', true],
    ['2c:aa:8f', false],
    [':', false],
    ['4.36.11', true],
    ['maison wi-fi', true],
    ['maison', true],
    ['online', false],
  ])('%j → %s', (query, expected) => {
    expect(matchesSearch(d, query)).toBe(expected);
  });

  it('matches a MAC stored with colons against one typed without, and a name with accents typed without', () => {
    expect(matchesSearch(cam({ mac: '2C:AA:8E:01:02:03' }), '2caa8e0102')).toBe(true);
    expect(matchesSearch(cam({ name: 'camera' }), 'Caméra')).toBe(true);
  });

  it('ignores fields the cloud did not report', () => {
    const bare = cam({ lanIp: null, publicIp: null, ssid: null, firmware: null });
    expect(matchesSearch(bare, 'null')).toBe(false);
    expect(matchesSearch(bare, 'driveway')).toBe(true);
  });
});

describe('sortCameras', () => {
  const list = [
    cam({ mac: '1', name: 'Zeta', online: false, lanIp: '10.0.0.10', firmware: '4.10.1' }),
    cam({ mac: '2', name: 'beta', lanIp: '10.0.0.9', firmware: '4.9.1' }),
    cam({ mac: '3', name: 'Alpha', online: null, lanIp: null, firmware: null }),
    cam({ mac: '5', name: 'Garage', poweredOn: false, lanIp: '10.0.0.1' }),
    cam({ mac: '4', name: 'Garage', lanIp: '10.0.0.2' }),
  ];

  it.each<[SortSpec, string[]]>([
    [{ column: 'status', direction: 'ascending' }, ['2', '4', '5', '1', '3']],
    // Privacy mode (5) is online: sorted with the online cameras, by name.
    [{ column: 'status', direction: 'descending' }, ['3', '1', '2', '4', '5']],
    [{ column: 'name', direction: 'ascending' }, ['3', '2', '4', '5', '1']],
    [{ column: 'name', direction: 'descending' }, ['1', '4', '5', '2', '3']],
    [{ column: 'ip', direction: 'ascending' }, ['5', '4', '2', '1', '3']],
    [{ column: 'ip', direction: 'descending' }, ['1', '2', '4', '5', '3']],
    [{ column: 'firmware', direction: 'descending' }, ['4', '5', '1', '2', '3']],
  ])('%o → %o (missing values last either way)', (sort, expected) => {
    expect(macs(sortCameras(list, sort))).toEqual(expected);
  });

  it('is stable: cameras the column does not tell apart stay by name then MAC', () => {
    const same = [
      cam({ mac: 'c', name: 'B' }),
      cam({ mac: 'b', name: 'A' }),
      cam({ mac: 'a', name: 'B' }),
    ];
    for (const column of COLUMN_IDS.filter((c) => c !== 'name' && c !== 'mac')) {
      for (const direction of ['ascending', 'descending'] as const) {
        expect(macs(sortCameras(same, { column, direction }))).toEqual(['b', 'a', 'c']);
      }
    }
  });

  it('leaves its input alone, and sorts by every column without throwing', () => {
    const input = [...list];
    for (const column of COLUMN_IDS) sortCameras(input, { column, direction: 'ascending' });
    expect(input).toEqual(list);
  });

  it('defaults to online first, then by name, with numbers in names in numeric order', () => {
    const cams = [cam({ mac: '1', name: 'Camera 10' }), cam({ mac: '2', name: 'Camera 9' })];
    expect(macs([...cams].sort(compareCameras))).toEqual(['2', '1']);
  });
});

describe('filterCameras', () => {
  const a = cam({ mac: 'A', model: 'HL_CAM4', firmware: '1', ssid: 'Home' });
  const b = cam({ mac: 'B', online: false, firmware: '2', ssid: 'Barn', shared: true });
  const c = cam({ mac: 'C', poweredOn: false, firmware: '1', ssid: null, shared: true });
  const d = cam({ mac: 'D', online: null, firmware: null, ssid: 'Home' });
  const all = [a, b, c, d];

  const values: { [K in keyof CameraFilters]: CameraFilters[K][] } = {
    status: [null, 'online', 'offline', 'privacy'],
    model: [null, 'HL_CAM4', 'WYZE_CAKP2JFUS', 'NOPE'],
    firmware: [null, '1', '2'],
    ssid: [null, 'Home', 'Barn'],
    sharedWithMe: [false, true],
  };
  const combos: CameraFilters[] = [];
  for (const status of values.status)
    for (const model of values.model)
      for (const firmware of values.firmware)
        for (const ssid of values.ssid)
          for (const sharedWithMe of values.sharedWithMe)
            combos.push({ status, model, firmware, ssid, sharedWithMe });

  const expected = (f: CameraFilters) =>
    all.filter(
      (x) =>
        (f.status === null ||
          (f.status === 'online' && x.online === true && x.poweredOn !== false) ||
          (f.status === 'privacy' && x.online === true && x.poweredOn === false) ||
          (f.status === 'offline' && x.online === false)) &&
        (f.model === null || x.model === f.model) &&
        (f.firmware === null || x.firmware === f.firmware) &&
        (f.ssid === null || x.ssid === f.ssid) &&
        (!f.sharedWithMe || x.shared),
    );

  it.each(combos.map((f) => [JSON.stringify(f), f] as const))('%s', (_name, f) => {
    expect(macs(filterCameras(all, f))).toEqual(macs(expected(f)));
  });

  it('spot checks: each filter alone, and a combination', () => {
    expect(macs(filterCameras(all, { ...NO_FILTERS }))).toEqual(['A', 'B', 'C', 'D']);
    expect(macs(filterCameras(all, { ...NO_FILTERS, status: 'privacy' }))).toEqual(['C']);
    expect(macs(filterCameras(all, { ...NO_FILTERS, status: 'offline' }))).toEqual(['B']);
    expect(macs(filterCameras(all, { ...NO_FILTERS, sharedWithMe: true }))).toEqual(['B', 'C']);
    expect(macs(filterCameras(all, { ...NO_FILTERS, firmware: '1', ssid: 'Home' }))).toEqual(['A']);
  });

  it('offers each reported value once, with counts', () => {
    expect(filterOptions(all)).toEqual({
      models: [
        { value: 'HL_CAM4', label: 'Wyze Cam v3 (HL_CAM4)', count: 1 },
        { value: 'WYZE_CAKP2JFUS', label: 'Wyze Cam v3 (WYZE_CAKP2JFUS)', count: 3 },
      ],
      firmware: [
        { value: '1', label: '1', count: 2 },
        { value: '2', label: '2', count: 1 },
      ],
      ssids: [
        { value: 'Barn', label: 'Barn', count: 1 },
        { value: 'Home', label: 'Home', count: 2 },
      ],
    });
  });
});

describe('groupCameras', () => {
  const list = [
    cam({ mac: '1', name: 'A', ssid: 'Home', firmware: '2' }),
    cam({ mac: '2', name: 'B', online: false, ssid: null, firmware: '1' }),
    cam({ mac: '3', name: 'C', poweredOn: false, ssid: 'Barn', firmware: '2' }),
    cam({
      mac: '4',
      name: 'D',
      ssid: 'Home',
      firmware: null,
      model: 'HL_CAM4',
      modelName: 'Wyze Cam v4',
    }),
  ];
  const shape = (by: Parameters<typeof groupCameras>[1]) =>
    groupCameras(list, by).map((g) => [g.label, g.count, macs(g.devices)]);

  it.each([
    ['none', [['All cameras', 4, ['1', '2', '3', '4']]]],
    [
      'status',
      [
        ['Online', 2, ['1', '4']],
        ['Privacy mode', 1, ['3']],
        ['Offline', 1, ['2']],
      ],
    ],
    [
      'ssid',
      [
        ['Barn', 1, ['3']],
        ['Home', 2, ['1', '4']],
        ['Not reported', 1, ['2']],
      ],
    ],
    [
      'firmware',
      [
        ['1', 1, ['2']],
        ['2', 2, ['1', '3']],
        ['Not reported', 1, ['4']],
      ],
    ],
    [
      'model',
      [
        ['Wyze Cam v3', 3, ['1', '2', '3']],
        ['Wyze Cam v4', 1, ['4']],
      ],
    ],
  ] as const)('by %s', (by, expected) => {
    expect(shape(by)).toEqual(expected);
  });

  it('gives no group for no cameras', () => {
    expect(groupCameras([], 'none')).toEqual([]);
    expect(groupCameras([], 'status')).toEqual([]);
  });
});

describe('queryCameras', () => {
  it('lists cameras only, then sorts, filters, searches and groups', () => {
    const devices = [
      cam({ mac: '1', name: 'Caméra nord', online: false }),
      cam({ mac: '2', name: 'Camera sud' }),
      cam({ mac: '3', name: 'Plug camera', isCamera: false }),
      cam({ mac: '4', name: 'Garage', ssid: 'Barn' }),
    ];
    const result = queryCameras(devices, {
      ...defaultViewPrefs(),
      search: 'camera',
      groupBy: 'status',
    });
    expect(result.total).toBe(3);
    expect(result.shown).toBe(2);
    expect(result.groups.map((g) => [g.label, macs(g.devices)])).toEqual([
      ['Online', ['2']],
      ['Offline', ['1']],
    ]);
    const filtered = queryCameras(devices, {
      ...defaultViewPrefs(),
      filters: { ...NO_FILTERS, ssid: 'Home' },
    });
    expect(filtered.shown).toBe(2);
    expect(macs(filtered.groups[0]?.devices ?? [])).toEqual(['2', '1']);
  });
});

describe('prepareSearch', () => {
  it('builds what a search reads, and the search answers the same after it', () => {
    const devices = [cam({ mac: 'A', name: 'Caméra' }), cam({ mac: 'B', name: 'Porch' })];
    prepareSearch(devices);
    expect(macs(searchCameras(devices, 'camera'))).toEqual(['A']);
    expect(macs(searchCameras(devices, 'PORCH'))).toEqual(['B']);
  });
});

describe('createSearchCache', () => {
  const devices = [
    cam({ mac: '2CAA8E000001', name: 'Front door', lanIp: '10.0.0.5' }),
    cam({ mac: '2CAA8E000002', name: 'Front yard', ssid: 'Garage AP' }),
    cam({ mac: 'AABBCC000003', name: 'Fridge', model: 'HL_CAM4', modelName: 'Wyze Cam v4' }),
    cam({ mac: 'AABBCC000004', name: 'Garage', firmware: '4.52.9.1' }),
  ];
  // Every prefix typed, then erased, of searches that narrow, widen, switch and use MACs.
  const typed = (word: string): string[] => [
    ...Array.from({ length: word.length }, (_, i) => word.slice(0, i + 1)),
    ...Array.from({ length: word.length }, (_, i) => word.slice(0, word.length - 1 - i)),
  ];
  const sequence = [
    ...typed('front d'),
    ...typed('fr'),
    ...typed('2c:aa:8e:00:00:02'),
    // The tail of a MAC as printed on a label: ":" and "-" alone match no stored MAC (no
    // separators), ":0" matches any holding a 0.
    ...typed(':00:02'),
    ...typed('-aa-bb'),
    ...typed('front :0'),
    ...typed('aa-bb'),
    ...typed('garage 4.5'),
    ...typed('FRÍDGE'),
    'front',
    'fr',
    'front yard',
    'zzz',
    'zzz front',
    '  front   door ',
  ];

  it('answers every keystroke as searchCameras does, in the same order', () => {
    const search = createSearchCache();
    for (const query of sequence) {
      expect(macs(search(devices, query)), JSON.stringify(query)).toEqual(
        macs(searchCameras(devices, query)),
      );
    }
  });

  it('gives the same array for the same search of the same devices, and a new one for new devices', () => {
    const search = createSearchCache();
    const first = search(devices, 'front');
    search(devices, 'garage');
    expect(search(devices, ' FRONT ')).toBe(first);
    const changed = devices.map((d) => (d.mac === '2CAA8E000001' ? { ...d, name: 'Back' } : d));
    expect(macs(search(changed, 'front'))).toEqual(['2CAA8E000002']);
  });

  it('forgets the oldest searches beyond its bound and still answers them', () => {
    const search = createSearchCache();
    const first = search(devices, 'front');
    for (let i = 0; i < 40; i++) search(devices, `x${i}`);
    const again = search(devices, 'front');
    expect(again).not.toBe(first);
    expect(macs(again)).toEqual(macs(first));
  });
});
