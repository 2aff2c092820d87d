import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { THUMBNAIL_DIR, cacheFileName } from '../main/thumbnails/cache';
import type { WorldInput } from '../emulator/world';
import {
  DEMO_WORLD,
  cameraRow,
  cameraTable,
  expect,
  screenshot,
  showAllRows,
  signIn,
  test,
} from './fixtures';

/** The button that opens a camera's details: its name in the table. */
const opener = (page: Page, name: string) =>
  cameraRow(page, name).getByRole('button', { name, exact: true });

const details = (page: Page, name: string) => page.getByRole('region', { name: `${name} details` });

/** The value the details list gives for a label (the <dd> after its <dt>). */
const valueOf = (pane: Locator, label: string) =>
  pane
    .locator('dt', { hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');

/** Resolves once the image has loaded, with its natural width (0 when it failed). */
const naturalWidth = (img: Locator) =>
  img.evaluate(async (el: HTMLImageElement) => {
    if (!el.complete) {
      await new Promise((resolve) => {
        el.addEventListener('load', resolve, { once: true });
        el.addEventListener('error', resolve, { once: true });
      });
    }
    return el.naturalWidth;
  });

/** Every picture reaches the page from the app's own origin, never from the cloud. */
async function expectOwnOrigin(page: Page, img: Locator): Promise<void> {
  const src = await img.evaluate((el: HTMLImageElement) => el.currentSrc);
  const origin = await page.evaluate(() => location.origin);
  expect(src.startsWith(`${origin}/thumbnails/`)).toBe(true);
}

test('details open by click and by keyboard, follow the arrows, and Esc returns to the row', async ({
  launch,
}) => {
  const { page } = await launch();
  await signIn(page);
  await expect(cameraRow(page, 'Front Door')).toHaveCount(1);

  await opener(page, 'Front Door').click();
  const front = details(page, 'Front Door');
  await expect(front).toBeVisible();
  await expect(valueOf(front, 'MAC')).toHaveText('2CAA8E4F1A01');
  await expect(valueOf(front, 'Model')).toHaveText(/\(HL_DB2\)$/);
  await expect(valueOf(front, 'Wi-Fi network')).toHaveText('Maple House');
  await expect(valueOf(front, 'IP address')).toHaveText('192.168.1.21');
  const picture = front.getByRole('img', { name: 'Latest picture from Front Door' });
  expect(await naturalWidth(picture)).toBeGreaterThan(0);
  await expectOwnOrigin(page, picture);
  await expect(front.getByText(/^Taken /)).toBeVisible();
  // The pre-signed cloud URL is a credential: it never reaches the page.
  expect(await page.content()).not.toContain('X-Amz-Signature');
  await screenshot(page, 'details-pane');

  // Arrow Down moves to the next camera of the list as shown.
  const names = (await cameraTable(page).getByRole('rowheader').allInnerTexts()).map(
    (n) => n.split('\n')[0] ?? '',
  );
  const next = names[names.indexOf('Front Door') + 1] ?? '';
  await page.keyboard.press('ArrowDown');
  await expect(details(page, next)).toBeVisible();
  await page.keyboard.press('ArrowUp');
  await expect(front).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(front).toHaveCount(0);
  await expect(cameraRow(page, 'Front Door')).toBeFocused();

  // By keyboard: Enter on a row opens its details. Porch (a Wyze Cam OG) reports no IP.
  await cameraRow(page, 'Porch').focus();
  await page.keyboard.press('Enter');
  const porch = details(page, 'Porch');
  await expect(porch).toBeVisible();
  await expect(valueOf(porch, 'IP address')).toHaveText('Not reported');
  await page.keyboard.press('Escape');

  // A camera behind a base station names it.
  await opener(page, 'Side Gate').click();
  const gate = details(page, 'Side Gate');
  await expect(valueOf(gate, 'Base station')).toHaveText('Outdoor Base');
  await expect(valueOf(gate, 'Battery')).toHaveText('76%');
  // A camera the cloud lists no picture for says so.
  await opener(page, 'Workshop').click();
  await expect(details(page, 'Workshop').getByText('No picture yet')).toBeVisible();
});

test('the pictures view shows a picture per camera, each from the app itself', async ({
  launch,
}) => {
  const { page } = await launch();
  await signIn(page);
  await expect(cameraTable(page)).toBeVisible();
  await page
    .getByRole('group', { name: 'Show cameras as' })
    .getByRole('button', { name: 'Pictures' })
    .click();
  const grid = page.getByRole('list', { name: 'Camera pictures' });
  await expect(grid).toBeVisible();
  const world = JSON.parse(readFileSync(DEMO_WORLD, 'utf8')) as WorldInput;
  const cameras = (world.accounts[0]?.devices ?? []).filter(
    (d) => (d.productType ?? 'Camera') === 'Camera',
  );
  await expect(grid.getByRole('listitem')).toHaveCount(cameras.length);
  const withPictures = cameras.filter((c) => c.thumbnail);
  const pictures = grid.getByRole('img', { name: /^Latest picture from / });
  await expect(pictures).toHaveCount(withPictures.length);
  for (let i = 0; i < withPictures.length; i++) {
    const img = pictures.nth(i);
    await img.scrollIntoViewIfNeeded();
    expect(await naturalWidth(img), (await img.getAttribute('alt')) ?? '').toBeGreaterThan(0);
    await expectOwnOrigin(page, img);
  }
  await expect(grid.getByText('No picture yet')).toHaveCount(cameras.length - withPictures.length);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'pictures-view');
  // The choice survives a reload.
  await page.reload();
  await expect(page.getByRole('list', { name: 'Camera pictures' })).toBeVisible();
});

test('sign-out deletes the pictures kept on disk', async ({ launch }) => {
  // A time taken that no other run uses, so the cached file found is this app's own.
  const takenAt = Date.now() - Math.floor(Math.random() * 1e9);
  const world = JSON.parse(readFileSync(DEMO_WORLD, 'utf8')) as WorldInput;
  const front = world.accounts[0]?.devices?.find((d) => d.mac === '2CAA8E4F1A01');
  if (!front) throw new Error('the demo world has no Front Door');
  front.thumbnail = { ts: takenAt };
  const { page } = await launch({ world });
  await signIn(page);
  await opener(page, 'Front Door').click();
  const picture = details(page, 'Front Door').getByRole('img', {
    name: 'Latest picture from Front Door',
  });
  expect(await naturalWidth(picture)).toBeGreaterThan(0);

  const file = cacheFileName('2CAA8E4F1A01', takenAt);
  const profiles = readdirSync(tmpdir()).filter((name) => name.startsWith('wyzecam-e2e-'));
  const cached = profiles
    .map((name) => join(tmpdir(), name, THUMBNAIL_DIR, file))
    .filter((path) => existsSync(path));
  expect(cached).toHaveLength(1);
  const cacheDir = join(cached[0] ?? '', '..');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect.poll(() => existsSync(cacheDir)).toBe(false);
});

test('the details pane and the pictures view pass axe-core in light and dark', async ({
  launch,
}) => {
  const { page } = await launch();
  await showAllRows(page);
  await signIn(page);
  await opener(page, 'Side Gate').click();
  await expect(details(page, 'Side Gate')).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const pane = await new AxeBuilder({ page }).include('.details-pane').analyze();
    expect(pane.violations, `details pane, ${colorScheme}`).toEqual([]);
  }
  await page
    .getByRole('group', { name: 'Show cameras as' })
    .getByRole('button', { name: 'Pictures' })
    .click();
  await expect(page.getByRole('list', { name: 'Camera pictures' })).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const grid = await new AxeBuilder({ page })
      .include('.pictures-grid')
      .include('.view-toggle')
      .analyze();
    expect(grid.violations, `pictures view, ${colorScheme}`).toEqual([]);
  }
  await screenshot(page, 'pictures-view-dark');
});

test('the demo account shows its pictures too (its cloud runs inside the app)', async ({
  launch,
}) => {
  const app = await launch();
  const { page } = app;
  await page.getByRole('button', { name: 'Explore with a demo account' }).click();
  await opener(page, 'Front Door').click();
  const picture = details(page, 'Front Door').getByRole('img', {
    name: 'Latest picture from Front Door',
  });
  expect(await naturalWidth(picture)).toBeGreaterThan(0);
  await expectOwnOrigin(page, picture);
  // Not the test's emulator: the demo's own, in the app.
  expect(app.emulator.state.requestCounts.size).toBe(0);
});
