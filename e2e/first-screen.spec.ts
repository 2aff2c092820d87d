import type { Page } from '@playwright/test';
import { cameraRow, cameraTable, expect, keptPrefs, signIn, test } from './fixtures';
import type { AppHandle } from './fixtures';

/**
 * The first screen written into the page (docs/first-screen.md): with a stored session, the
 * cached list is in index.html itself, so it is there before any of the app's script has run, and
 * the app then takes those very rows over (React hydration) rather than drawing them again.
 */

/** Recorded by the page at DOMContentLoaded, before the app has had any answer from main. */
interface AtLoad {
  firstRow: string | null;
  theme: string | null;
  /** Whether the search bar and the header's buttons were hidden (until React handles them). */
  controlsHidden: boolean;
  /** The app chunk's preload link: not there with a first screen (its app runs after the paint). */
  appChunkPreloaded: boolean;
}

declare global {
  interface Window {
    __atLoad?: AtLoad;
    __loadedRow?: Element | null;
  }
}

/** From the next page load on: what the document held when it was parsed. */
async function recordAtLoad(page: Page): Promise<void> {
  await page.context().addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const row = document.querySelector('#root tbody tr[aria-rowindex="2"]');
      window.__loadedRow = row;
      const controls = [
        ...document.querySelectorAll('#root [role="search"], #root .app-header button'),
      ];
      window.__atLoad = {
        firstRow: row?.querySelector('th')?.textContent ?? null,
        theme: document.documentElement.getAttribute('data-theme'),
        controlsHidden:
          controls.length > 0 &&
          controls.every((control) => getComputedStyle(control).visibility === 'hidden'),
        appChunkPreloaded:
          document.querySelector('link[rel="modulepreload"][data-app-chunk]') !== null,
      };
    });
  });
}

/**
 * Waits until the emulator has had no request for half a second: main's calls after sign-in are
 * done. A list that changes between the page written and the app taking it over is drawn afresh,
 * by design (renderer/start.tsx); on a busy machine those calls could land just there.
 */
async function cloudQuiet(app: AppHandle): Promise<void> {
  let last = -1;
  await expect
    .poll(
      () => {
        const now = app.emulator.state.requestTotal();
        const same = now === last;
        last = now;
        return same;
      },
      { intervals: [500], timeout: 15_000 },
    )
    .toBe(true);
}

/** Once the app answers the keyboard (its effects have run), whether it kept the parsed rows. */
async function takenOver(page: Page): Promise<{ atLoad: AtLoad | null; kept: boolean }> {
  await expect(cameraTable(page)).toBeVisible();
  const search = page.getByRole('searchbox', { name: 'Search cameras' });
  await expect(async () => {
    await page.locator('body').press('/');
    await expect(search).toBeFocused({ timeout: 500 });
  }).toPass();
  return page.evaluate(() => ({
    atLoad: window.__atLoad ?? null,
    kept: window.__loadedRow?.isConnected === true,
  }));
}

test('a reload shows the list from the page itself, and the app takes those rows over', async ({
  launch,
}) => {
  const app = await launch();
  const { page } = app;
  await signIn(page);
  await expect(cameraRow(page, 'Front Door')).toHaveCount(1);
  await cloudQuiet(app);
  await recordAtLoad(page);
  await page.reload();
  const { atLoad, kept } = await takenOver(page);
  expect(atLoad?.firstRow).toMatch(/\S/);
  expect(kept).toBe(true);
  // The controls showed only once the app could answer them, and they are there now.
  expect(atLoad?.controlsHidden).toBe(true);
  // The app's chunk was not fetched with the page: its loader fetched it after the paint.
  expect(atLoad?.appChunkPreloaded).toBe(false);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  // It is the app, working: a search narrows the very rows that were in the page.
  await page.getByRole('searchbox', { name: 'Search cameras' }).fill('Front Door');
  await expect(page.getByText(/^1 of \d+ cameras/)).toBeVisible();
});

test('a relaunch paints the cached list before any script, in the chosen theme', async ({
  launch,
  transport,
}) => {
  test.skip(
    transport === 'electron',
    'a relaunch starts a new Electron app, which takes no init script before its first page',
  );
  const app = await launch();
  await signIn(app.page);
  await expect(cameraTable(app.page)).toBeVisible();
  await app.page.getByRole('button', { name: 'Settings' }).click();
  await app.page
    .getByRole('dialog', { name: 'Settings' })
    .getByRole('radio', { name: 'Dark' })
    .check();
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(async () => (await keptPrefs(app.page))?.theme).toBe('dark');
  await app.page.keyboard.press('Escape');
  // A slow cloud: what the relaunch shows can only be the cached list.
  app.emulator.state.setFaults([
    { kind: 'latency', ms: 4000, path: '/app/v2/home_page/get_object_list' },
  ]);
  await recordAtLoad(app.page);
  await app.relaunch();
  const { atLoad, kept } = await takenOver(app.page);
  expect(atLoad).toEqual({
    firstRow: expect.stringMatching(/\S/) as unknown,
    theme: 'dark',
    controlsHidden: true,
    appChunkPreloaded: false,
  });
  await expect(app.page.getByRole('button', { name: 'Refresh' })).toBeVisible();
  expect(kept).toBe(true);
  await expect(app.page.getByText('may be out of date')).toBeVisible();
});

test('signed out, the page carries no camera and draws the sign-in form itself', async ({
  launch,
}) => {
  const app = await launch();
  const { page } = app;
  await signIn(page);
  await expect(cameraTable(page)).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Wyze' })).toBeVisible();
  await recordAtLoad(page);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in to Wyze' })).toBeVisible();
  const atLoad = await page.evaluate(() => window.__atLoad ?? null);
  expect(atLoad?.firstRow ?? null).toBeNull();
  // A page with no first screen runs its app at once, with the chunk fetched beside the entry.
  expect(atLoad?.appChunkPreloaded).toBe(true);
});

test('the preview serves the first screen only to the page that has the launch secret', async ({
  launch,
  transport,
}) => {
  test.skip(transport === 'electron', 'the app:// scheme is served to the app’s own window only');
  const app = await launch();
  const { page } = app;
  await signIn(page);
  await expect(cameraRow(page, 'Front Door')).toHaveCount(1);
  const withSecret = new URL(page.url());
  const withoutSecret = new URL('/', withSecret);
  const wrongSecret = new URL('/?launch=guess', withSecret);
  expect(await (await page.request.get(withSecret.href)).text()).toContain('Front Door');
  for (const url of [withoutSecret, wrongSecret]) {
    const body = await (await page.request.get(url.href)).text();
    expect(body).toContain('<div id="root"></div>');
    expect(body).not.toContain('Front Door');
  }
});
