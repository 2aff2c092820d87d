import type { SessionView } from '../../common/view';
import type { Logger } from '../logging/logger';
import type { BaseUrls } from '../wyze/config';
import { isLoopbackHost } from './policy';
import { createThumbnailService } from './service';
import type { ThumbnailService, ThumbnailSource } from './service';

export interface AppThumbnailsOptions {
  userDataDir: string;
  fetch: typeof fetch;
  logger: Logger;
  baseUrls: BaseUrls;
  session: {
    view(): SessionView;
    onChange(listener: (view: SessionView) => void): () => void;
  };
  inventory: { thumbnail(mac: string): ThumbnailSource | null };
}

const isLoopbackUrl = (url: string): boolean =>
  URL.canParse(url) && isLoopbackHost(new URL(url).hostname);

/**
 * The app's picture service: URLs from the inventory's last list; loopback allowed only while
 * the cloud itself is on loopback (the demo account, or a development override pointing at the
 * emulator), so the real cloud can never steer the app at a local service; and the cache
 * deleted on every sign-out.
 */
export function createAppThumbnails(opts: AppThumbnailsOptions): ThumbnailService {
  const service = createThumbnailService({
    userDataDir: opts.userDataDir,
    fetch: opts.fetch,
    logger: opts.logger,
    source: (mac) => opts.inventory.thumbnail(mac),
    allowLoopback: () => opts.session.view().demo || isLoopbackUrl(opts.baseUrls.api),
  });
  let last = opts.session.view().status;
  opts.session.onChange((view) => {
    const wasSignedOut = last === 'signedOut';
    last = view.status;
    if (view.status === 'signedOut' && !wasSignedOut) {
      service.clear().catch((err: unknown) => {
        opts.logger.warn('could not delete the picture cache', { err });
      });
    }
  });
  return service;
}
