import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_EVENT_ID_LENGTH } from '../../common/camera-events';
import { eventKind, normaliseCloudEvent } from './normalise';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const PICTURE =
  'https://wyze-device-alarm-file.s3.us-west-2.amazonaws.com/a/b.jpg?X-Amz-Signature=1';
const CLIP = 'https://wyze-device-alarm-file.s3.us-west-2.amazonaws.com/a/b.mp4?X-Amz-Signature=2';

const good = (patch: Record<string, unknown> = {}): Record<string, unknown> => ({
  event_id: 'D03F27AA11BB1732700000',
  device_mac: 'D03F27AA11BB',
  device_model: 'WYZE_CAKP2JFUS',
  event_value: '1',
  event_ts: NOW - 60_000,
  tag_list: [],
  file_list: [
    { file_id: 'f1', type: 1, url: PICTURE, status: 1 },
    { file_id: 'f2', type: 2, url: CLIP, status: 1 },
  ],
  unknown_field: { nested: true },
  ...patch,
});

describe('normaliseCloudEvent: a usable event', () => {
  it('keeps id, camera, time, kind and both files, ignoring fields it does not know', () => {
    expect(normaliseCloudEvent(good(), NOW)).toEqual({
      id: 'D03F27AA11BB1732700000',
      mac: 'D03F27AA11BB',
      kind: 'motion',
      label: 'Motion',
      at: NOW - 60_000,
      pictureUrl: PICTURE,
      clipUrl: CLIP,
    });
  });

  it('reads the v4 shape (device_id) and numbers sent as strings', () => {
    const event = normaliseCloudEvent(
      good({
        device_mac: undefined,
        device_id: 'D03F27AA11BB',
        event_value: 2,
        event_ts: String(NOW),
      }),
      NOW,
    );
    expect(event).toMatchObject({ mac: 'D03F27AA11BB', kind: 'sound', at: NOW });
  });

  it('has no picture or clip when file_list is missing, odd, or its URLs are not http(s)', () => {
    const cases = [
      undefined,
      'files',
      [
        null,
        7,
        { type: 1 },
        { type: 1, url: 'javascript:alert(1)' },
        { type: 2, url: 'file:///etc/passwd' },
      ],
      [{ type: 1, url: `https://x.example/${'a'.repeat(5000)}` }],
    ];
    for (const file_list of cases) {
      const event = normaliseCloudEvent(good({ file_list }), NOW);
      expect(event).toMatchObject({ pictureUrl: null, clipUrl: null });
    }
  });
});

describe('normaliseCloudEvent: a hostile event is dropped, never thrown', () => {
  const hostile: [string, unknown][] = [
    ['not an object', 'event'],
    ['an array', [1, 2]],
    ['null', null],
    ['no id', good({ event_id: undefined })],
    ['a numeric id', good({ event_id: 12345 })],
    ['an id past the bound', good({ event_id: 'a'.repeat(MAX_EVENT_ID_LENGTH + 1) })],
    ['an id with a path in it', good({ event_id: '../../etc/passwd' })],
    ['an id with a control character', good({ event_id: 'abc\u0000def' })],
    ['no camera', good({ device_mac: undefined })],
    ['a camera id with a slash', good({ device_mac: 'D0/3F' })],
    ['a camera id past the bound', good({ device_mac: 'A'.repeat(65) })],
    ['no time', good({ event_ts: undefined })],
    ['a time before 2010', good({ event_ts: Date.UTC(2001, 0, 1) })],
    ['a time two days ahead', good({ event_ts: NOW + 2 * 86_400_000 })],
    ['a time that is not finite', good({ event_ts: '9'.repeat(400) })],
    ['a time that is an object', good({ event_ts: { valueOf: 1 } })],
  ];
  it.each(hostile)('drops an event with %s', (_name, raw) => {
    expect(normaliseCloudEvent(raw, NOW)).toBeNull();
  });

  it('an id at the bound is kept', () => {
    const id = 'a'.repeat(MAX_EVENT_ID_LENGTH);
    expect(normaliseCloudEvent(good({ event_id: id }), NOW)?.id).toBe(id);
  });
});

describe('eventKind: event_value and tag_list to a kind and a plain label', () => {
  const table: [string | null, number[], string, string][] = [
    ['1', [], 'motion', 'Motion'],
    ['13', [], 'motion', 'Motion'],
    ['2', [], 'sound', 'Sound'],
    ['4', [], 'smoke', 'Smoke alarm'],
    ['5', [], 'co', 'Carbon monoxide alarm'],
    ['10', [], 'doorbell', 'Doorbell ring'],
    ['12', [], 'face', 'Face'],
    ['1', [101], 'person', 'Person'],
    ['1', [102], 'vehicle', 'Vehicle'],
    ['1', [103], 'pet', 'Pet'],
    ['1', [104], 'package', 'Package'],
    ['1', [104, 101], 'person', 'Person'],
    ['2', [800001], 'other', 'Baby crying'],
    ['10', [101], 'doorbell', 'Doorbell ring'],
    ['999', [], 'other', 'Event'],
    [null, [], 'other', 'Event'],
    [null, [103], 'pet', 'Pet'],
  ];
  it.each(table)('value %s with tags %j is %s ("%s")', (value, tags, kind, label) => {
    expect(eventKind(value, tags)).toEqual({ kind, label });
  });

  it('reads tags sent as digit strings and skips anything else in the list', () => {
    const event = normaliseCloudEvent(good({ tag_list: ['x', null, { t: 1 }, '102'] }), NOW);
    expect(event).toMatchObject({ kind: 'vehicle', label: 'Vehicle' });
  });
});

describe('normaliseCloudEvent: any input at all', () => {
  it('never throws, and whatever it keeps is within the bounds', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({
            event_id: fc.oneof(fc.string(), fc.integer()),
            device_mac: fc.oneof(fc.string(), fc.constant('D03F27AA11BB')),
            event_value: fc.oneof(fc.string(), fc.integer()),
            event_ts: fc.oneof(fc.integer(), fc.double(), fc.string()),
            tag_list: fc.array(fc.anything()),
            file_list: fc.array(fc.record({ type: fc.anything(), url: fc.anything() })),
          }),
        ),
        (raw) => {
          const event = normaliseCloudEvent(raw, NOW);
          if (event === null) return;
          expect(event.id.length).toBeLessThanOrEqual(MAX_EVENT_ID_LENGTH);
          expect(event.id).toMatch(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/);
          expect(Number.isSafeInteger(event.at)).toBe(true);
          expect(event.at).toBeLessThanOrEqual(NOW + 86_400_000);
          for (const url of [event.pictureUrl, event.clipUrl]) {
            if (url !== null) expect(url).toMatch(/^https?:/);
          }
        },
      ),
    );
  });
});
