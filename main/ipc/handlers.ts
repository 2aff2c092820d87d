import { CHANNELS } from '../../common/ipc';
import type { ExternalTarget } from '../../common/ipc';
import { snapshotOf } from '../cameras/delta';
import type { Inventory } from '../cameras/inventory';
import { createCameraExporter } from '../export/export-cameras';
import type { SaveFile } from '../export/export-cameras';
import { downloadInPage } from '../export/save-file';
import type { EventsService } from '../events/types';
import type { LiveService } from '../live/service';
import type { SessionService } from '../session/session';
import type { SettingsStore } from '../session/settings';
import type { Logger } from '../logging/logger';
import type { WatchService } from '../watch/types';
import { wyzeError } from '../wyze/errors';
import type { Handlers } from './router';

/** How many render failures the page may report per run. */
export const MAX_RENDER_ERROR_REPORTS = 20;

/** The handler table: each channel is one call into a service (dependencies passed in). */
export function createHandlers(deps: {
  session: SessionService;
  inventory: Inventory;
  settings: Pick<SettingsStore, 'viewPrefs' | 'setViewPrefs'>;
  openExternal: (target: ExternalTarget) => Promise<void>;
  /** Where an export goes: the save dialog (desktop); by default a download in the page. */
  saveFile?: SaveFile;
  /** Receives what the page reports of its own render failures (the log file). */
  logger?: Logger;
  /** Live view (main/live/); a table built without it answers that live view is unavailable. */
  live?: LiveService;
  /** Status history and notifications (main/watch/); required where the app composes them. */
  watch?: WatchService;
  /** Camera events (main/events/). */
  events?: EventsService;
}): Handlers {
  const { session, inventory } = deps;
  const live = deps.live ?? liveUnavailable;
  const watch = deps.watch ?? watchUnavailable;
  const events = deps.events ?? eventsUnavailable;
  const exportCameras = createCameraExporter({
    devices: () => inventory.view().devices,
    saveFile: deps.saveFile ?? downloadInPage,
  });
  // A page stuck failing must not fill the log: the first few reports are enough to diagnose.
  let renderErrorsLeft = MAX_RENDER_ERROR_REPORTS;
  return {
    [CHANNELS.getSession]: () => session.view(),
    [CHANNELS.signIn]: (req) => session.signIn(req),
    [CHANNELS.sendMfaCode]: (req) => session.sendMfaCode(req.method),
    [CHANNELS.verifyMfa]: (req) => session.verifyMfa(req.method, req.code),
    [CHANNELS.cancelSignIn]: () => session.cancelSignIn(),
    [CHANNELS.signOut]: async () => {
      const view = await session.signOut();
      await inventory.settled(); // the cached list is gone too before the UI hears "signed out"
      return view;
    },
    [CHANNELS.startDemo]: () => session.startDemo(),
    [CHANNELS.getCameras]: () => snapshotOf(inventory.view()),
    [CHANNELS.refreshCameras]: () => inventory.refresh(),
    [CHANNELS.resetCache]: () => inventory.resetCache(),
    [CHANNELS.exportCameras]: (req) => exportCameras(req),
    [CHANNELS.reportVisibility]: (req) => {
      inventory.setVisible(req.visible);
      return null;
    },
    [CHANNELS.reportRenderError]: (req) => {
      if (renderErrorsLeft > 0) {
        renderErrorsLeft--;
        deps.logger?.error('the page could not render a screen', req);
      }
      return null;
    },
    [CHANNELS.openExternal]: async (req) => {
      await deps.openExternal(req.target);
      return null;
    },
    [CHANNELS.getViewPrefs]: () => deps.settings.viewPrefs(),
    [CHANNELS.setViewPrefs]: async (patch) => {
      const prefs = await deps.settings.setViewPrefs(patch);
      // The refresh interval takes effect at once (main/cameras/inventory.ts).
      if (patch.refreshIntervalSec !== undefined) {
        inventory.setRefreshInterval(prefs.refreshIntervalSec);
      }
      return prefs;
    },
    [CHANNELS.startLive]: (req) => live.start(req.mac),
    [CHANNELS.sendLiveOffer]: (req) => {
      live.sendOffer(req.sessionId, req.sdp);
      return null;
    },
    [CHANNELS.sendLiveCandidate]: (req) => {
      live.sendCandidate(req.sessionId, req.candidate);
      return null;
    },
    [CHANNELS.restartLive]: async (req) => {
      await live.restart(req.sessionId);
      return null;
    },
    [CHANNELS.stopLive]: (req) => {
      live.stop(req.sessionId);
      return null;
    },
    [CHANNELS.saveSnapshot]: (req) => live.saveSnapshot(req),
    [CHANNELS.getWatch]: () => watch.state(),
    [CHANNELS.setWatchPrefs]: (patch) => watch.setPrefs(patch),
    [CHANNELS.listActivity]: (query) => watch.listActivity(query),
    [CHANNELS.exportActivity]: (req) => watch.exportActivity(req),
    [CHANNELS.markActivitySeen]: () => watch.markSeen(),
    [CHANNELS.listEvents]: (query) => events.list(query),
  };
}

/** Keeping watch where none was composed (a handler table for one feature's tests). */
const watchUnavailable: WatchService = {
  state: () => {
    throw wyzeError('INTERNAL');
  },
  setPrefs: () => Promise.reject(wyzeError('INTERNAL')),
  listActivity: () => Promise.reject(wyzeError('INTERNAL')),
  exportActivity: () => Promise.reject(wyzeError('INTERNAL')),
  markSeen: () => Promise.reject(wyzeError('INTERNAL')),
  pauseNotifications: () => undefined,
  setLastEvents: () => undefined,
  onEvent: () => () => undefined,
};

/** Camera events where none were composed. */
const eventsUnavailable: EventsService = {
  list: () => Promise.reject(wyzeError('INTERNAL')),
};

/** Live view where none was composed (a handler table for one feature's tests). */
const liveUnavailable: LiveService = {
  start: () => Promise.reject(wyzeError('LIVE_NOT_SUPPORTED')),
  sendOffer: () => {
    throw wyzeError('LIVE_SESSION_UNKNOWN');
  },
  sendCandidate: () => {
    throw wyzeError('LIVE_SESSION_UNKNOWN');
  },
  restart: () => Promise.reject(wyzeError('LIVE_SESSION_UNKNOWN')),
  stop: () => {
    throw wyzeError('LIVE_SESSION_UNKNOWN');
  },
  endAll: () => undefined,
  onEvent: () => () => undefined,
  saveSnapshot: () => Promise.reject(wyzeError('LIVE_NOT_SUPPORTED')),
};
