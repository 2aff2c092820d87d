import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EXPORT_COLUMNS,
  csvField,
  exportContent,
  exportFileName,
  exportRow,
  toCsv,
  toJson,
} from './export';
import type { ExportRow } from './export';
import type { DeviceDto } from './view';

const device = (mac: string, patch: Partial<DeviceDto> = {}): DeviceDto => ({
  mac,
  name: `Camera ${mac}`,
  model: 'HL_CAM4',
  modelName: 'Wyze Cam v4',
  modelKnown: true,
  productType: 'Camera',
  isCamera: true,
  online: true,
  statusChangedAt: Date.UTC(2026, 10, 27, 8, 30),
  poweredOn: true,
  lanIp: '192.168.1.2',
  publicIp: '203.0.113.9',
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

/** A strict RFC 4180 reader (CRLF records, quoted fields), to read back what toCsv wrote. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${text[i]} at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else {
      throw new Error(`record not ended by CRLF at ${i}`);
    }
  }
  return records;
}

const withoutBom = (csv: string): string => {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return csv.slice(1);
};

describe('csvField', () => {
  it.each([
    ['plain', 'Front door', 'Front door'],
    ['empty', '', ''],
    ['comma', 'Garage, back', '"Garage, back"'],
    ['quote', 'The "big" one', '"The ""big"" one"'],
    ['only quotes', '""', '""""""'],
    ['LF inside', 'line1\nline2', '"line1\nline2"'],
    ['CR inside', 'line1\rline2', '"line1\rline2"'],
    ['CRLF inside', 'a\r\nb', '"a\r\nb"'],
    ['non-Latin', '玄関カメラ', '玄関カメラ'],
    ['accents', 'Caméra de l’entrée', 'Caméra de l’entrée'],
    ['emoji', '🐶 cam', '🐶 cam'],
    ['quote later is not a formula', "it's", "it's"],
    ['= in the middle', 'a=b', 'a=b'],
  ])('%s', (_what, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ['=', '=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+', '+1+2', "'+1+2"],
    ['-', '-2+3', "'-2+3"],
    ['@', '@SUM(A1)', "'@SUM(A1)"],
    ['tab', '\t=1+1', "'\t=1+1"],
    ['CR', '\r=1+1', `"'\r=1+1"`],
    ['LF', '\n=1+1', `"'\n=1+1"`],
    ['NUL', '\0=1', "'\0=1"],
    ['= with comma', '=1,2', `"'=1,2"`],
  ])('neutralises a cell starting with %s', (_prefix, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes null as an empty field', () => {
    expect(csvField(null)).toBe('');
  });

  it('reads back as the value (plus the quote a formula gets) for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const [[read]] = parseCsv(`${csvField(value)}\r\n`) as [[string]];
        const formula = /^[=+\-@\t\r\n\0]/.test(value);
        expect(read).toBe(formula ? `'${value}` : value);
      }),
    );
  });
});

describe('exportRow', () => {
  it('takes every column from the device, in plain words', () => {
    expect(exportRow(device('AABBCCDDEEFF'))).toEqual({
      name: 'Camera AABBCCDDEEFF',
      model: 'Wyze Cam v4',
      modelCode: 'HL_CAM4',
      mac: 'AABBCCDDEEFF',
      ip: '192.168.1.2',
      publicIp: '203.0.113.9',
      wifiNetwork: 'Home',
      firmware: '4.52.9.1',
      hardware: '0.0.0.0',
      status: 'Online',
      statusSince: '2026-11-27T08:30:00.000Z',
      sharedBy: null,
    } satisfies ExportRow);
  });

  it.each<[string, Partial<DeviceDto>, string]>([
    ['offline', { online: false }, 'Offline'],
    ['privacy mode', { online: true, poweredOn: false }, 'Privacy mode'],
    ['not reported', { online: null }, 'Not reported'],
  ])('status %s', (_what, patch, status) => {
    expect(exportRow(device('A', patch)).status).toBe(status);
  });

  it.each<[string, number | null]>([
    ['none', null],
    ['zero', 0],
    ['NaN', Number.NaN],
    ['past what a Date holds', 1e17],
    ['-Infinity', Number.NEGATIVE_INFINITY],
  ])('has no status time when it is %s', (_what, statusChangedAt) => {
    expect(exportRow(device('A', { statusChangedAt })).statusSince).toBeNull();
  });

  it('says who shared a camera, and nothing for one of our own', () => {
    expect(exportRow(device('A', { shared: true, owner: 'kim@example.com' })).sharedBy).toBe(
      'kim@example.com',
    );
    expect(exportRow(device('A', { shared: true, owner: null })).sharedBy).toBe('');
    expect(exportRow(device('A', { shared: false, owner: 'me@example.com' })).sharedBy).toBeNull();
  });

  it('keeps a missing IP missing', () => {
    const row = exportRow(device('A', { lanIp: null, publicIp: null, ssid: null }));
    expect([row.ip, row.publicIp, row.wifiNetwork]).toEqual([null, null, null]);
  });
});

describe('toCsv', () => {
  const headers = EXPORT_COLUMNS.map((c) => c.header);

  it('is a BOM and the header line alone for an empty list', () => {
    expect(toCsv([])).toBe(
      '\uFEFFName,Model,Model code,MAC,IP,Public IP,Wi-Fi network,Firmware,Hardware,Status,' +
        'Status since,Shared by\r\n',
    );
  });

  it('writes one CRLF-ended record per camera that reads back column by column', () => {
    const rows = [
      exportRow(device('AABBCCDDEEF1', { name: '玄関 "front", door\nsecond line' })),
      exportRow(device('AABBCCDDEEF2', { name: '=cmd|/C calc!A0', lanIp: null, online: false })),
      exportRow(device('AABBCCDDEEF3', { name: 'Гараж', shared: true, owner: '@boss' })),
    ];
    const records = parseCsv(withoutBom(toCsv(rows)));
    expect(records).toHaveLength(4);
    expect(records[0]).toEqual(headers);
    expect(records[1]?.[0]).toBe('玄関 "front", door\nsecond line');
    expect(records[2]?.slice(0, 5)).toEqual([
      "'=cmd|/C calc!A0",
      'Wyze Cam v4',
      'HL_CAM4',
      'AABBCCDDEEF2',
      '',
    ]);
    expect(records[2]?.[9]).toBe('Offline');
    expect(records[3]?.[0]).toBe('Гараж');
    expect(records[3]?.[11]).toBe("'@boss");
    for (const record of records) expect(record).toHaveLength(headers.length);
  });

  it('has no formula cell and always parses, whatever the names', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 8 }), (names) => {
        const csv = toCsv(names.map((name, i) => exportRow(device(`MAC${i}`, { name }))));
        const records = parseCsv(withoutBom(csv));
        expect(records).toHaveLength(names.length + 1);
        for (const record of records.slice(1)) {
          for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r\n\0]/);
        }
      }),
    );
  });
});

describe('toJson', () => {
  it('is the rows as they are, nulls included, with no formula quoting', () => {
    const rows = [exportRow(device('A', { name: '=1+1', lanIp: null }))];
    expect(JSON.parse(toJson(rows))).toEqual(rows);
    expect(JSON.parse(toJson(rows))[0]).toMatchObject({ name: '=1+1', ip: null });
  });

  it('is an empty array for an empty list', () => {
    expect(toJson([])).toBe('[]\n');
  });

  it('exportContent picks the format', () => {
    const rows = [exportRow(device('A'))];
    expect(exportContent('csv', rows)).toBe(toCsv(rows));
    expect(exportContent('json', rows)).toBe(toJson(rows));
  });
});

describe('exportFileName', () => {
  it.each([
    ['csv', new Date(2026, 10, 27, 23, 59), 'wyze-cameras-2026-11-27.csv'],
    ['json', new Date(2026, 0, 5, 0, 0), 'wyze-cameras-2026-01-05.json'],
    ['csv', new Date(Number.NaN), 'wyze-cameras-export.csv'],
  ] as const)('%s on %s', (format, now, expected) => {
    expect(exportFileName(format, now)).toBe(expected);
  });
});
