import type { Page } from '@playwright/test';
import { cameraTable, expect, keptPrefs, screenshot, signIn, test } from './fixtures';

const settingsDialog = (page: Page) => page.getByRole('dialog', { name: 'Settings' });
const rootBackground = (page: Page) =>
  page.evaluate(
    () => getComputedStyle(document.body.parentElement ?? document.body).backgroundColor,
  );

test('Settings: theme, refresh interval and columns apply at once and survive a relaunch', async ({
  launch,
}) => {
  const app = await launch();
  let page = app.page;
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page);
  await expect(cameraTable(page)).toBeVisible();
  const light = await rootBackground(page);

  // Reached and opened from the keyboard.
  const settingsButton = page.getByRole('button', { name: 'Settings' });
  await settingsButton.focus();
  await page.keyboard.press('Enter');
  const dialog = settingsDialog(page);
  await expect(dialog).toBeVisible();

  await dialog.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await rootBackground(page)).not.toBe(light);
  // Form controls follow the theme too.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(
    'dark',
  );
  await screenshot(page, 'settings-dark');

  const interval = dialog.getByLabel('Refresh every (seconds)');
  await interval.fill('30');
  await interval.press('Enter');
  await expect(interval).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText(/whole number of seconds from 60/)).toBeVisible();
  await interval.fill('120');
  await interval.press('Enter');
  await expect(interval).toHaveAttribute('aria-invalid', 'false');

  await dialog.getByRole('checkbox', { name: 'Firmware' }).uncheck();
  await expect.poll(async () => (await keptPrefs(page))?.refreshIntervalSec).toBe(120);
  await expect
    .poll(async () => (await keptPrefs(page))?.columns)
    .toEqual(expect.not.arrayContaining(['firmware']));
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(settingsButton).toBeFocused();
  await expect(cameraTable(page).getByRole('columnheader', { name: /Firmware/ })).toHaveCount(0);
  await screenshot(page, 'cameras-dark');

  await app.relaunch();
  page = app.page;
  await expect(cameraTable(page)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(cameraTable(page).getByRole('columnheader', { name: /Firmware/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(settingsDialog(page).getByLabel('Refresh every (seconds)')).toHaveValue('120');
  await expect(settingsDialog(page).getByRole('radio', { name: 'Dark' })).toBeChecked();
});

test('System follows the computer; Light and Dark override it', async ({ launch }) => {
  const { page } = await launch();
  await signIn(page);
  await expect(cameraTable(page)).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark' });
  const systemDark = await rootBackground(page);
  await page.emulateMedia({ colorScheme: 'light' });
  const systemLight = await rootBackground(page);
  expect(systemDark).not.toBe(systemLight);
  await page.getByRole('button', { name: 'Settings' }).click();
  await settingsDialog(page).getByRole('radio', { name: 'Dark' }).check();
  expect(await rootBackground(page)).toBe(systemDark);
  await page.emulateMedia({ colorScheme: 'dark' });
  await settingsDialog(page).getByRole('radio', { name: 'Light' }).check();
  expect(await rootBackground(page)).toBe(systemLight);
});

test('Keyboard shortcuts: the "?" key and a button open the list; Esc closes it', async ({
  launch,
}) => {
  const { page } = await launch();
  await signIn(page);
  await expect(cameraTable(page)).toBeVisible();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const action of [
    'Refresh the camera list',
    'Search cameras',
    'Clear the search; close the details pane or a dialog',
    'Open the details of the focused camera',
  ]) {
    await expect(dialog.getByRole('cell', { name: action })).toBeVisible();
  }
  await screenshot(page, 'keyboard-shortcuts');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(dialog).toBeVisible();
  // Focus moves into the dialog (its one control), so Enter closes it.
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
});
