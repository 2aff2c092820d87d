import { pathToFileURL } from 'node:url';
import { CHANNELS } from '../common/channels';
import type { CamerasEvent } from '../common/camera-delta';
import type { ViewPrefs } from '../common/prefs';
import type { Result } from '../common/result';
import type { SessionView } from '../common/view';
import {
  APP_CHUNK_ATTRIBUTE,
  FIRST_SCREEN_ATTRIBUTE,
  MAX_FIRST_SCREEN_HEIGHT,
  MIN_FIRST_SCREEN_HEIGHT,
  stateDigest,
} from '../common/first-screen';
import type { FirstScreenInput, FirstScreenMark } from '../common/first-screen';
import type { IpcRouter, SenderInfo } from './ipc/router';
import type { Logger } from './logging/logger';

/**
 * The first screen written into index.html (docs/first-screen.md). On a start with a stored
 * session, main renders the camera list's first screen with the app's own components (the server
 * build of renderer/server.tsx) and writes it into the page it serves, so the cached list is
 * painted before any of the app's script has run; the page then takes that markup over.
 *
 * Whatever goes wrong (no renderer build, a render that fails or is slow, a page without its
 * #root), the page is served as it is and draws its first screen itself, as it always could.
 */

/** A first screen: the markup for #root and the mark the page takes it over with. */
type Screen = { html: string; mark: FirstScreenMark };

/** What the server build exports (renderer/server.tsx). */
export interface FirstScreenRenderer {
  renderFirstScreen(input: FirstScreenInput, signal?: AbortSignal): Promise<Screen | null>;
}

/** Loads the server build; null (and a log line) when it is missing or not one. */
export async function loadFirstScreenRenderer(
  file: string,
  logger: Logger,
): Promise<FirstScreenRenderer | null> {
  try {
    const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<
      string,
      unknown
    >;
    const render = module.renderFirstScreen;
    if (typeof render !== 'function') throw new Error('no renderFirstScreen export');
    return {
      renderFirstScreen: (input, signal) =>
        (render as FirstScreenRenderer['renderFirstScreen'])(input, signal),
    };
  } catch (err) {
    logger.warn('the first screen will be drawn by the page: its renderer did not load', { err });
    return null;
  }
}

/**
 * The longest a page waits for its first screen before it is served without one: a slow start
 * (a slow keychain, a large cache) is not made slower by more than this.
 */
export const FIRST_SCREEN_TIMEOUT_MS = 800;

/**
 * How long a first screen rendered ahead of the page's request (`prepare`) may wait for it: its
 * "Updated … ago" and the mark's moment are from when it was rendered.
 */
export const PREPARED_MAX_AGE_MS = 2_000;

/** The height used when the window's is not known (the browser preview): a tall screen's. */
export const DEFAULT_FIRST_SCREEN_HEIGHT = 1_080;

const ROOT = '<div id="root"></div>';
const HTML_TAG = '<html lang="en">';

const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The link that fetches the app chunk with the page (vite.config.ts, preloadApp). */
const APP_CHUNK_PRELOAD = new RegExp(
  `[ \\t]*<link\\b[^>]*\\s${APP_CHUNK_ATTRIBUTE}(?=[\\s>=])[^>]*>\\n?`,
  'g',
);

/**
 * index.html with the first screen in #root, its mark on #root and the theme on <html> (so the
 * first paint is already in the right colours); unchanged when the page has no empty #root.
 *
 * Without the app chunk's modulepreload link: a page with a first screen runs the app once that
 * screen is painted (renderer/main.ts), and the chunk (React DOM most of it), preloaded with the
 * page, was fetched and compiled while the screen was being painted, on the same cores. The app's
 * loader fetches it after the paint instead (docs/first-screen.md, "The app's chunk after the
 * paint"). The bundler's runtime it imports keeps its link: a few hundred bytes, there when the
 * chunk asks for it.
 */
export function withFirstScreen(page: string, screen: Screen, theme: ViewPrefs['theme']): string {
  if (!page.includes(ROOT)) return page;
  const mark = escapeAttribute(JSON.stringify(screen.mark));
  const root = `<div id="root" ${FIRST_SCREEN_ATTRIBUTE}="${mark}">${screen.html}</div>`;
  return page
    .replace(HTML_TAG, `<html lang="en" data-theme="${escapeAttribute(theme)}">`)
    .replace(APP_CHUNK_PRELOAD, '')
    .replace(ROOT, () => root);
}

const clampHeight = (height: number): number =>
  Number.isFinite(height)
    ? Math.round(Math.min(MAX_FIRST_SCREEN_HEIGHT, Math.max(MIN_FIRST_SCREEN_HEIGHT, height)))
    : DEFAULT_FIRST_SCREEN_HEIGHT;

export interface FirstScreenOptions {
  /** The IPC handler table: the first screen shows exactly what the page's first calls answer. */
  router: Pick<IpcRouter, 'dispatch'>;
  /** Resolves once a relaunch's cached list is in the inventory (main/cameras/inventory.ts). */
  cachedListShown(): Promise<void>;
  /** The page the calls are made as (the app's own main frame). */
  sender: SenderInfo;
  renderer: Promise<FirstScreenRenderer | null>;
  /** The height of the window the page will be shown in, in CSS pixels. */
  height(): number;
  logger: Logger;
  timeoutMs?: number;
  now?: () => number;
}

/** What a first screen is drawn from: the page's own first calls' answers. */
interface Drawn {
  session: SessionView;
  viewPrefs: ViewPrefs;
  cameras: CamerasEvent;
}

/** Serves index.html with the first screen in it when there is one to show (see above). */
export function createFirstScreen(opts: FirstScreenOptions) {
  const now = opts.now ?? Date.now;
  const timeoutMs = opts.timeoutMs ?? FIRST_SCREEN_TIMEOUT_MS;
  /**
   * A first screen being rendered ahead of the page's request, for the next request to take:
   * `adopt` puts it under that request's deadline instead of its own.
   */
  let prepared: { screen: Promise<Screen | null>; adopt(signal: AbortSignal): void } | null = null;

  async function ask<T>(channel: string): Promise<T | null> {
    const result = (await opts.router.dispatch(opts.sender, channel, undefined)) as Result<T>;
    return result.ok ? result.value : null;
  }

  /** The page's first calls' answers, when they make a first screen; null otherwise. */
  async function drawnFrom(): Promise<Drawn | null> {
    const session = await ask<SessionView>(CHANNELS.getSession);
    // Only a signed-in start shows the list; the sign-in screen is quick to draw.
    if (session?.status !== 'signedIn') return null;
    await opts.cachedListShown();
    const [viewPrefs, cameras] = await Promise.all([
      ask<ViewPrefs>(CHANNELS.getViewPrefs),
      ask<CamerasEvent>(CHANNELS.getCameras),
    ]);
    // The pictures view is drawn by the page (its grid is laid out from the window's width).
    if (!viewPrefs || !cameras || viewPrefs.mode !== 'table') return null;
    return { session, viewPrefs, cameras };
  }

  async function draw(state: Drawn, signal: AbortSignal): Promise<Screen | null> {
    const renderer = await opts.renderer;
    if (!renderer || signal.aborted) return null;
    return renderer.renderFirstScreen(
      { ...state, height: clampHeight(opts.height()), now: now() },
      signal,
    );
  }

  /** Whether `screen` shows `state` at the window's height, and is recent enough to serve. */
  const shows = (screen: Screen, state: Drawn): boolean =>
    state.cameras.kind === 'snapshot' &&
    screen.mark.revision === state.cameras.revision &&
    screen.mark.digest === stateDigest(state.session, state.viewPrefs) &&
    screen.mark.height === clampHeight(opts.height()) &&
    now() - screen.mark.renderedAt <= PREPARED_MAX_AGE_MS;

  async function render(page: string, signal: AbortSignal): Promise<string> {
    const early = prepared;
    prepared = null;
    // From now on the page's deadline is the one it has: it waits for no render that its own
    // would have outlived.
    early?.adopt(signal);
    const state = await drawnFrom();
    if (!state || signal.aborted) return page;
    const ready = early ? await early.screen : null;
    const screen = ready && shows(ready, state) ? ready : await draw(state, signal);
    return screen && !signal.aborted ? withFirstScreen(page, screen, state.viewPrefs.theme) : page;
  }

  return {
    /** `page` (index.html's text) with the first screen in it, or as it is. Never rejects. */
    async page(page: string): Promise<string> {
      const controller = new AbortController();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<string>((resolve) => {
        timer = setTimeout(() => {
          controller.abort();
          opts.logger.warn('the first screen took too long: the page draws it');
          resolve(page);
        }, timeoutMs);
      });
      try {
        return await Promise.race([render(page, controller.signal), timeout]);
      } catch (err) {
        opts.logger.warn('the first screen could not be rendered: the page draws it', { err });
        return page;
      } finally {
        clearTimeout(timer);
      }
    },
    /**
     * Renders the first screen now, ahead of the page's request, which takes it when it still
     * shows what the first calls answer (else it renders its own). A fresh main renders its first
     * one several times slower than the next (scripts/README.md, "The thirteenth pass"), so the
     * desktop app and the preview call this while the window is being opened. Never rejects.
     */
    prepare(): void {
      const controller = new AbortController();
      // Not taken by a page within the usual limit: it stops (a start that shows no window).
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      const screen = drawnFrom()
        .then((state) => (state ? draw(state, controller.signal) : null))
        .catch((err: unknown) => {
          opts.logger.warn('the first screen could not be rendered ahead', { err });
          return null;
        })
        .finally(() => clearTimeout(timer));
      prepared = {
        screen,
        adopt(signal) {
          clearTimeout(timer);
          if (signal.aborted) controller.abort();
          else signal.addEventListener('abort', () => controller.abort(), { once: true });
        },
      };
    },
  };
}

export type FirstScreen = ReturnType<typeof createFirstScreen>;
