import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../common/channels';
import { stateDigest } from '../common/first-screen';
import type { FirstScreenInput } from '../common/first-screen';
import { defaultViewPrefs } from '../common/prefs';
import type { ViewPrefs } from '../common/prefs';
import { emptyCameraList } from '../common/view';
import type { SessionView } from '../common/view';
import {
  createFirstScreen,
  DEFAULT_FIRST_SCREEN_HEIGHT,
  loadFirstScreenRenderer,
  PREPARED_MAX_AGE_MS,
  withFirstScreen,
} from './first-screen';
import type { FirstScreenRenderer } from './first-screen';
import { createLogger } from './logging/logger';
import type { LogRecord } from './logging/logger';

const PAGE =
  '<!doctype html>\n<html lang="en">\n<head><title>t</title></head>\n<body>\n<div id="root"></div>\n<script type="module" src="./main.js"></script>\n</body>\n</html>';

/** PAGE as vite builds it: the entry, the stylesheet, the app chunk's marked preload link. */
const BUILT = PAGE.replace(
  '</head>',
  '    <script type="module" crossorigin src="./assets/index-a.js"></script>\n' +
    '    <style>body{margin:0}</style>\n' +
    '    <link rel="modulepreload" crossorigin href="./assets/app-c.js" data-app-chunk>\n' +
    '    <link rel="modulepreload" crossorigin href="./assets/runtime-d.js">\n' +
    // Not the app chunk: only the attribute marks it.
    '    <link rel="modulepreload" crossorigin href="./assets/app-chunk-e.js">\n' +
    '  </head>',
);

const session = (status: SessionView['status'] = 'signedIn'): SessionView => ({
  status,
  email: 'a@example.com',
  demo: false,
  persistence: 'keychain',
  hasStoredApiKey: true,
  mfa: null,
  error: null,
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const MARK = { revision: 7, height: 900, renderedAt: 1_000, locale: 'en-US', digest: '0badf00d' };

function setUp(
  opts: {
    status?: SessionView['status'];
    prefs?: Partial<ViewPrefs>;
    renderer?: FirstScreenRenderer | null;
    cachedListShown?: () => Promise<void>;
    height?: number;
    timeoutMs?: number;
  } = {},
) {
  const logs: LogRecord[] = [];
  const asked: string[] = [];
  const rendered: FirstScreenInput[] = [];
  const renderer: FirstScreenRenderer | null =
    opts.renderer === undefined
      ? {
          renderFirstScreen: (input) => {
            rendered.push(input);
            return Promise.resolve({ html: '<main>Front Door $& $1</main>', mark: MARK });
          },
        }
      : opts.renderer;
  const answers: Record<string, unknown> = {
    [CHANNELS.getSession]: session(opts.status),
    [CHANNELS.getViewPrefs]: { ...defaultViewPrefs(), ...opts.prefs },
    [CHANNELS.getCameras]: { kind: 'snapshot', revision: 7, list: emptyCameraList() },
  };
  const screen = createFirstScreen({
    router: {
      dispatch: (sender, channel) => {
        expect(sender).toEqual({ url: 'app://wyzecam/index.html', isMainFrame: true });
        asked.push(channel);
        return Promise.resolve({ ok: true, value: answers[channel] });
      },
    },
    cachedListShown: opts.cachedListShown ?? (() => Promise.resolve()),
    sender: { url: 'app://wyzecam/index.html', isMainFrame: true },
    renderer: Promise.resolve(renderer),
    height: () => opts.height ?? 900,
    logger: createLogger({ sink: (entry) => logs.push(entry) }),
    timeoutMs: opts.timeoutMs,
    now: () => 1_000,
  });
  return { screen, logs, asked, rendered };
}

describe('withFirstScreen', () => {
  it('writes the markup into #root, its mark on it and the theme on <html>', () => {
    const page = withFirstScreen(PAGE, { html: '<p>rows</p>', mark: MARK }, 'dark');
    expect(page).toContain('<html lang="en" data-theme="dark">');
    expect(page).toContain(
      '<div id="root" data-first-screen="{&quot;revision&quot;:7,&quot;height&quot;:900,&quot;renderedAt&quot;:1000,&quot;locale&quot;:&quot;en-US&quot;,&quot;digest&quot;:&quot;0badf00d&quot;}"><p>rows</p></div>',
    );
    expect(page).toContain('<script type="module" src="./main.js"></script>');
  });

  it("drops the app chunk's modulepreload link (the app runs after the paint) and keeps the rest", () => {
    const page = withFirstScreen(BUILT, { html: '<p>rows</p>', mark: MARK }, 'light');
    expect(page).not.toContain('app-c.js');
    expect(page).toContain(
      '    <script type="module" crossorigin src="./assets/index-a.js"></script>\n' +
        '    <style>body{margin:0}</style>\n' +
        '    <link rel="modulepreload" crossorigin href="./assets/runtime-d.js">\n' +
        '    <link rel="modulepreload" crossorigin href="./assets/app-chunk-e.js">\n' +
        '  </head>',
    );
  });

  it.each([
    ['data-app-chunk', 'the attribute last'],
    ['data-app-chunk=""', 'with an empty value'],
  ])('finds the link marked %s (%s) wherever it stands', (attribute) => {
    const link = `<link ${attribute} rel="modulepreload" href="./assets/app-c.js">`;
    const page = withFirstScreen(
      PAGE.replace('</head>', `${link}</head>`),
      { html: '<p>rows</p>', mark: MARK },
      'light',
    );
    expect(page).not.toContain('app-c.js');
  });

  it('takes the markup as it is: no replacement pattern in it is expanded', () => {
    const page = withFirstScreen(PAGE, { html: "<p>$& $' $`</p>", mark: MARK }, 'system');
    expect(page).toContain("<p>$& $' $`</p>");
  });

  it('leaves a page without an empty #root alone', () => {
    const other = PAGE.replace('<div id="root"></div>', '<div id="root">x</div>');
    expect(withFirstScreen(other, { html: '<p>rows</p>', mark: MARK }, 'light')).toBe(other);
  });
});

describe('createFirstScreen', () => {
  it('renders a signed-in start from the first calls, once the cached list is in', async () => {
    let shown = false;
    const { screen, rendered } = setUp({
      cachedListShown: async () => {
        await Promise.resolve();
        shown = true;
      },
      height: 1234.6,
    });
    const page = await screen.page(BUILT);
    expect(shown).toBe(true);
    expect(page).toContain('data-first-screen=');
    expect(page).not.toContain('data-app-chunk');
    expect(page).toContain('<main>Front Door $& $1</main>');
    expect(rendered).toHaveLength(1);
    expect(rendered[0]).toMatchObject({ height: 1235, now: 1_000, cameras: { revision: 7 } });
  });

  it.each(['signedOut', 'starting', 'mfa', 'expired', 'signingIn'] as const)(
    'serves the page as it is when the session is %s (nothing to show before signing in)',
    async (status) => {
      const { screen, rendered, asked } = setUp({ status });
      // All of it, the app chunk's preload link too: this page runs its app at once.
      expect(await screen.page(BUILT)).toBe(BUILT);
      expect(rendered).toHaveLength(0);
      expect(asked).toEqual([CHANNELS.getSession]);
    },
  );

  it('leaves the pictures view to the page', async () => {
    const { screen, rendered } = setUp({ prefs: { mode: 'pictures' } });
    expect(await screen.page(PAGE)).toBe(PAGE);
    expect(rendered).toHaveLength(0);
  });

  it('keeps the height within what a window can be', async () => {
    const small = setUp({ height: 3 });
    await small.screen.page(PAGE);
    expect(small.rendered[0]?.height).toBe(200);
    const odd = setUp({ height: Number.NaN });
    await odd.screen.page(PAGE);
    expect(odd.rendered[0]?.height).toBe(DEFAULT_FIRST_SCREEN_HEIGHT);
  });

  it('serves the page as it is without a renderer, or when it draws nothing', async () => {
    expect(await setUp({ renderer: null }).screen.page(PAGE)).toBe(PAGE);
    const none = setUp({ renderer: { renderFirstScreen: () => Promise.resolve(null) } });
    expect(await none.screen.page(PAGE)).toBe(PAGE);
  });

  it('serves the page as it is, and logs, when the render fails', async () => {
    const { screen, logs } = setUp({
      renderer: { renderFirstScreen: () => Promise.reject(new Error('boom')) },
    });
    expect(await screen.page(PAGE)).toBe(PAGE);
    expect(logs.map((l) => l.message)).toContain(
      'the first screen could not be rendered: the page draws it',
    );
  });

  it('does not hold the page back for a slow render: it is served as it is, and the render told to stop', async () => {
    let signal: AbortSignal | undefined;
    const { screen, logs } = setUp({
      timeoutMs: 20,
      renderer: {
        renderFirstScreen: (_input, s) => {
          signal = s;
          return new Promise(() => undefined);
        },
      },
    });
    expect(await screen.page(PAGE)).toBe(PAGE);
    expect(signal?.aborted).toBe(true);
    expect(logs.map((l) => l.message)).toContain(
      'the first screen took too long: the page draws it',
    );
  });

  it('does not hold the page back for a cached list that never comes', async () => {
    const { screen, rendered } = setUp({
      timeoutMs: 20,
      cachedListShown: () => new Promise(() => undefined),
    });
    expect(await screen.page(PAGE)).toBe(PAGE);
    expect(rendered).toHaveLength(0);
  });
});

describe('createFirstScreen: rendered ahead of the page (prepare)', () => {
  /** A main whose answers, clock and window height the test moves; marks as the renderer's. */
  function world(
    opts: { timeoutMs?: number; listAfterMs?: number; renderMs?: number; delta?: boolean } = {},
  ) {
    const state = { revision: 7, theme: 'system' as ViewPrefs['theme'], height: 900, now: 1_000 };
    const signals: AbortSignal[] = [];
    const rendered: FirstScreenInput[] = [];
    const logs: LogRecord[] = [];
    let fail = false;
    const screen = createFirstScreen({
      router: {
        dispatch: (_sender, channel) => {
          const answers: Record<string, unknown> = {
            [CHANNELS.getSession]: session(),
            [CHANNELS.getViewPrefs]: { ...defaultViewPrefs(), theme: state.theme },
            [CHANNELS.getCameras]: opts.delta
              ? { kind: 'delta', base: 6, revision: state.revision, changed: [], removed: [] }
              : { kind: 'snapshot', revision: state.revision, list: emptyCameraList() },
          };
          return Promise.resolve({ ok: true, value: answers[channel] });
        },
      },
      cachedListShown: () => sleep(opts.listAfterMs ?? 0),
      sender: { url: 'app://wyzecam/index.html', isMainFrame: true },
      renderer: Promise.resolve({
        renderFirstScreen: async (input: FirstScreenInput, signal?: AbortSignal) => {
          if (fail) throw new Error('boom');
          if (signal) signals.push(signal);
          await sleep(opts.renderMs ?? 0);
          // As React's prerender: a render told to stop draws nothing.
          if (signal?.aborted) return null;
          rendered.push(input);
          const revision = input.cameras.revision;
          return {
            html: `<main>revision ${revision}</main>`,
            mark: {
              revision,
              height: input.height,
              renderedAt: input.now,
              locale: 'en-US',
              digest: stateDigest(input.session, input.viewPrefs),
            },
          };
        },
      }),
      height: () => state.height,
      logger: createLogger({ sink: (entry) => logs.push(entry) }),
      timeoutMs: opts.timeoutMs,
      now: () => state.now,
    });
    return { screen, state, rendered, signals, logs, failNext: () => (fail = true) };
  }

  it("is the page's first screen when nothing it shows has changed: rendered once", async () => {
    const { screen, rendered } = world();
    screen.prepare();
    const page = await screen.page(PAGE);
    expect(page).toContain('<main>revision 7</main>');
    expect(rendered).toHaveLength(1);
  });

  it('taken by a page while it renders: it is under the page’s deadline, not its own', async () => {
    // A slow start: the cached list comes late, and the render takes a while. Prepared at 0 ms
    // with a 600 ms limit, its render (400–700 ms) would stop at 600; the page, asked at 250 ms,
    // may wait until 850 ms.
    const { screen, rendered } = world({ timeoutMs: 600, listAfterMs: 400, renderMs: 300 });
    screen.prepare();
    await sleep(250);
    const page = await screen.page(PAGE);
    expect(page).toContain('<main>revision 7</main>');
    expect(rendered).toHaveLength(1);
  });

  it('taken by no page: it stops at its own limit', async () => {
    const { screen, signals } = world({ timeoutMs: 50, renderMs: 200 });
    screen.prepare();
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    await vi.waitFor(() => expect(signals[0]?.aborted).toBe(true));
  });

  it('is not served for a list the page gets as a change, not whole', async () => {
    const { screen, rendered } = world({ delta: true });
    screen.prepare();
    await vi.waitFor(() => expect(rendered).toHaveLength(1));
    await screen.page(PAGE);
    expect(rendered).toHaveLength(2);
  });

  it.each([
    ['the list changed', (s: { revision: number }) => (s.revision = 8)],
    ['the preferences changed', (s: { theme: ViewPrefs['theme'] }) => (s.theme = 'dark')],
    ['the window is another height', (s: { height: number }) => (s.height = 700)],
    ['it is too old', (s: { now: number }) => (s.now += PREPARED_MAX_AGE_MS + 1)],
  ])('is not served when %s: the page gets one rendered for it', async (_what, change) => {
    const { screen, state, rendered } = world();
    screen.prepare();
    await vi.waitFor(() => expect(rendered).toHaveLength(1));
    change(state);
    const page = await screen.page(PAGE);
    expect(rendered).toHaveLength(2);
    expect(page).toContain(`<main>revision ${state.revision}</main>`);
    expect(page).toContain(`&quot;height&quot;:${state.height}`);
    expect(page).toContain(`<html lang="en" data-theme="${state.theme}">`);
  });

  it('is served once: a later page gets its own', async () => {
    const { screen, rendered } = world();
    screen.prepare();
    await screen.page(PAGE);
    await screen.page(PAGE);
    expect(rendered).toHaveLength(2);
  });

  it('that failed: the page gets one rendered for it, and the failure is logged', async () => {
    const { screen, rendered, logs, failNext } = world();
    failNext();
    screen.prepare();
    const early = logs.length;
    expect(await screen.page(PAGE)).toBe(PAGE);
    expect(rendered).toHaveLength(0);
    expect(logs.slice(early).map((l) => l.message)).toContain(
      'the first screen could not be rendered ahead',
    );
  });
});

describe('loadFirstScreenRenderer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wyzecam-first-screen-'));

  it('loads a build that exports renderFirstScreen', async () => {
    const file = join(dir, 'good.mjs');
    writeFileSync(
      file,
      'export const renderFirstScreen = async (input) => ({ html: `<b>${input.height}</b>`, mark: null });',
    );
    const renderer = await loadFirstScreenRenderer(file, createLogger({ sink: () => undefined }));
    const out = await renderer?.renderFirstScreen({ height: 321 } as FirstScreenInput);
    expect(out?.html).toBe('<b>321</b>');
  });

  it.each([
    ['a missing build', 'missing.mjs', null],
    ['a build without the export', 'other.mjs', 'export const something = 1;'],
    ['a broken build', 'broken.mjs', 'export const = ;'],
  ])('gives null for %s, and logs why', async (_what, name, text) => {
    const file = join(dir, name);
    if (text !== null) writeFileSync(file, text);
    const logs: LogRecord[] = [];
    const renderer = await loadFirstScreenRenderer(
      file,
      createLogger({ sink: (entry) => logs.push(entry) }),
    );
    expect(renderer).toBeNull();
    expect(logs[0]?.message).toBe(
      'the first screen will be drawn by the page: its renderer did not load',
    );
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));
});
