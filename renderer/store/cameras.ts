import { applyCameraDelta, diffCameraLists } from '../../common/camera-delta';
import type { CamerasEvent } from '../../common/camera-delta';
import type { CameraListView } from '../../common/view';

/** The renderer's copy of main's camera list and the revision it is at. */
export interface CameraMirror {
  list: CameraListView;
  /** null before the first snapshot. */
  revision: number | null;
}

/**
 * What a camera event does to the mirror: the new mirror; the same object when the event is older
 * than what is shown (nothing to do); or 'resync' when a delta does not start from the revision
 * shown (an event was missed) and a snapshot must be fetched.
 */
export function applyCamerasEvent(
  mirror: CameraMirror,
  event: CamerasEvent,
): CameraMirror | 'resync' {
  const current = mirror.revision;
  if (current !== null && event.revision <= current) return mirror;
  if (event.kind === 'delta') {
    if (event.base !== current) return 'resync';
    return { list: applyCameraDelta(mirror.list, event), revision: event.revision };
  }
  // A snapshot: keep the device objects (and the array) that did not change, so rows that did not
  // change do not re-render.
  const diff = current === null ? null : diffCameraLists(mirror.list, event.list);
  return {
    list: diff ? applyCameraDelta(mirror.list, diff) : event.list,
    revision: event.revision,
  };
}
