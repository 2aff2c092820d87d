import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from './app-protocol';
import type { AppProtocolOptions } from './app-protocol';
import type { FirstScreen } from './first-screen';
import { CSP, styleHashSource } from './protocol';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'wyzecam-app-protocol-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<div id="root"></div>');
  writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
const MP4 = Buffer.from([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70, 1, 2, 3, 4, 5, 6, 7, 8]);

/** The services' two media sources, answering for one camera and one event. */
const services: ReturnType<AppProtocolOptions['services']> = {
  thumbnails: {
    picture: async (mac) => (mac === 'CAM1' ? { type: 'image/jpeg', bytes: JPEG } : null),
  },
  eventMedia: {
    get: async (id, part) =>
      id === 'ev1' && part === 'clip' ? { type: 'video/mp4', bytes: MP4 } : null,
  },
};

function handler(opts: Partial<AppProtocolOptions> = {}) {
  return createAppProtocolHandler({
    rendererDir: root,
    indexHtml: join(root, 'index.html'),
    services: () => services,
    firstScreen: () => null,
    ...opts,
  });
}

const get = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });

describe('the app:// handler (docs/security.md, S7, S8, S27)', () => {
  it('serves the built renderer with its type and the CSP', async () => {
    const page = await handler()(get('app://wyzecam/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(await page.text()).toBe('<div id="root"></div>');
    const script = await handler()(get('app://wyzecam/assets/app.js'));
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('writes the first screen into index.html only', async () => {
    const pages: string[] = [];
    const firstScreen = {
      page: async (html: string) => {
        pages.push(html);
        return `${html}<!-- rows -->`;
      },
    } as FirstScreen;
    const serve = handler({ firstScreen: () => firstScreen });
    expect(await (await serve(get('app://wyzecam/index.html'))).text()).toBe(
      '<div id="root"></div><!-- rows -->',
    );
    expect(await (await serve(get('app://wyzecam/assets/app.js'))).text()).toBe('export {};');
    expect(pages).toEqual(['<div id="root"></div>']);
  });

  it("allows the page's own stylesheet by its hash, and nothing a first screen writes", async () => {
    const sheet = 'body{color:red}';
    writeFileSync(join(root, 'index.html'), `<style>${sheet}</style><div id="root"></div>`);
    const firstScreen = {
      page: async (html: string) => html.replace('</div>', '<style>body{color:blue}</style></div>'),
    } as FirstScreen;
    const page = await handler({ firstScreen: () => firstScreen })(get('app://wyzecam/'));
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`style-src 'self' ${styleHashSource(sheet)};`);
    expect(csp).not.toContain(styleHashSource('body{color:blue}'));
    expect(await page.text()).toContain('body{color:blue}');
    const script = await handler()(get('app://wyzecam/assets/app.js'));
    expect(script.headers.get('content-security-policy')).toBe(CSP);
  });

  it('asks for the services and the first screen at each request, not when it is made', async () => {
    // main/index.ts registers the handler before either exists, and sets them once they do.
    let started: ReturnType<AppProtocolOptions['services']> = null;
    let firstScreen: FirstScreen | null = null;
    const serve = handler({ services: () => started, firstScreen: () => firstScreen });
    expect((await serve(get('app://wyzecam/thumbnails/CAM1.jpg'))).status).toBe(404);
    started = services;
    firstScreen = { page: async (html: string) => `${html}<!-- rows -->` } as FirstScreen;
    expect((await serve(get('app://wyzecam/thumbnails/CAM1.jpg'))).status).toBe(200);
    expect(await (await serve(get('app://wyzecam/'))).text()).toContain('<!-- rows -->');
  });

  it.each([
    'app://wyzecam/missing.js',
    'app://wyzecam/assets/%2e%2e%2f%2e%2e%2fsecret',
    'app://other/index.html',
  ])('answers %s with a 404', async (url) => {
    expect((await handler()(get(url))).status).toBe(404);
  });

  it("serves a camera's picture from main, and a 404 for one it has not", async () => {
    const picture = await handler()(get('app://wyzecam/thumbnails/CAM1.jpg?t=1'));
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/jpeg');
    expect(picture.headers.get('content-security-policy')).toBe(CSP);
    expect(Buffer.from(await picture.arrayBuffer())).toEqual(JPEG);
    expect((await handler()(get('app://wyzecam/thumbnails/CAM2.jpg'))).status).toBe(404);
  });

  it("serves an event's clip, one byte range of it when asked", async () => {
    const part = await handler()(
      get('app://wyzecam/event-media/ev1/clip.mp4', { range: 'bytes=4-7' }),
    );
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 4-7/${MP4.length}`);
    expect(Buffer.from(await part.arrayBuffer()).toString('latin1')).toBe('ftyp');
    expect(part.headers.get('content-security-policy')).toBe(CSP);
  });

  it('has no pictures or event files before the services have started', async () => {
    const early = handler({ services: () => null });
    expect((await early(get('app://wyzecam/thumbnails/CAM1.jpg'))).status).toBe(404);
    expect((await early(get('app://wyzecam/event-media/ev1/clip.mp4'))).status).toBe(404);
  });
});
