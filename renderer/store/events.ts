import { wyze } from '../api';
import { useStore } from './index';

/**
 * The one module that turns main-process events into store updates, and reports whether the
 * page is visible so main refreshes only while someone can see the list.
 */
export async function connectStore(): Promise<() => void> {
  const api = wyze();
  const { setSession, receiveCameras } = useStore.getState();
  const offSession = api.onSessionChanged(setSession);
  // Snapshots and deltas (common/camera-delta.ts); a delta that misses its base asks for a snapshot.
  const offCameras = api.onCamerasChanged(receiveCameras);
  const [session, cameras] = await Promise.all([api.getSession(), api.getCameras()]);
  if (session.ok) setSession(session.value);
  if (cameras.ok) receiveCameras(cameras.value);
  const onVisibility = () => void api.reportVisibility(document.visibilityState === 'visible');
  document.addEventListener('visibilitychange', onVisibility);
  onVisibility();
  return () => {
    offSession();
    offCameras();
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
