import type { WyzeApi } from '../preload/api';

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or the preview bridge (browser): domain verbs only. */
    readonly wyze?: WyzeApi;
  }
}

/** The bridge to the main process. */
export function wyze(): WyzeApi {
  const api = window.wyze;
  if (!api) throw new Error('The app bridge is missing: open the app, not this page directly.');
  return api;
}
