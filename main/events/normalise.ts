import { MAX_EVENT_ID_LENGTH } from '../../common/camera-events';
import type { EventKind } from '../../common/camera-events';
import { LIMITS, boundedTime, deviceId } from '../wyze/normalise';

/**
 * One get_event_list item as main keeps it (docs/protocol.md, "Events"): checked and bounded,
 * with its files' pre-signed URLs, which never leave main (docs/security.md, S27).
 */
export interface CloudEvent {
  id: string;
  mac: string;
  kind: EventKind;
  label: string;
  /** Epoch ms. */
  at: number;
  /** The picture's URL (file type 1), or null. */
  pictureUrl: string | null;
  /** The video clip's URL (file type 2), or null. */
  clipUrl: string | null;
}

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Event ids as the cloud writes them: letters, digits and a few separators, bounded. */
const EVENT_ID = new RegExp(`^[A-Za-z0-9][A-Za-z0-9_.:-]{0,${MAX_EVENT_ID_LENGTH - 1}}$`);

/** The most files one event may list; a real event has a picture and maybe a clip. */
const MAX_FILES = 16;
/** The most tags one event may carry. */
const MAX_TAGS = 32;

/** File types in file_list (docs/protocol.md, "Events"). */
const FILE_PICTURE = 1;
const FILE_CLIP = 2;

/**
 * What `event_value` (the alarm type) means, from wyze-sdk's EventAlarmType
 * (docs/protocol.md, "Events"): 1, 6, 7 and 13 are motion; 8 is a sensor's trigger; 11 a scene.
 */
const BY_VALUE: Record<string, { kind: EventKind; label: string }> = {
  '1': { kind: 'motion', label: 'Motion' },
  '6': { kind: 'motion', label: 'Motion' },
  '7': { kind: 'motion', label: 'Motion' },
  '13': { kind: 'motion', label: 'Motion' },
  '2': { kind: 'sound', label: 'Sound' },
  '3': { kind: 'other', label: 'Other event' },
  '4': { kind: 'smoke', label: 'Smoke alarm' },
  '5': { kind: 'co', label: 'Carbon monoxide alarm' },
  '8': { kind: 'other', label: 'Sensor triggered' },
  '10': { kind: 'doorbell', label: 'Doorbell ring' },
  '11': { kind: 'other', label: 'Scene action' },
  '12': { kind: 'face', label: 'Face' },
};

/**
 * What the AI tags in `tag_list` mean (wyze-sdk's AiEventType; docs/protocol.md, "Events"), in
 * the order one wins over another when an event carries several.
 */
const BY_TAG: readonly (readonly [number, { kind: EventKind; label: string }])[] = [
  [101, { kind: 'person', label: 'Person' }],
  [101001, { kind: 'face', label: 'Face' }],
  [102, { kind: 'vehicle', label: 'Vehicle' }],
  [103, { kind: 'pet', label: 'Pet' }],
  [104, { kind: 'package', label: 'Package' }],
  [800001, { kind: 'other', label: 'Baby crying' }],
  [800002, { kind: 'other', label: 'Dog barking' }],
  [800003, { kind: 'other', label: 'Cat meowing' }],
];

/** Values whose meaning no tag overrides: an alarm or a ring is what it is. */
const TAG_PROOF = new Set<EventKind>(['doorbell', 'smoke', 'co']);

/**
 * The kind and plain label of an event from its alarm type and AI tags: a smoke, CO or doorbell
 * value wins; otherwise the first known tag (person before vehicle…); otherwise the value's kind;
 * an unknown value is 'other', "Event".
 */
export function eventKind(
  value: string | null,
  tags: readonly number[],
): {
  kind: EventKind;
  label: string;
} {
  const byValue = value !== null ? BY_VALUE[value] : undefined;
  if (byValue && TAG_PROOF.has(byValue.kind)) return byValue;
  for (const [tag, meaning] of BY_TAG) {
    if (tags.includes(tag)) return meaning;
  }
  return byValue ?? { kind: 'other', label: 'Event' };
}

/** An event_value as text ("1"), from a string or an integer; null for anything else. */
function alarmValue(v: unknown): string | null {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  if (typeof v === 'string' && /^\d{1,9}$/.test(v.trim())) return String(Number(v.trim()));
  return null;
}

/** Tags as integers (numbers or digit strings); anything else in the list is skipped. */
function tagsOf(v: unknown): number[] {
  if (!Array.isArray(v)) return [];
  return v.slice(0, MAX_TAGS).flatMap((t) => {
    const n = typeof t === 'string' && /^\d{1,9}$/.test(t.trim()) ? Number(t) : t;
    return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? [n] : [];
  });
}

/** An http(s) URL of bounded length, or null; which hosts may be fetched is decided later. */
function fileUrl(v: unknown): string | null {
  if (typeof v !== 'string' || v.length === 0 || v.length > LIMITS.urlLength) return null;
  if (!URL.canParse(v)) return null;
  const { protocol } = new URL(v);
  return protocol === 'https:' || protocol === 'http:' ? v : null;
}

/** The first file of a type with a usable URL. */
function fileOf(files: unknown, type: number): string | null {
  if (!Array.isArray(files)) return null;
  for (const file of files.slice(0, MAX_FILES)) {
    if (!isRecord(file) || Number(file.type) !== type) continue;
    const url = fileUrl(file.url);
    if (url) return url;
  }
  return null;
}

/**
 * One event_list item as a CloudEvent, or null when it cannot be one: no usable id, camera or
 * time (docs/protocol.md, "Events"). Never throws: one hostile item is dropped, not the page.
 * v2 names the camera `device_mac`, v4 `device_id`.
 */
export function normaliseCloudEvent(raw: unknown, now: number): CloudEvent | null {
  if (!isRecord(raw)) return null;
  const id = typeof raw.event_id === 'string' ? raw.event_id.trim() : '';
  if (!EVENT_ID.test(id)) return null;
  const mac = deviceId(raw.device_mac ?? raw.device_id);
  // event_ts is in ms; like every device time it must fall between 2010 and a day from now
  // (docs/protocol.md, "Timestamps and units"), or the event is not shown at all.
  const at =
    typeof raw.event_ts === 'number' || typeof raw.event_ts === 'string'
      ? boundedTime(raw.event_ts, now)
      : null;
  if (mac === null || at === null) return null;
  const { kind, label } = eventKind(alarmValue(raw.event_value), tagsOf(raw.tag_list));
  return {
    id,
    mac,
    kind,
    label,
    at,
    pictureUrl: fileOf(raw.file_list, FILE_PICTURE),
    clipUrl: fileOf(raw.file_list, FILE_CLIP),
  };
}
