import type { DeviceDto, SessionView } from '../../common/view';
import { realScheduler } from '../cameras/refresh-pace';
import type { Scheduler } from '../cameras/refresh-pace';
import type { Logger } from '../logging/logger';
import { isLoopbackHost } from '../thumbnails/policy';
import type { WyzeClient } from '../wyze/client';
import type { BaseUrls } from '../wyze/config';
import { wyzeError } from '../wyze/errors';
import { bootstrapFailure, bootstrapOf } from './bootstrap';
import type { LiveService } from './service';
import { createLiveSessions } from './sessions';
import { checkedPng, snapshotDownloadInPage, snapshotFileName } from './snapshot';
import type { SaveSnapshotFile } from './snapshot';
import { openWebSocket } from './socket';
import type { SocketFactory } from './socket';

export interface LiveServiceOptions {
  session: {
    view(): SessionView;
    client(): Pick<WyzeClient, 'getStreams'>;
    onChange(listener: (view: SessionView) => void): () => void;
  };
  /** Main's own camera list (the inventory's). */
  cameras: () => readonly DeviceDto[];
  baseUrls: BaseUrls;
  logger: Logger;
  /** Where a snapshot goes: the save dialog (desktop); by default a download in the page. */
  saveSnapshotFile?: SaveSnapshotFile;
  openSocket?: SocketFactory;
  scheduler?: Scheduler;
  now?: () => number;
  newId?: () => string;
}

const isLoopbackUrl = (url: string): boolean =>
  URL.canParse(url) && isLoopbackHost(new URL(url).hostname);

/**
 * Live view for the handler table: sessions over the signed-in client's get_streams and real
 * sockets, ended when the session signs out or expires, and snapshots checked and saved.
 * Signalling may go to loopback only while the cloud itself is on loopback (the demo account,
 * or a development override pointing at the emulator), so the real cloud cannot steer the app
 * at a local service.
 */
export function createLiveService(opts: LiveServiceOptions): LiveService & { count(): number } {
  const allowLoopback = (): boolean =>
    opts.session.view().demo || isLoopbackUrl(opts.baseUrls.app ?? opts.baseUrls.api);
  const sessions = createLiveSessions({
    cameras: opts.cameras,
    bootstrap: async (camera) => {
      try {
        const items = await opts.session.client().getStreams(camera.mac, camera.model);
        return bootstrapOf(items, camera.mac, allowLoopback());
      } catch (err) {
        throw bootstrapFailure(err);
      }
    },
    openSocket: opts.openSocket ?? openWebSocket,
    scheduler: opts.scheduler ?? realScheduler,
    now: opts.now ?? Date.now,
    logger: opts.logger,
    newId: opts.newId,
  });
  let signedIn = opts.session.view().status === 'signedIn';
  opts.session.onChange((view) => {
    const was = signedIn;
    signedIn = view.status === 'signedIn';
    if (was && !signedIn) {
      if (view.status === 'expired') sessions.endEvery(wyzeError('SESSION_EXPIRED'));
      else sessions.endAll('signed-out');
    }
  });
  const saveFile = opts.saveSnapshotFile ?? snapshotDownloadInPage;
  const now = opts.now ?? Date.now;

  return {
    start: (mac) => sessions.start(mac),
    sendOffer: (id, sdp) => sessions.sendOffer(id, sdp),
    sendCandidate: (id, candidate) => sessions.sendCandidate(id, candidate),
    restart: (id) => sessions.restart(id),
    stop: (id) => sessions.stop(id),
    endAll: (reason) => sessions.endAll(reason),
    onEvent: (listener) => sessions.onEvent(listener),
    count: () => sessions.count(),
    async saveSnapshot({ mac, pngBase64 }) {
      const camera = opts.cameras().find((c) => c.mac === mac && c.isCamera);
      if (!camera) throw wyzeError('INVALID_ARGUMENT');
      const { bytes } = checkedPng(pngBase64);
      return saveFile({ suggestedName: snapshotFileName(camera.name, new Date(now())), bytes });
    },
  };
}
