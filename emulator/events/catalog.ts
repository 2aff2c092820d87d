import { createHash } from 'node:crypto';
import type { DeviceSpec } from '../world';

/**
 * Each camera's events, made up from the world (docs/protocol.md, "Emulator choices"): the same
 * world and camera give the same events on every run, and nothing is built ahead of a query. Time
 * is cut into UTC days; a camera's events of one day come from a digest of the world's name, its
 * MAC and the day, so a query only generates the days it covers (a 5,000-camera world costs
 * nothing until asked).
 */

/** The kinds the emulator makes; `doorbell` only on doorbell models. */
export const EVENT_KINDS = [
  'motion',
  'sound',
  'person',
  'vehicle',
  'pet',
  'package',
  'doorbell',
] as const;
export type EmulatedKind = (typeof EVENT_KINDS)[number];

/**
 * How the cloud labels each kind (docs/protocol.md, "Events"): `event_value` is the alarm type
 * (1 motion, 2 sound, 10 doorbell ring) and the smart-detection kinds are motion events with an
 * AI tag in `tag_list` (101 person, 102 vehicle, 103 pet, 104 package).
 */
export const KIND_CODES: Record<EmulatedKind, { value: string; tags: number[] }> = {
  motion: { value: '1', tags: [] },
  sound: { value: '2', tags: [] },
  person: { value: '1', tags: [101] },
  vehicle: { value: '1', tags: [102] },
  pet: { value: '1', tags: [103] },
  package: { value: '1', tags: [104] },
  doorbell: { value: '10', tags: [] },
};

/** Models that ring: the Video Doorbell family. */
const DOORBELL_MODELS = new Set(['WYZEDB3', 'HL_DB2', 'GW_BE1', 'GW_DBD', 'AN_RDB1']);

export const DAY_MS = 86_400_000;
/** How many UTC days of generated events a camera has: today and the days before. */
export const HISTORY_DAYS = 4;

/** Epoch ms where generated history starts: midnight UTC, HISTORY_DAYS − 1 days before today. */
export const historyStart = (now: number): number =>
  (Math.floor(now / DAY_MS) - (HISTORY_DAYS - 1)) * DAY_MS;
/** At most this many generated events per camera per day (0 to 3): 0–12 over the history. */
const MAX_PER_DAY = 3;
/** One day's events, by world, MAC, model and day; bounded so a long run stays small. */
const dayCache = new Map<string, EmulatedEvent[]>();
const MAX_CACHED_DAYS = 20_000;

/** How many camera-days have been generated and kept (tests check a query stays in its window). */
export const generatedDayCount = (): number => dayCache.size;

/** One event as the emulator knows it; routes render it in the cloud's shape. */
export interface EmulatedEvent {
  id: string;
  mac: string;
  kind: EmulatedKind;
  /** Epoch ms. */
  at: number;
  /** Whether the event has a video clip (type 2 file) besides its picture. */
  hasClip: boolean;
}

/** True for models whose events include doorbell rings. */
export const isDoorbell = (model: string): boolean => DOORBELL_MODELS.has(model);

/** A stable id from what identifies an event; hex, well under the 128-character bound. */
export function eventId(mac: string, at: number, kind: string, salt = ''): string {
  return createHash('sha256').update(`${mac}\n${at}\n${kind}\n${salt}`).digest('hex').slice(0, 32);
}

function generateDay(world: string, device: DeviceSpec, day: number): EmulatedEvent[] {
  const key = `${world}\n${device.mac}\n${device.model}\n${day}`;
  const cached = dayCache.get(key);
  if (cached) return cached;
  const digest = createHash('sha256').update(key).digest();
  const kinds = EVENT_KINDS.filter((k) => k !== 'doorbell' || isDoorbell(device.model));
  const count = (digest[0] ?? 0) % (MAX_PER_DAY + 1);
  const events: EmulatedEvent[] = [];
  for (let i = 0; i < count; i++) {
    const offset = digest.readUInt32BE(1 + i * 6) % DAY_MS;
    const kind = kinds[(digest[5 + i * 6] ?? 0) % kinds.length] ?? 'motion';
    // Milliseconds, as the cloud's event_ts; events sharing one are added by tests
    // (EventBook.add) to check paging across a boundary millisecond.
    const at = day * DAY_MS + offset;
    // About every other event has a clip.
    const hasClip = ((digest[6 + i * 6] ?? 0) & 1) === 0;
    events.push({ id: eventId(device.mac, at, kind), mac: device.mac, kind, at, hasClip });
  }
  if (dayCache.size >= MAX_CACHED_DAYS) dayCache.clear();
  dayCache.set(key, events);
  return events;
}

/**
 * A camera's generated events with `begin <= at <= end`, none after `now` or older than the
 * history, and none while it is offline (after its last change to offline), in no set order.
 */
export function generatedEvents(
  world: string,
  device: DeviceSpec,
  begin: number,
  end: number,
  now: number,
): EmulatedEvent[] {
  const from = Math.max(begin, historyStart(now));
  let to = Math.min(end, now);
  if (!device.online) to = Math.min(to, device.connStateTs - 1);
  if (to < from) return [];
  const out: EmulatedEvent[] = [];
  for (let day = Math.floor(from / DAY_MS); day <= Math.floor(to / DAY_MS); day++) {
    for (const event of generateDay(world, device, day)) {
      if (event.at >= from && event.at <= to) out.push(event);
    }
  }
  return out;
}
