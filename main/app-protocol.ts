import { readFile } from 'node:fs/promises';
import { eventMediaReply, eventMediaRequest } from './events/route';
import type { FirstScreen } from './first-screen';
import { CSP, mimeType, pageAndPolicy, resolveAppUrl } from './protocol';
import { thumbnailReply, thumbnailRequest } from './thumbnails/route';

export interface AppProtocolOptions {
  /** The built renderer's folder: every file the page loads, under app://wyzecam/. */
  rendererDir: string;
  /** Its index.html, served with the cached list's first screen in it (main/first-screen.ts). */
  indexHtml: string;
  /** The services, once started: until then there are no pictures or event files to serve. */
  services(): {
    thumbnails: Parameters<typeof thumbnailReply>[0];
    eventMedia: Parameters<typeof eventMediaReply>[0];
  } | null;
  /** What writes the first screen into index.html, once the services have started. */
  firstScreen(): FirstScreen | null;
}

/** A reply of main's media routes (pictures, event files) as a response, with the app's CSP. */
const withCsp = (reply: {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}): Response =>
  new Response(reply.body, {
    status: reply.status,
    headers: { ...reply.headers, 'content-security-policy': CSP },
  });

/**
 * The app:// handler (Electron's `protocol.handle`; main/index.ts registers it): the UI from the
 * built renderer with the app's CSP (the page with its own, pageAndPolicy) and no file://
 * (docs/security.md, S7), and cameras' pictures (S8) and event pictures and clips (S27), fetched
 * and checked by main, never by the page. A URL that is none of these, or a file that cannot be
 * read, is a 404.
 */
export function createAppProtocolHandler(
  opts: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const services = opts.services();
    const picture = thumbnailRequest(request.url);
    if (picture && services) {
      return withCsp(await thumbnailReply(services.thumbnails, picture.pathname, picture.search));
    }
    const mediaPath = eventMediaRequest(request.url);
    if (mediaPath && services) {
      return withCsp(
        await eventMediaReply(services.eventMedia, mediaPath, request.headers.get('range')),
      );
    }
    const file = resolveAppUrl(request.url, opts.rendererDir);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      let body: Buffer | string = await readFile(file);
      let csp = CSP;
      if (file === opts.indexHtml) {
        const firstScreen = opts.firstScreen();
        const write = firstScreen ? (page: string) => firstScreen.page(page) : null;
        ({ page: body, csp } = await pageAndPolicy(body.toString('utf8'), write));
      }
      return new Response(body, {
        headers: { 'content-type': mimeType(file), 'content-security-policy': csp },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
