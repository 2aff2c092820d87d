import { createStore } from 'zustand/vanilla';
import type { CamerasEvent } from '../../common/camera-delta';
import type { ExternalTarget } from '../../common/channels';
import type { MfaMethod } from '../../common/device';
import type { ExportFormat, ExportResult } from '../../common/export';
import type { ErrorDto, Result } from '../../common/result';
import type { CameraListView, SessionView } from '../../common/view';
import { emptyCameraList } from '../../common/view';
import { defaultViewPrefs } from '../../common/prefs';
import type { WyzeApi } from '../../preload/api';
import { wyze } from '../api';
import { inFirstScreen } from '../first-screen';
import { bindStore } from './bind';
import { applyCamerasEvent } from './cameras';
import type { CameraEventsSlice } from './camera-events';
import { createDialogsSlice } from './dialogs';
import type { DialogsSlice } from './dialogs';
import { createDetailsSlice } from './details';
import type { DetailsSlice } from './details';
import { createLiveSlice, initialLive } from './live';
import type { LiveSlice } from './live';
import { createViewSlice } from './view';
import type { ViewSlice } from './view';
import { createWatchSlice, initialWatch } from './watch';
import type { WatchSlice } from './watch';

/**
 * The renderer's mirror of main-process state, and the actions a user can take. Main is the source
 * of truth; this store reflects its events, tracks which actions are in flight, and keeps the
 * error of the last one. Components read through selectors (selectors.ts for derived data) and
 * act through the actions here: none of them calls the bridge.
 */
export interface SessionSlice {
  session: SessionView;
  setSession(view: SessionView): void;
}

export interface CamerasSlice {
  /** The list as main last described it; unchanged devices keep their objects. */
  list: CameraListView;
  /** The revision of `list` (common/camera-delta.ts); null before the first snapshot. */
  listRevision: number | null;
  /** Applies a snapshot or delta from main; fetches a snapshot when a delta was missed. */
  receiveCameras(event: CamerasEvent): void;
  /** Replaces the list with main's current one. */
  resyncCameras(): Promise<void>;
}

/** Every action a user can start; each has its own pending flag. */
export type ActionName =
  | 'signIn'
  | 'startDemo'
  | 'sendMfaCode'
  | 'verifyMfa'
  | 'cancelSignIn'
  | 'signOut'
  | 'refreshCameras'
  | 'resetCache'
  | 'openExternal'
  | 'exportCameras';

const idle = (): Record<ActionName, boolean> => ({
  signIn: false,
  startDemo: false,
  sendMfaCode: false,
  verifyMfa: false,
  cancelSignIn: false,
  signOut: false,
  refreshCameras: false,
  resetCache: false,
  openExternal: false,
  exportCameras: false,
});

export interface ActionsSlice {
  /** Which actions are in flight; two actions never share a flag. */
  pending: Record<ActionName, boolean>;
  /** The failure of the user's last action, shown by the one error banner. */
  actionError: ErrorDto | null;
  /** Each resolves true when main accepted the action, false when it failed (see actionError). */
  signIn(request: Parameters<WyzeApi['signIn']>[0]): Promise<boolean>;
  startDemo(): Promise<boolean>;
  sendMfaCode(method: 'sms' | 'email'): Promise<boolean>;
  verifyMfa(method: MfaMethod, code: string): Promise<boolean>;
  cancelSignIn(): Promise<boolean>;
  signOut(): Promise<boolean>;
  /** Its failure shows as the list's own error (main keeps it), not as an action error. */
  refreshCameras(): Promise<boolean>;
  /** Forgets the cached camera list and loads it again (the error screen's way out). */
  resetCache(): Promise<boolean>;
  /** Tells main (its log file) what the error boundary caught; the page shows none of it. */
  reportRenderError(error: unknown, componentStack: string): void;
  openExternal(target: ExternalTarget): Promise<boolean>;
  /**
   * Exports the cameras named (the view's, in its order) as CSV or JSON; resolves with where the
   * file went, or null when it failed (see actionError).
   */
  exportCameras(format: ExportFormat, macs: readonly string[]): Promise<ExportResult | null>;
  clearError(): void;
  /** A short message for screen readers, spoken by the one live region (e.g. "Copied"). */
  announcement: string;
  announce(message: string): void;
}

export type Store = SessionSlice &
  CamerasSlice &
  ActionsSlice &
  ViewSlice &
  DetailsSlice &
  DialogsSlice &
  LiveSlice &
  WatchSlice &
  CameraEventsSlice;

export const initialSession: SessionView = {
  status: 'starting',
  email: null,
  demo: false,
  persistence: 'keychain',
  hasStoredApiKey: false,
  mfa: null,
  error: null,
};

const UNREACHABLE: ErrorDto = {
  code: 'INTERNAL',
  message: 'The app stopped answering. Restart it and try again.',
};

/** The state a fresh page starts with (also what tests reset to). */
export const initialState = () => ({
  session: initialSession,
  list: emptyCameraList(),
  listRevision: null,
  pending: idle(),
  actionError: null,
  announcement: '',
  dialog: null,
  viewPrefs: defaultViewPrefs(),
  viewEdits: {},
  selectedMac: null,
  ...initialLive(),
  ...initialWatch(),
  // Camera events: filled by store/camera-events.ts, which loads with the views that show them.
  cameraEvents: {},
  eventsCamera: null,
});

const store = createStore<Store>()((set, get) => {
  /**
   * Runs one action through the bridge: its own pending flag while it runs, and its error (or a
   * plain message when the bridge itself fails) in actionError unless the action reports elsewhere.
   */
  async function track<T>(
    name: ActionName,
    call: (api: WyzeApi) => Promise<Result<T>>,
    opts: { reportError: boolean } = { reportError: true },
  ): Promise<boolean> {
    set((s) => ({
      pending: { ...s.pending, [name]: true },
      actionError: opts.reportError ? null : s.actionError,
    }));
    try {
      const result = await call(wyze());
      // CANCELLED answers an action the user ended themselves (sign-out during a sign-in):
      // nothing to report.
      if (!result.ok && opts.reportError && result.error.code !== 'CANCELLED') {
        set({ actionError: result.error });
      }
      return result.ok;
    } catch {
      set({ actionError: UNREACHABLE });
      return false;
    } finally {
      set((s) => ({ pending: { ...s.pending, [name]: false } }));
    }
  }

  return {
    ...initialState(),
    ...createViewSlice(set, get),
    ...createDialogsSlice(set),
    ...createDetailsSlice(set),
    ...createLiveSlice(set),
    ...createWatchSlice(set, get),
    setSession: (session) => set({ session }),

    receiveCameras(event) {
      const next = applyCamerasEvent({ list: get().list, revision: get().listRevision }, event);
      if (next === 'resync') {
        void get().resyncCameras();
        return;
      }
      if (next.list !== get().list || next.revision !== get().listRevision) {
        set({ list: next.list, listRevision: next.revision });
      }
    },
    async resyncCameras() {
      try {
        const snapshot = await wyze().getCameras();
        if (snapshot.ok) get().receiveCameras(snapshot.value);
      } catch {
        // The bridge is gone; the next event or reload brings the list back.
      }
    },

    signIn: (request) => track('signIn', (api) => api.signIn(request)),
    startDemo: () => track('startDemo', (api) => api.startDemo()),
    sendMfaCode: (method) => track('sendMfaCode', (api) => api.sendMfaCode(method)),
    verifyMfa: (method, code) => track('verifyMfa', (api) => api.verifyMfa(method, code)),
    cancelSignIn: () => track('cancelSignIn', (api) => api.cancelSignIn()),
    signOut: () => track('signOut', (api) => api.signOut()),
    refreshCameras: () =>
      track('refreshCameras', (api) => api.refreshCameras(), { reportError: false }),
    resetCache: () => track('resetCache', (api) => api.resetCache()),
    reportRenderError(error, componentStack) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      wyze()
        .reportRenderError({
          message: message.slice(0, 500),
          componentStack: componentStack.slice(0, 4000),
        })
        .catch(() => undefined); // nothing left to tell: the boundary already shows the way out
    },
    openExternal: (target) => track('openExternal', (api) => api.openExternal(target)),
    async exportCameras(format, macs) {
      let outcome: ExportResult | null = null;
      await track('exportCameras', async (api) => {
        const result = await api.exportCameras({ format, macs: [...macs] });
        if (result.ok) outcome = result.value;
        return result;
      });
      return outcome;
    },
    clearError: () => set({ actionError: null }),
    announce: (announcement) => set({ announcement }),
  };
});

/** The state a first screen written into the page was drawn from (renderer/first-screen.ts). */
let drawnFrom: Store | null = null;

/**
 * Keeps the state the first screen was drawn from: until it has been taken over
 * (`endFirstScreen`), React takes the markup over from it, whatever changes meanwhile. That is
 * what main drew from (renderer/server.tsx): a fresh store with the first calls' answers, and
 * nothing that came since (the watch state, say, asked for beside them).
 */
export function keepFirstScreenState(): void {
  const s = store.getState();
  drawnFrom = {
    ...s,
    ...initialState(),
    session: s.session,
    list: s.list,
    listRevision: s.listRevision,
    viewPrefs: s.viewPrefs,
    appView: s.appView,
  };
}

export const useStore = bindStore(store, () => {
  if (!inFirstScreen()) drawnFrom = null;
  return drawnFrom;
});
