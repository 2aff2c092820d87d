import type { Page } from '@playwright/test';
import { refreshUntil, updateDevice } from './cloud-changes';
import { cameraRow, cameraTable, expect, screenshot, signIn, test } from './fixtures';

const DRIVEWAY = '2CAA8E4F1A02';

const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });

test('a firmware change shows in the details History, in Activity and in the Firmware view', async ({
  launch,
}) => {
  const { page, emulator } = await launch();
  await signIn(page);
  await expect(cameraTable(page)).toBeVisible();

  // The demo world's Wyze Cam v3s: Driveway on 4.36.11.7095, Workshop on 4.36.10.4054.
  await views(page).getByRole('button', { name: 'Firmware' }).click();
  const firmware = page.getByRole('region', { name: 'Firmware', exact: true });
  const v3 = firmware.getByRole('region', { name: 'Wyze Cam v3 (WYZE_CAKP2JFUS)' });
  await expect(v3.getByRole('row', { name: /^4\.36\.10\.4054/ })).toContainText(
    'Older than 4.36.11.7095 on 1 other camera',
  );
  await expect(firmware.getByText('No firmware changes recorded yet.')).toBeVisible();

  await updateDevice(emulator, DRIVEWAY, { firmware: '4.36.12.1000' });
  await views(page).getByRole('button', { name: 'Cameras' }).click();
  await refreshUntil(page, cameraRow(page, 'Driveway').getByRole('cell', { name: '4.36.12.1000' }));

  // The details pane's History.
  await cameraRow(page, 'Driveway').getByRole('button', { name: 'Driveway', exact: true }).click();
  const pane = page.getByRole('region', { name: 'Driveway details' });
  await expect(
    pane.getByRole('list', { name: 'Driveway history, newest first' }).getByRole('listitem'),
  ).toContainText(['Firmware changed 4.36.11.7095 → 4.36.12.1000']);

  // Activity.
  await pane.getByRole('button', { name: 'Show all in Activity' }).click();
  const activity = page.getByRole('region', { name: 'Activity' });
  await expect(
    activity.getByRole('row', {
      name: /Driveway Firmware changed 4\.36\.11\.7095 4\.36\.12\.1000/,
    }),
  ).toHaveCount(1);

  // The Firmware view: the new version is the newest; Workshop is now older than it.
  await page.keyboard.press('Alt+4');
  await expect(v3.getByRole('row', { name: /^4\.36\.12\.1000/ })).toContainText('Driveway');
  await expect(v3.getByRole('row', { name: /^4\.36\.10\.4054/ })).toContainText(
    'Older than 4.36.12.1000 on 1 other camera',
  );
  await expect(
    firmware
      .getByRole('region', { name: 'Firmware changes' })
      .getByRole('row', { name: /Driveway 4\.36\.11\.7095 4\.36\.12\.1000/ }),
  ).toHaveCount(1);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(page, `firmware-${scheme}`);
  }
  // The view shown survives a reload.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Firmware', exact: true })).toBeVisible();
});
