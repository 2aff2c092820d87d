import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { refreshUntil, updateDevice } from './cloud-changes';
import { cameraRow, cameraTable, expect, screenshot, signIn, test } from './fixtures';

const DRIVEWAY = '2CAA8E4F1A02';
const BACKYARD = '7C78B2103B44';

/** A camera's status cell, when it reads `status`. */
const statusOf = (page: Page, name: string, status: RegExp) =>
  cameraRow(page, name).getByRole('cell', { name: status });

const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });
const activity = (page: Page) => page.getByRole('region', { name: 'Activity', exact: true });
/** The view's "N changes" line. */
const count = (view: Locator) => view.getByRole('status').filter({ hasText: /change/ });

/** The Activity view filtered to the notifications the app showed. */
async function showNotifications(page: Page) {
  await views(page).getByRole('button', { name: 'Activity' }).click();
  const view = activity(page);
  await view.getByRole('checkbox', { name: 'Notification' }).check();
  return view;
}

/** Launches with the offline-notification delay shortened (main/watch/dev-env.ts). */
async function launchWithDelay(
  launch: Parameters<Parameters<typeof test>[2]>[0]['launch'],
  ms: number,
) {
  const before = process.env.WYZECAM_OFFLINE_AFTER_MS;
  process.env.WYZECAM_OFFLINE_AFTER_MS = String(ms);
  try {
    return await launch();
  } finally {
    if (before === undefined) delete process.env.WYZECAM_OFFLINE_AFTER_MS;
    else process.env.WYZECAM_OFFLINE_AFTER_MS = before;
  }
}

test('a camera that stays offline is notified once: in Activity, and the list says so', async ({
  launch,
}) => {
  const { page, emulator } = await launchWithDelay(launch, 1500);
  await signIn(page);
  await expect(cameraTable(page)).toBeVisible();

  await updateDevice(emulator, DRIVEWAY, { online: false });
  await refreshUntil(page, statusOf(page, 'Driveway', /^Offline/));
  const banner = page.getByRole('status', { name: 'While you were away' });
  await expect(banner).toContainText('1 camera went offline while you were away: Driveway');

  const view = await showNotifications(page);
  const rows = view.getByRole('table').getByRole('row');
  await expect(count(view)).toHaveText('1 change matches these filters');
  await expect(rows).toHaveCount(2); // the header and the one notification
  await expect(rows.nth(1)).toContainText('Driveway went offline');
  // Visiting Activity was the user's look: back on the list, the banner is gone.
  await views(page).getByRole('button', { name: 'Cameras' }).click();
  await expect(cameraTable(page)).toBeVisible();
  await expect(banner).toBeHidden();

  // The change itself is listed too, and nothing else notified.
  await views(page).getByRole('button', { name: 'Activity' }).click();
  await view.getByRole('checkbox', { name: 'Notification' }).uncheck();
  await expect(view.getByRole('row', { name: /Driveway Went offline/ })).toHaveCount(1);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(page, `activity-${scheme}`);
  }
});

test('a camera back online before the delay is not notified (flapping)', async ({ launch }) => {
  test.slow(); // waits out one offline delay
  const delayMs = 10_000;
  const { page, emulator } = await launchWithDelay(launch, delayMs);
  await signIn(page);
  await expect(cameraTable(page)).toBeVisible();

  await updateDevice(emulator, DRIVEWAY, { online: false });
  await refreshUntil(page, statusOf(page, 'Driveway', /^Offline/));
  await updateDevice(emulator, DRIVEWAY, { online: true });
  // Back online well within the delay, or this test says nothing about flapping.
  await refreshUntil(page, statusOf(page, 'Driveway', /^Online$/), delayMs / 2);
  // Another camera that stays offline: its notification is due after the flapping one's would
  // have been, so once it is shown the flapping one has had its chance.
  await updateDevice(emulator, BACKYARD, { online: false });
  await refreshUntil(page, statusOf(page, 'Backyard', /^Offline/));

  const view = await showNotifications(page);
  await expect(view.getByRole('row', { name: /Backyard went offline/ })).toHaveCount(1, {
    timeout: 20_000,
  });
  await expect(count(view)).toHaveText('1 change matches these filters');
  await expect(view.getByRole('row', { name: /Driveway/ })).toHaveCount(0);
  // Both of Driveway's changes are in the history all the same.
  await view.getByRole('checkbox', { name: 'Notification' }).uncheck();
  await view.getByRole('combobox', { name: 'Camera' }).selectOption({ label: 'Driveway' });
  await expect(count(view)).toHaveText('2 changes match these filters');
});

test('sign-out deletes the history on disk', async ({ launch }) => {
  const { page, emulator } = await launchWithDelay(launch, 1500);
  await signIn(page);
  await expect(cameraTable(page)).toBeVisible();
  // A name no other run uses, so the history file found is this app's own.
  const name = `Drive ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  await updateDevice(emulator, DRIVEWAY, { nickname: name });
  await refreshUntil(page, cameraRow(page, name));
  await views(page).getByRole('button', { name: 'Activity' }).click();
  await expect(activity(page).getByRole('row', { name: new RegExp(`Renamed`) })).toHaveCount(1);

  const histories = readdirSync(tmpdir())
    .filter((dir) => dir.startsWith('wyzecam-e2e-'))
    .map((dir) => join(tmpdir(), dir, 'history.jsonl'))
    .filter((path) => existsSync(path) && readFileSync(path, 'utf8').includes(name));
  expect(histories).toHaveLength(1);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect.poll(() => existsSync(histories[0] ?? '')).toBe(false);
});
