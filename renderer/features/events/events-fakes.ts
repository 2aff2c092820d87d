/**
 * Test doubles for camera events: events as main would describe them, and a bridge whose
 * `events:list` the test answers (at once from a function, or later, one call at a time).
 */
import type { CameraEvent, EventPage, EventQuery } from '../../../common/camera-events';
import { CHANNELS } from '../../../common/channels';
import type { Result } from '../../../common/result';
import { buildWyzeApi } from '../../../preload/api';
import type { Transport } from '../../../preload/api';

/** 2026-11-27 16:12 in the test's time zone is not assumed: tests format with the same code. */
export const T0 = Date.UTC(2026, 10, 27, 21, 12);

/** One event of the camera `mac`, `minutesAgo` before T0, with a picture and no clip. */
export function cameraEvent(
  id: string,
  patch: Partial<CameraEvent> & { minutesAgo?: number } = {},
): CameraEvent {
  const { minutesAgo = 0, ...rest } = patch;
  return {
    id,
    mac: 'A1',
    cameraName: 'Porch',
    kind: 'motion',
    label: 'Motion',
    at: T0 - minutesAgo * 60_000,
    picture: `/event-media/${id}/picture.jpg`,
    clip: null,
    ...rest,
  };
}

export interface EventsCall {
  query: EventQuery;
  answer(result: Result<EventPage> | EventPage): void;
  fail(): void;
}

/**
 * A bridge whose `events:list` calls wait for the test (`calls`); every other call answers
 * `{ ok: true, value: null }`.
 */
export function installEventsBridge() {
  const calls: EventsCall[] = [];
  const transport: Transport = {
    invoke: (channel, arg) => {
      if (channel !== CHANNELS.listEvents) return Promise.resolve({ ok: true, value: null });
      return new Promise((resolve, reject) =>
        calls.push({
          query: arg as EventQuery,
          answer: (result) => resolve('ok' in result ? result : { ok: true, value: result }),
          fail: () => reject(new Error('bridge gone')),
        }),
      );
    },
    on: () => () => undefined,
  };
  Object.defineProperty(window, 'wyze', { value: buildWyzeApi(transport), configurable: true });
  return calls;
}

/** The events:list call number `n` (0-based), failing the test when it was not made. */
export function nthCall(calls: EventsCall[], n: number): EventsCall {
  const call = calls[n];
  if (!call) throw new Error(`events:list call ${n} was not made (${calls.length} made)`);
  return call;
}
