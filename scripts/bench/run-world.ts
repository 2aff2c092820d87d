/**
 * One world of `npm run bench`: for each run, a cold sign-in (then, on that page, the heap,
 * scrolling and search), a relaunch with the stored session, and the static page of the same rows.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from '@playwright/test';
import { startEmulator } from '../../emulator/server';
import type { DeviceDto } from '../../common/view';
import type { WorldInput } from '../../emulator/world';
import { createLogger } from '../../main/logging/logger';
import { startPreviewHost } from '../../preview/host';
import type { PreviewHost } from '../../preview/host';
import { measureFreshRelaunches } from './fresh-relaunch';
import { measureScroll, measureSearch, measureTyping } from './interactions';
import type { ScrollFigures, SearchFigures, TypingFigures } from './interactions';
import {
  epochNow,
  fillSignIn,
  firstRowAt,
  heapUsed,
  lastClickAt,
  longestTaskSince,
  newPage,
  paintTimes,
  quiet,
  requestTimes,
  until,
  settled,
  timeOrigin,
} from './page';
import type { BenchGlobal } from './page';
import {
  firstScreenAsStaticPage,
  serveStaticPage,
  staticPage,
  writeBuiltStylesheet,
} from './static-page';

export interface BenchOptions {
  runs: number;
  /** The built renderer and bridge (a folder ending in `/`, with renderer/ and preview/). */
  distDir: string;
  /** When set, a CPU profile of the host process for each relaunch is written here. */
  cpuProfileDir: string | null;
  /** Whether to look for the search box at all (see the bench's README section). */
  search: boolean;
  /**
   * The repository root, to relaunch with the host in a process of its own (`preview/cli.ts`,
   * which serves the repository's dist/); null: not measured.
   */
  freshHostRoot: string | null;
}

export interface RelaunchFigures {
  /** Host start → first row painted (Node clock): what a user waits for after launching. */
  totalMs: number;
  /** Page navigation → first row painted. */
  navigationMs: number;
  /** Host start → host ready (session, keychain, settings). */
  hostMs: number;
  /** Since navigation: the app's script, the session and the camera-list answers. */
  requests: Record<string, number | null>;
  cloudRequests: number;
}

export interface WorldFigures {
  name: string;
  persistence: string;
  cold: { cloudRequests: number; ms: number }[];
  relaunch: RelaunchFigures[];
  /**
   * Relaunches with the host in a fresh process, as a desktop relaunch starts a fresh main:
   * navigation → first row painted (empty when not measured).
   */
  freshRelaunch: number[];
  /** The static page of every camera: navigation → painted, and goto → painted (Node clock). */
  staticPage: { navigationMs: number; totalMs: number }[];
  staticRows: number;
  /** The same static page served over loopback HTTP: navigation → painted. */
  staticHttp: number[];
  /**
   * The relaunch's own page as a static file: the HTML the host served, first screen and all, with
   * no script (`firstScreenAsStaticPage`): navigation → painted.
   */
  firstScreenFile: number[];
  /** The static page scrolled like the list: the same rows with no script (and no virtualiser). */
  staticScroll: ScrollFigures[];
  /** Typing the search's keystrokes into the static page's box (no script behind it). */
  staticTyping: TypingFigures[];
  heapBytes: number[];
  /** Cold sign-in: the longest task from the first row painted until the list has settled. */
  blockedAfterFirstRow: number[];
  scroll: ScrollFigures[];
  /** null: no search box on the page. */
  search: SearchFigures[] | null;
  /** The same keystrokes as real key presses, timed by the browser (Event Timing). */
  typing: TypingFigures[];
}

/** Profiles this process (the host and the emulator run in it) while `work` runs. */
async function profiled<T>(file: string | null, work: () => Promise<T>): Promise<T> {
  if (!file) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

/** Measures one world: `opts.runs` cold sign-ins and relaunches, then the static page. */
export async function measureWorld(
  browser: Browser,
  name: string,
  world: string | WorldInput,
  opts: BenchOptions,
): Promise<WorldFigures> {
  const emulator = await startEmulator({ world });
  const profile = mkdtempSync(join(tmpdir(), 'wyzecam-bench-'));
  const keychainService = `Wyzecam Bench ${process.pid} ${name}`;
  const host = (): Promise<PreviewHost> =>
    startPreviewHost({
      baseUrls: { auth: emulator.url, api: emulator.url },
      userDataDir: profile,
      keychainService,
      logger: createLogger({ sink: () => undefined }),
      appVersion: 'bench',
      distDir: opts.distDir,
    });
  const figures: WorldFigures = {
    name,
    persistence: '',
    cold: [],
    relaunch: [],
    freshRelaunch: [],
    staticPage: [],
    staticRows: 0,
    staticHttp: [],
    firstScreenFile: [],
    staticScroll: [],
    staticTyping: [],
    heapBytes: [],
    blockedAfterFirstRow: [],
    scroll: [],
    search: opts.search ? [] : null,
    typing: [],
  };
  let devices: readonly DeviceDto[] = [];
  /** The page the last relaunch was served, with its first screen, read once it was timed. */
  let served = '';
  try {
    for (let run = 0; run < opts.runs; run++) {
      // Cold: signed out; sign in through the form; count until the first row is painted.
      let h = await host();
      let { context, page } = await newPage(browser);
      await page.goto(h.url);
      await fillSignIn(page);
      await quiet();
      const before = emulator.state.requestTotal();
      // Only this click counts: none before it may stand in for it.
      await page.evaluate(() => {
        (globalThis as unknown as BenchGlobal).__bench.lastClick = null;
      });
      await page.getByRole('button', { name: 'Sign in' }).click();
      const painted = await firstRowAt(page);
      figures.cold.push({
        cloudRequests: emulator.state.requestTotal() - before,
        ms: painted - (await lastClickAt(page)),
      });
      await settled(page);
      figures.blockedAfterFirstRow.push(await longestTaskSince(page, painted));
      figures.persistence = h.services.session.view().persistence;
      devices = h.services.inventory.view().devices;
      const cdp = await context.newCDPSession(page);
      figures.heapBytes.push(await heapUsed(cdp));
      figures.scroll.push(await measureScroll(page));
      if (figures.search) {
        const search = await measureSearch(page);
        if (search) figures.search.push(search);
        else figures.search = null;
        const typing = search ? await measureTyping(page) : null;
        if (typing) figures.typing.push(typing);
        // The search is kept for the relaunch: wait until the emptied box is what main saved.
        await until(
          () => h.services.settings.viewPrefs().search === '',
          10_000,
          'main did not save the emptied search',
        );
      }
      await context.close();
      await h.close();
      // Relaunch: a new host on the same profile and keychain, with the stored session and list.
      ({ context, page } = await newPage(browser));
      await quiet();
      const beforeRelaunch = emulator.state.requestTotal();
      const cpuProfile = opts.cpuProfileDir
        ? join(opts.cpuProfileDir, `relaunch-${name.split(' ')[0]}-${run + 1}.cpuprofile`)
        : null;
      figures.relaunch.push(
        await profiled(cpuProfile, async () => {
          const pageProfile = cpuProfile ? await context.newCDPSession(page) : null;
          await pageProfile?.send('Profiler.enable');
          await pageProfile?.send('Profiler.start');
          const startedAt = epochNow();
          h = await host();
          const hostMs = epochNow() - startedAt;
          const response = await page.goto(h.url);
          const navigationMs = await firstRowAt(page);
          served = (await response?.text()) ?? '';
          const cloudRequests = emulator.state.requestTotal() - beforeRelaunch;
          if (pageProfile && cpuProfile) {
            const { profile } = await pageProfile.send('Profiler.stop');
            writeFileSync(
              cpuProfile.replace(/\.cpuprofile$/, '-page.cpuprofile'),
              JSON.stringify(profile),
            );
          }
          const paintedAt = (await timeOrigin(page)) + navigationMs;
          return {
            totalMs: paintedAt - startedAt,
            navigationMs,
            hostMs,
            requests: await requestTimes(page),
            cloudRequests,
          };
        }),
      );
      await h.services.inventory.settled();
      await h.services.session.signOut();
      await h.services.inventory.settled();
      await context.close();
      await h.close();
    }

    if (opts.freshHostRoot) {
      figures.freshRelaunch = await measureFreshRelaunches({
        root: opts.freshHostRoot,
        runs: opts.runs,
        cloudUrl: emulator.url,
        userDataDir: profile,
        keychainService,
        host,
        browser,
      });
    }

    // The same rows as a static page, served as a file, in the same browser.
    const css = writeBuiltStylesheet(opts.distDir, join(profile, 'style.css'));
    const staticFile = join(profile, 'static.html');
    writeFileSync(staticFile, staticPage(devices, css));
    figures.staticRows = devices.filter((d) => d.isCamera).length;
    for (let run = 0; run < opts.runs; run++) {
      const { context, page } = await newPage(browser);
      await quiet();
      const startedAt = epochNow();
      await page.goto(`file://${staticFile}`);
      const navigationMs = await firstRowAt(page);
      const paintedAt = (await timeOrigin(page)) + navigationMs;
      figures.staticPage.push({ navigationMs, totalMs: paintedAt - startedAt });
      figures.staticScroll.push(await measureScroll(page));
      const typing = await measureTyping(page);
      if (typing) figures.staticTyping.push(typing);
      await context.close();
    }
    // The relaunch's own page as a static file (none measured when it had no first screen).
    const ownPage = firstScreenAsStaticPage(served);
    if (ownPage) {
      const ownFile = join(profile, 'first-screen.html');
      writeFileSync(ownFile, ownPage);
      figures.firstScreenFile = await paintTimes(browser, pathToFileURL(ownFile).href, opts.runs);
    }
    // And the static page over loopback HTTP, as the preview host serves the app.
    const server = await serveStaticPage(staticPage(devices, 'style.css'), css);
    try {
      figures.staticHttp = await paintTimes(browser, server.url, opts.runs);
    } finally {
      await server.close();
    }
    return figures;
  } finally {
    await emulator.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
