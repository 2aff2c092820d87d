import { EVENTS } from '../common/ipc';
import type { EventChannel, EventPayloads, ExternalTarget } from '../common/ipc';
import { openCameraCache } from './cameras/cache';
import { createAppEvents } from './events/compose';
import type { AppEvents } from './events/compose';
import { cameraEventStream } from './cameras/delta';
import { createInventory } from './cameras/inventory';
import type { SaveFile } from './export/export-cameras';
import type { Inventory, Scheduler } from './cameras/inventory';
import { startDemoCloud } from './demo';
import { createHandlers } from './ipc/handlers';
import { createIpcRouter } from './ipc/router';
import { createLiveService } from './live/create';
import type { SaveSnapshotFile } from './live/snapshot';
import type { SenderInfo } from './ipc/router';
import type { Logger } from './logging/logger';
import { EXTERNAL_URLS, isAllowedExternal } from './policy';
import { openSecretStore } from './session/secret-store';
import type { KeytarLike } from './session/secret-store';
import type { DemoCloud } from './session/demo-session';
import { createSessionService } from './session/session';
import type { SessionService } from './session/session';
import { openSettings } from './session/settings';
import type { SettingsStore } from './session/settings';
import { createAppThumbnails } from './thumbnails/compose';
import { createWatchService } from './watch/service';
import type { AppWatchService } from './watch/service';
import type { ApplyLoginItem, Notifier } from './watch/types';
import { createWyzeClient } from './wyze/client';
import type { BaseUrls } from './wyze/config';
import { wyzeError } from './wyze/errors';

export interface AppServicesOptions {
  userDataDir: string;
  keychainService: string;
  baseUrls: BaseUrls;
  appVersion: string;
  logger: Logger;
  /** Which senders may use IPC (the app's own origin). */
  isTrustedSender: (sender: SenderInfo) => boolean;
  /** Opens an allow-listed https URL in the user's browser (Electron: shell.openExternal). */
  openUrl: (url: string) => Promise<void>;
  fetch?: typeof fetch;
  /** undefined: load @github/keytar; null: no keychain. */
  keytar?: KeytarLike | null;
  scheduler?: Scheduler;
  /** The event poll's timer (main/events/poller.ts), apart from the list's so tests drive each. */
  eventScheduler?: Scheduler;
  startDemoCloud?: () => Promise<DemoCloud>;
  /** Where an export goes (main/export/save-file.ts); by default a download in the page. */
  saveFile?: SaveFile;
  /** Where a live view snapshot goes (main/live/snapshot.ts); by default a download in the page. */
  saveSnapshotFile?: SaveSnapshotFile;
  /** Shows camera notifications (Electron: main/notifier.ts); none in the preview. */
  notifier?: Notifier;
  /** Opens the app at login (Electron's login item); absent: the preference is only stored. */
  applyLoginItem?: ApplyLoginItem;
  /** Development and tests only: the offline-notification delay in ms (main/watch/dev-env.ts). */
  offlineAfterMs?: number | null;
}

/**
 * The composition root shared by the Electron main process and the browser preview host: the
 * same client, session, inventory and IPC handler table, whichever transport carries them.
 */
export async function createAppServices(opts: AppServicesOptions) {
  const { logger } = opts;
  // The cached list is read and checked while settings and the keychain answer: a relaunch paints
  // it without waiting for them (scripts/README.md, "Relaunch: where the time went").
  const cache = openCameraCache(opts.userDataDir);
  cache.prefetch();
  const settings = await openSettings(opts.userDataDir, { logger });
  const session = await openSession(opts, settings);
  // Set just below: the inventory asks it whether to keep refreshing while hidden.
  let watch: AppWatchService | null = null;
  const inventory = createInventory({
    session,
    cache,
    logger,
    scheduler: opts.scheduler,
    firstPaintGraceMs: FIRST_PAINT_GRACE_MS,
    // The user's refresh interval (Settings), kept with the view preferences.
    intervalMs: settings.viewPrefs().refreshIntervalSec * 1000,
    refreshWhileHidden: () => watch?.keepsWatching() ?? false,
  });
  // Keeping watch: status history, notifications, watch preferences (main/watch/). Made before
  // session.init() so it hears the first sign-in of this run.
  const watchService = await createWatchService({
    userDataDir: opts.userDataDir,
    logger,
    session,
    inventory,
    notifier: opts.notifier,
    applyLoginItem: opts.applyLoginItem,
    saveFile: opts.saveFile,
    scheduler: opts.scheduler,
    offlineAfterMs: opts.offlineAfterMs,
  });
  watch = watchService;
  const thumbnails = createAppThumbnails({
    userDataDir: opts.userDataDir,
    fetch: opts.fetch ?? fetch,
    logger,
    baseUrls: opts.baseUrls,
    session,
    inventory,
  });
  // Camera events: the list, their pictures and clips, and the poll (main/events/).
  const events = createAppEvents({
    userDataDir: opts.userDataDir,
    fetch: opts.fetch ?? fetch,
    logger,
    baseUrls: opts.baseUrls,
    session,
    cameras: () => inventory.view().devices,
    watch: watchService,
    intervalMs: () => settings.viewPrefs().refreshIntervalSec * 1000,
    scheduler: opts.eventScheduler,
  });
  const live = createLiveService({
    session,
    cameras: () => inventory.view().devices,
    baseUrls: opts.baseUrls,
    logger,
    saveSnapshotFile: opts.saveSnapshotFile,
  });
  const router = createIpcRouter({
    handlers: createHandlers({
      session,
      inventory: shownByWindows(inventory, watchService, events),
      settings,
      openExternal: guardedOpener(opts.openUrl),
      saveFile: opts.saveFile,
      logger,
      live,
      watch: watchService,
      events: events.service,
    }),
    isTrustedSender: opts.isTrustedSender,
    logger,
  });

  await session.init();
  void inventory.start();
  events.poller.start();

  return {
    session,
    inventory,
    /** Cameras' latest pictures, served to the page by the app:// handler or the preview host. */
    thumbnails,
    router,
    settings,
    /** Live view's sessions: the Electron layer ends them when the window closes. */
    live,
    /** Event pictures and clips, served to the page by the app:// handler or the preview host. */
    eventMedia: events.media,
    /** Keeping watch: the tray and the notifier use it (main/watch/types.ts). */
    watch: watchService,
    /**
     * Forwards main-process changes to one renderer (or one preview event stream); returns an
     * unsubscribe function. Camera lists go as a snapshot first, then as deltas against what this
     * subscriber was sent (main/cameras/delta.ts).
     */
    subscribe(
      send: <E extends EventChannel>(event: E, payload: EventPayloads[E]) => void,
    ): () => void {
      const offSession = session.onChange((view) => send(EVENTS.sessionChanged, view));
      const offCameras = inventory.onChange(
        cameraEventStream((event) => send(EVENTS.camerasChanged, event)),
      );
      const offLive = live.onEvent((event) => send(EVENTS.live, event));
      const offWatch = watchService.onEvent((event) => send(EVENTS.watch, event));
      return () => {
        offSession();
        offCameras();
        offLive();
        offWatch();
      };
    },
    async shutdown(): Promise<void> {
      live.endAll('stopped'); // every signalling socket closes before the process goes
      inventory.stop();
      events.poller.stop();
      watchService.stop(); // no notification waits on, nor comes, while the app quits
      // A list shown a moment ago may still be on its way to disk: the next launch shows it.
      await inventory.flushed();
      await watchService.flushed();
      await session.shutdown();
      // A preference changed a moment ago (the theme, say) may still be on its way to disk.
      await settings.flushed();
    },
  };
}

export type AppServices = Awaited<ReturnType<typeof createAppServices>>;

/**
 * How long a relaunch's refresh waits for a window to show the cached list before it starts
 * anyway (e.g. the window is hidden).
 */
const FIRST_PAINT_GRACE_MS = 3_000;

/**
 * The inventory as the IPC handlers see it: a window's first report that it is visible ends the
 * first-paint wait (the renderer sends it once the list is painted: renderer/store/events.ts);
 * and sign-out's wait for the inventory to settle also waits for the history to be deleted
 * (docs/security.md, S26), so the page hears "signed out" only once it is gone from disk.
 */
function shownByWindows(
  inventory: Inventory,
  watch: AppWatchService,
  events: AppEvents,
): Inventory {
  return {
    ...inventory,
    // The event pictures and clips are deleted too (docs/security.md, S27).
    settled: () =>
      inventory
        .settled()
        .then(() => watch.settled())
        .then(() => events.settled()),
    setVisible: (visible) => {
      inventory.setVisible(visible);
      events.poller.setVisible(visible);
      if (visible) inventory.listShown();
    },
  };
}

/** The session over the keychain (or memory), with Wyze clients that carry this app's identity. */
async function openSession(
  opts: AppServicesOptions,
  settings: SettingsStore,
): Promise<SessionService> {
  const { logger } = opts;
  const secrets = await openSecretStore({
    service: opts.keychainService,
    logger,
    keytar: opts.keytar,
  });
  return createSessionService({
    secrets,
    settings,
    logger,
    baseUrls: opts.baseUrls,
    startDemoCloud: opts.startDemoCloud ?? startDemoCloud,
    createClient: ({ baseUrls, onTokens, onSessionExpired }) =>
      createWyzeClient({
        baseUrls,
        phoneId: settings.get().phoneId,
        appVersion: opts.appVersion,
        logger,
        fetch: opts.fetch,
        onTokens,
        onSessionExpired,
      }),
  });
}

/** The single guarded call site for opening links (security S5). */
function guardedOpener(openUrl: (url: string) => Promise<void>) {
  return async (target: ExternalTarget): Promise<void> => {
    const url = EXTERNAL_URLS[target];
    if (!isAllowedExternal(url)) throw wyzeError('INVALID_ARGUMENT');
    await openUrl(url);
  };
}
