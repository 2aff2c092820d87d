import { readFileSync } from 'node:fs';
import type { WorldInput } from '../emulator/world';
import { DEMO_WORLD, cameraRow, cameraTable, expect, screenshot, signIn, test } from './fixtures';

interface DeviceSpec {
  mac: string;
  nickname: string;
  productType?: string;
  firmware: string;
  ip?: string | null;
  online?: boolean;
  powerOn?: boolean;
}

const world = JSON.parse(readFileSync(DEMO_WORLD, 'utf8')) as WorldInput;
const cameras = (world.accounts[0]?.devices ?? []).filter(
  (d) => (d.productType ?? 'Camera') === 'Camera',
) as DeviceSpec[];

test('every demo camera shows the status, IP and firmware the world gives it', async ({
  launch,
}) => {
  const { page } = await launch();
  await signIn(page);
  await expect(cameraTable(page).getByRole('row')).toHaveCount(cameras.length + 1);
  for (const cam of cameras) {
    const row = cameraRow(page, cam.mac);
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('rowheader')).toContainText(cam.nickname);
    const status =
      cam.online === false
        ? /^Offline since /
        : cam.powerOn === false
          ? /^Privacy mode$/
          : /^Online$/;
    await expect(row.getByRole('cell').nth(1)).toHaveText(status);
    await expect(row.getByRole('cell').nth(2)).toContainText(cam.ip ?? 'not reported');
    await expect(row.getByRole('cell').nth(3)).toHaveText(cam.firmware);
  }
  // Online first, then by name.
  const names = await cameraTable(page).getByRole('rowheader').allInnerTexts();
  expect(names.slice(-2).map((n) => n.split('\n')[0])).toEqual(['Shed', 'Workshop']);
  await expect(cameraRow(page, 'Porch').getByRole('cell').first()).toHaveText('Wyze Cam OG');
  await expect(cameraRow(page, 'Porch').getByTitle('GW_GC1')).toBeVisible();
});

test('a camera going offline in the cloud shows up on the next refresh (Ctrl+R)', async ({
  launch,
}) => {
  const { page, emulator } = await launch();
  await signIn(page);
  const driveway = cameraRow(page, '2CAA8E4F1A02');
  await expect(driveway.getByRole('cell').nth(1)).toHaveText('Online');
  emulator.state.updateDevice('2CAA8E4F1A02', { online: false, firmware: '4.36.12.1001' });
  await page.keyboard.press('Control+r');
  await expect(driveway.getByRole('cell').nth(1)).toHaveText(/^Offline since /);
  await expect(driveway.getByRole('cell').nth(3)).toHaveText('4.36.12.1001');
  emulator.state.updateDevice('2CAA8E4F1A02', { online: true });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(driveway.getByRole('cell').nth(1)).toHaveText('Online');
});

test('a failed refresh keeps the list, marks it, and offers to try again', async ({ launch }) => {
  const { page, emulator } = await launch();
  await signIn(page);
  await expect(cameraTable(page)).toBeVisible();
  emulator.state.setFaults([
    { kind: 'status', status: 503, path: '/app/v2/home_page/get_object_list' },
  ]);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('alert')).toContainText("Wyze's servers had a problem");
  await expect(page.getByText('may be out of date')).toBeVisible();
  await expect(cameraTable(page).getByRole('row')).toHaveCount(cameras.length + 1);
  emulator.state.setFaults([]);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the demo account needs no Wyze account and says "Demo"', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  await page.getByRole('button', { name: 'Explore with a demo account' }).click();
  await expect(cameraTable(page)).toBeVisible();
  await expect(page.getByText('Demo', { exact: true })).toBeVisible();
  await expect(page.getByText(/these cameras are made up/)).toBeVisible();
  expect(app.emulator.state.requestCounts.size).toBe(0);
  expect(app.keychainEntries()).toBe('');
  await screenshot(page, 'demo');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Wyze' })).toBeVisible();
});

test('IP addresses and MACs can be copied', async ({ launch, transport }) => {
  test.skip(transport !== 'browser', 'Reads the clipboard through Chromium permissions.');
  const { page } = await launch();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page);
  await page.getByRole('button', { name: 'Copy IP address of Driveway' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('192.168.1.22');
  await page.getByRole('button', { name: 'Copy MAC of Driveway' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('2CAA8E4F1A02');
  await expect(page.getByRole('status').filter({ hasText: 'Copied MAC 2CAA8E4F1A02' })).toHaveCount(
    1,
  );
});

for (const width of [1280, 900]) {
  test(`nothing moves the list once its rows are on screen (${width} px wide)`, async ({
    launch,
  }) => {
    const { page } = await launch();
    await page.setViewportSize({ width, height: 860 });
    // After every change to the page (a mutation observer runs before the next paint): where the
    // table's top is, and how many values the Model menu offers. Its values are counted after the
    // first paint, the last part of the screen to arrive; a select that grew with them, or a
    // filter row that loaded late, moved the list.
    await page.evaluate(() => {
      const samples: { top: number; options: number }[] = [];
      new MutationObserver(() => {
        const table = document.querySelector('table[aria-label="Cameras"]');
        if (!table?.querySelector('tbody th')) return;
        const options = document.querySelectorAll('#filter-model option').length;
        samples.push({ top: table.getBoundingClientRect().top, options });
      }).observe(document, { subtree: true, childList: true, attributes: true });
      Object.assign(window, { listSamples: samples });
    });
    await signIn(page);
    await expect(cameraRow(page, 'Side Gate')).toBeVisible();
    await expect.poll(() => page.getByLabel('Model').locator('option').count()).toBeGreaterThan(1);
    const samples = await page.evaluate(
      () => (window as unknown as { listSamples: { top: number; options: number }[] }).listSamples,
    );
    // Both states were seen: rows before the menus were counted, and after.
    expect(samples.some((s) => s.options <= 1)).toBe(true);
    expect(samples.some((s) => s.options > 1)).toBe(true);
    expect(new Set(samples.map((s) => s.top))).toEqual(new Set([samples[0]?.top]));
  });
}
