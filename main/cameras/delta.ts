import { diffCameraLists } from '../../common/camera-delta';
import type { CamerasEvent, CamerasSnapshot } from '../../common/camera-delta';
import type { CameraListView } from '../../common/view';

/**
 * Revisions of camera-list states, by identity: the inventory makes a new, never-mutated view
 * object for every change and hands it to its listeners at once, so numbering each view the first
 * time it is seen numbers them in the order they were made. Shared by the getCameras handler and
 * every event stream, so a renderer can compare what it got from either.
 */
const revisions = new WeakMap<CameraListView, number>();
let lastRevision = 0;

/** The revision of a list state (numbered on first sight). */
export function revisionOf(view: CameraListView): number {
  let revision = revisions.get(view);
  if (revision === undefined) {
    revision = ++lastRevision;
    revisions.set(view, revision);
  }
  return revision;
}

/** The whole list, with its revision. */
export const snapshotOf = (view: CameraListView): CamerasSnapshot => ({
  kind: 'snapshot',
  revision: revisionOf(view),
  list: view,
});

/**
 * One subscriber's camera events: a snapshot first, then deltas against what this subscriber was
 * last sent (a snapshot again when a change cannot be told as a delta). Feed it every view the
 * inventory publishes.
 */
export function cameraEventStream(
  send: (event: CamerasEvent) => void,
): (view: CameraListView) => void {
  let sent: CameraListView | null = null;
  return (view) => {
    const diff = sent ? diffCameraLists(sent, view) : null;
    const event: CamerasEvent =
      sent && diff
        ? { kind: 'delta', base: revisionOf(sent), revision: revisionOf(view), ...diff }
        : snapshotOf(view);
    sent = view;
    send(event);
  };
}
