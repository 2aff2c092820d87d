import type { SessionView } from '../../common/view';
import type { Scheduler } from '../cameras/refresh-pace';
import type { Logger } from '../logging/logger';
import { isLoopbackHost } from '../thumbnails/policy';
import type { WatchService } from '../watch/types';
import type { WyzeClient } from '../wyze/client';
import type { BaseUrls } from '../wyze/config';
import { createEventMedia } from './media';
import type { EventMedia } from './media';
import { createEventPoller } from './poller';
import type { EventPoller } from './poller';
import { createEventsService } from './service';
import type { EventCamera } from './service';
import type { EventsService } from './types';

export interface AppEventsOptions {
  userDataDir: string;
  fetch: typeof fetch;
  logger: Logger;
  baseUrls: BaseUrls;
  session: {
    view(): SessionView;
    onChange(listener: (view: SessionView) => void): () => void;
    client(): Pick<WyzeClient, 'getEventList' | 'rateLimitStatus'>;
  };
  cameras: () => readonly EventCamera[];
  watch: Pick<WatchService, 'state' | 'setLastEvents' | 'onEvent'>;
  /** The user's refresh interval in ms (the poll never runs under a minute). */
  intervalMs: () => number;
  scheduler?: Scheduler;
}

export interface AppEvents {
  service: EventsService;
  /** Event pictures and clips, served by the app:// handler or the preview host. */
  media: EventMedia;
  poller: EventPoller;
  /** Resolves once a sign-out's deletion of the media cache is done. */
  settled(): Promise<void>;
}

/** Whose session a view is (the demo is an account of its own); null when not signed in. */
const accountOf = (view: SessionView): string | null =>
  view.status === 'signedIn'
    ? `${view.demo ? 'demo' : 'cloud'}:${(view.email ?? '').toLowerCase()}`
    : null;

const isLoopbackUrl = (url: string): boolean =>
  URL.canParse(url) && isLoopbackHost(new URL(url).hostname);

/**
 * Camera events as the app composes them (docs/protocol.md, "Events"): the list service, the
 * media store (loopback allowed only while the cloud itself is on loopback, as for thumbnails),
 * and the poller; on sign-out the media cache is deleted and the URLs forgotten
 * (docs/security.md, S27).
 */
export function createAppEvents(opts: AppEventsOptions): AppEvents {
  const media = createEventMedia({
    userDataDir: opts.userDataDir,
    fetch: opts.fetch,
    logger: opts.logger,
    allowLoopback: () => opts.session.view().demo || isLoopbackUrl(opts.baseUrls.api),
  });
  const events = createEventsService({ session: opts.session, cameras: opts.cameras, media });
  const poller = createEventPoller({
    session: opts.session,
    newest: events.newest,
    watch: opts.watch,
    intervalMs: opts.intervalMs,
    logger: opts.logger,
    scheduler: opts.scheduler,
  });
  // The keep-watching preference can start or stop the poll while the window is hidden.
  opts.watch.onEvent((event) => {
    if (event.kind === 'state') poller.prefsChanged();
  });
  let clearing: Promise<void> = Promise.resolve();
  const clear = () => {
    clearing = media.clear().catch((err: unknown) => {
      opts.logger.warn('could not delete the event media cache', { err });
    });
  };
  let last = opts.session.view().status;
  let account = accountOf(opts.session.view());
  opts.session.onChange((view) => {
    const wasSignedOut = last === 'signedOut';
    last = view.status;
    if (view.status === 'signedOut' && !wasSignedOut) clear();
    if (view.status !== 'signedIn') return;
    // Another account signed in without a sign-out between (after an expired session): the
    // account before's URLs and files go as a sign-out's would (docs/security.md, S27).
    const now = accountOf(view);
    if (account !== null && now !== account) clear();
    account = now;
  });
  return { service: { list: events.list }, media, poller, settled: () => clearing };
}
