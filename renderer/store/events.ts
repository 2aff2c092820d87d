import { wyze } from '../api';
import { useStore } from './index';

/** Resolves once the next frame has been painted; at once in a hidden page (it paints nothing). */
function afterNextPaint(): Promise<void> {
  if (document.visibilityState !== 'visible') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * The one module that turns main-process events into store updates, and reports whether the
 * page is visible so main refreshes only while someone can see the list.
 */
export async function connectStore(): Promise<() => void> {
  const api = wyze();
  const { setSession, receiveCameras, loadViewPrefs, flushViewPrefs } = useStore.getState();
  const offSession = api.onSessionChanged(setSession);
  // Snapshots and deltas (common/camera-delta.ts); a delta that misses its base asks for a snapshot.
  const offCameras = api.onCamerasChanged(receiveCameras);
  // Help → Keyboard shortcuts, View → Settings… (main/menu.ts).
  const offMenu = api.onMenuCommand(({ command }) => useStore.getState().runMenuCommand(command));
  // Keeping watch: main's new state, or a clicked notification's camera (common/watch.ts).
  const offWatch = api.onWatch((event) => useStore.getState().receiveWatch(event));
  // Not awaited with the list: the first rows do not wait for it.
  void useStore.getState().loadWatch();
  // The view preferences come with the list, so the first rows painted are already in order.
  // The preload sent these three calls while this script loaded: their answers are usually here
  // already (preload/first-calls.ts, whose FIRST_CALLS must stay these calls).
  const [session, cameras] = await Promise.all([
    api.getSession(),
    api.getCameras(),
    loadViewPrefs(),
  ]);
  if (session.ok) setSession(session.value);
  if (cameras.ok) receiveCameras(cameras.value);
  const onVisibility = () => void api.reportVisibility(document.visibilityState === 'visible');
  document.addEventListener('visibilitychange', onVisibility);
  // A search typed just before a reload is kept too (sent without waiting for the pause).
  window.addEventListener('pagehide', flushViewPrefs);
  // Main holds its background refresh until this first report, so it comes after the list is
  // painted: parsing the fresh list must not delay the first rows (scripts/README.md).
  let connected = true;
  // Not after a disconnect: the page (or a test's document) may be gone by then.
  void afterNextPaint().then(() => {
    if (connected) onVisibility();
  });
  return () => {
    connected = false;
    offSession();
    offCameras();
    offMenu();
    offWatch();
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('pagehide', flushViewPrefs);
  };
}
