import type { DeviceSpec } from '../world';
import { eventId, EVENT_KINDS, generatedEvents, isDoorbell, KIND_CODES } from './catalog';
import type { EmulatedEvent, EmulatedKind } from './catalog';

/** At most this many events added at run time, over all cameras (the oldest go first). */
const MAX_ADDED = 10_000;

/** Events added while the emulator runs (`POST /__emulator/events/add`), by camera MAC. */
export class EventBook {
  private readonly added = new Map<string, EmulatedEvent[]>();
  private total = 0;
  private serial = 0;

  /**
   * Adds an event to a camera; `kind` defaults to motion and must suit the model (a doorbell ring
   * only on a doorbell). Every added event has a picture and a clip.
   */
  add(device: DeviceSpec, at: number, kind: EmulatedKind = 'motion'): EmulatedEvent {
    if (!EVENT_KINDS.includes(kind)) throw new Error(`unknown event kind ${String(kind)}`);
    if (kind === 'doorbell' && !isDoorbell(device.model)) {
      throw new Error(`${device.mac} (${device.model}) is not a doorbell`);
    }
    this.serial++;
    const event: EmulatedEvent = {
      id: eventId(device.mac, at, kind, `added-${this.serial}`),
      mac: device.mac,
      kind,
      at,
      hasClip: true,
    };
    if (this.total >= MAX_ADDED) this.clear();
    const list = this.added.get(device.mac) ?? [];
    list.push(event);
    this.added.set(device.mac, list);
    this.total++;
    return event;
  }

  /** A camera's added events with `begin <= at <= min(end, now)`. */
  between(mac: string, begin: number, end: number, now: number): EmulatedEvent[] {
    const to = Math.min(end, now);
    return (this.added.get(mac) ?? []).filter((e) => e.at >= begin && e.at <= to);
  }

  private clear(): void {
    this.added.clear();
    this.total = 0;
  }
}

/** What get_event_list asks for, checked (emulator/routes/events.ts). */
export interface EventFilter {
  devices: DeviceSpec[];
  begin: number;
  end: number;
  /** Wanted `event_value`s; empty for all. */
  values: ReadonlySet<string>;
  /** Wanted AI tags (an event matches with any one of them); empty for all. */
  tags: ReadonlySet<number>;
  /** 1 oldest first, 2 newest first. */
  order: 1 | 2;
  count: number;
}

export interface EventSource {
  worldName: string;
  now: number;
  book: EventBook;
}

/** The events a query selects, generated and added, ordered and cut to `count`. */
export function queryEvents(source: EventSource, filter: EventFilter): EmulatedEvent[] {
  const { values, tags } = filter;
  const all: EmulatedEvent[] = [];
  for (const device of filter.devices) {
    const generated = generatedEvents(
      source.worldName,
      device,
      filter.begin,
      filter.end,
      source.now,
    );
    all.push(
      ...generated,
      ...source.book.between(device.mac, filter.begin, filter.end, source.now),
    );
  }
  const kept = all.filter((event) => {
    const codes = KIND_CODES[event.kind];
    if (values.size > 0 && !values.has(codes.value)) return false;
    return tags.size === 0 || codes.tags.some((t) => tags.has(t));
  });
  // Ties (same millisecond) fall back to the id, so pages never shuffle between calls.
  const sign = filter.order === 1 ? 1 : -1;
  kept.sort((a, b) => sign * (a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  return kept.slice(0, filter.count);
}
