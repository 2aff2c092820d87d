import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../main/logging/logger';
import { mimeType, pageAndPolicy, resolveStaticPath } from '../main/protocol';
import { isTrustedSender } from '../main/policy';
import { createAppServices } from '../main/services';
import type { AppServices } from '../main/services';
import type { KeytarLike } from '../main/session/secret-store';
import { THUMBNAIL_PATH_PREFIX, thumbnailReply } from '../main/thumbnails/route';
import { eventMediaReply } from '../main/events/route';
import { readCappedText } from '../common/capped-text';
import { EVENT_MEDIA_PATH_PREFIX } from '../common/camera-events';
import type { BaseUrls } from '../main/wyze/config';
import { wyzeError } from '../main/wyze/errors';
import {
  createFirstScreen,
  DEFAULT_FIRST_SCREEN_HEIGHT,
  loadFirstScreenRenderer,
} from '../main/first-screen';
import {
  bodyCapOf,
  decodeChannel,
  parseTarget,
  sameSecret,
  SECURITY_HEADERS,
  withBridge,
} from './requests';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

export interface PreviewHostOptions {
  baseUrls: BaseUrls;
  userDataDir: string;
  keychainService: string;
  logger: Logger;
  appVersion: string;
  port?: number;
  keytar?: KeytarLike | null;
  /** Where the built renderer and bridge are (default: dist/). */
  distDir?: string;
  /** WYZECAM_OFFLINE_AFTER_MS: the offline-notification delay in ms (main/watch/dev-env.ts). */
  offlineAfterMs?: number | null;
}

export interface PreviewHost {
  /**
   * The page to open, with the per-launch secret in its query (index.html then carries the first
   * screen: main/first-screen.ts) and in its hash (the bridge reads it there).
   */
  url: string;
  services: AppServices;
  close(): Promise<void>;
}

/**
 * The browser host: the same main-process services and IPC handler table as the desktop app,
 * served to the same renderer over loopback. Development and testing only; never packaged.
 */
export async function startPreviewHost(opts: PreviewHostOptions): Promise<PreviewHost> {
  const dist = opts.distDir ?? DIST;
  const secret = randomBytes(24).toString('base64url');
  // The first screen's renderer loads while the services start (main/first-screen.ts).
  const renderer = loadFirstScreenRenderer(`${dist}server/index.mjs`, opts.logger);
  let origin = '';
  /** The Host values this server answers to: the address it listens on, by IP or by name. */
  let allowedHosts = new Set<string>();
  /** Open event streams, each with its unsubscribe. */
  const streams = new Map<ServerResponse, () => void>();
  const services = await createAppServices({
    userDataDir: opts.userDataDir,
    keychainService: opts.keychainService,
    baseUrls: opts.baseUrls,
    appVersion: opts.appVersion,
    logger: opts.logger,
    keytar: opts.keytar,
    offlineAfterMs: opts.offlineAfterMs,
    isTrustedSender: (sender) =>
      isTrustedSender([...allowedHosts].map((host) => ({ protocol: 'http:', host })))(sender),
    openUrl: async (url) => {
      opts.logger.info('the app would open this page in the browser', { url });
    },
  });

  const firstScreen = createFirstScreen({
    router: services.router,
    cachedListShown: () => services.inventory.cachedListShown(),
    get sender() {
      return { url: `${origin}/`, isMainFrame: true };
    },
    renderer,
    // The browser's window is not known here: rows for a tall one (extra rows cost little).
    height: () => DEFAULT_FIRST_SCREEN_HEIGHT,
    logger: opts.logger,
  });

  /**
   * A file of the built renderer. index.html gets the preview's bridge, and, when the request
   * carries the launch secret (`?launch=`, as the URL this host opens does), the first screen
   * (main/first-screen.ts): without the secret any local process could read the camera list
   * from it.
   */
  async function serveFile(res: ServerResponse, url: URL): Promise<void> {
    const { pathname } = url;
    const file = resolveStaticPath(pathname, dist + 'renderer');
    const bridge = pathname === '/__preview/bridge.js' ? `${dist}preview/bridge.js` : null;
    const target = bridge ?? file;
    if (!target) {
      res.writeHead(404, SECURITY_HEADERS).end('Not found');
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(target);
    } catch {
      res.writeHead(404, SECURITY_HEADERS).end('Not found');
      return;
    }
    const headers = { ...SECURITY_HEADERS, 'content-type': mimeType(target) };
    if (target.endsWith('index.html')) {
      const launched = sameSecret(url.searchParams.get('launch') ?? '', secret);
      const served = await pageAndPolicy(
        withBridge(body.toString('utf8')),
        launched ? (page) => firstScreen.page(page) : null,
      );
      headers['content-security-policy'] = served.csp;
      body = Buffer.from(served.page);
    }
    res.writeHead(200, headers).end(body);
  }

  /**
   * A camera's picture, as app://wyzecam/thumbnails/… serves it in the desktop app. An <img>
   * cannot carry the launch secret, so another site's page is refused by the browser's own
   * Sec-Fetch-Site (when sent, it must be same-origin) on top of the Host check.
   */
  async function servePicture(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') {
      res.writeHead(403, SECURITY_HEADERS).end();
      return;
    }
    const reply = await thumbnailReply(services.thumbnails, url.pathname, url.search);
    res.writeHead(reply.status, { ...SECURITY_HEADERS, ...reply.headers }).end(reply.body);
  }

  /**
   * An event's picture or clip, as app://wyzecam/event-media/… serves it in the desktop app
   * (docs/security.md, S27): the same Sec-Fetch-Site check as pictures; one byte range when a
   * <video> asks for it.
   */
  async function serveEventMedia(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
  ): Promise<void> {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') {
      res.writeHead(403, SECURITY_HEADERS).end();
      return;
    }
    const reply = await eventMediaReply(services.eventMedia, url.pathname, req.headers.range);
    res.writeHead(reply.status, { ...SECURITY_HEADERS, ...reply.headers }).end(reply.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = parseTarget(req.url, origin);
    // Refuse any Host but the address we listen on, so a DNS-rebinding page cannot reach the
    // host; an absolute-form target (`GET http://evil/`) must name that address too.
    const host = (req.headers.host ?? '').toLowerCase();
    if (!url || !allowedHosts.has(host) || !allowedHosts.has(url.host)) {
      res.writeHead(421).end();
      return;
    }
    if (url.pathname === '/__events') {
      if (!sameSecret(url.searchParams.get('launch') ?? '', secret)) {
        res.writeHead(403).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(': connected\n\n');
      // One subscription per stream: each gets a camera snapshot first, then deltas against
      // what it was sent, so a reconnected page starts from a whole list again.
      const unsubscribe = services.subscribe((event, payload) => {
        res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
      });
      streams.set(res, unsubscribe);
      req.on('close', () => {
        unsubscribe();
        streams.delete(res);
      });
      return;
    }
    if (url.pathname.startsWith('/__ipc/')) {
      const ok =
        req.method === 'POST' &&
        sameSecret(String(req.headers['x-wyze-launch'] ?? ''), secret) &&
        req.headers['content-type'] === 'application/json';
      const channel = decodeChannel(url.pathname.slice('/__ipc/'.length));
      const text = ok ? await readCappedText(req, bodyCapOf(channel)) : null;
      if (!ok || text === null) {
        res.writeHead(403).end();
        return;
      }
      let arg: unknown;
      try {
        arg = (JSON.parse(text) as { arg?: unknown } | null)?.arg;
      } catch {
        arg = Symbol('unparseable');
      }
      const result =
        channel === null
          ? { ok: false, error: wyzeError('INVALID_ARGUMENT').toDto() }
          : await services.router.dispatch(
              { url: req.headers.origin ?? null, isMainFrame: true },
              channel,
              arg,
            );
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(result));
      return;
    }
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    if (url.pathname.startsWith(THUMBNAIL_PATH_PREFIX)) {
      await servePicture(req, res, url);
      return;
    }
    if (url.pathname.startsWith(EVENT_MEDIA_PATH_PREFIX)) {
      await serveEventMedia(req, res, url);
      return;
    }
    await serveFile(res, url);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      opts.logger.error('preview host request failed', { err });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  // The page is opened next: its first screen is rendered now, not on its request (the calls it
  // is drawn from are made as the page, so only once the address is known).
  firstScreen.prepare();
  return {
    url: `${origin}/?launch=${secret}#launch=${secret}`,
    services,
    async close() {
      for (const [stream, unsubscribe] of streams) {
        unsubscribe();
        stream.end();
      }
      await services.shutdown();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
