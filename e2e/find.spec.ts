import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { generateWorld } from '../emulator/generate';
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

/** A camera whose name has accents, on a Wi-Fi network of its own, shared by another account. */
const SALON = {
  mac: '2CAA8E77AA01',
  nickname: 'Caméra du salon',
  model: 'HL_CAM4',
  ip: '192.168.1.77',
  ssid: 'Maison',
  firmware: '4.61.0.100',
  sharedBy: 'amie@example.com',
};

/** The demo world plus the camera above. */
function findWorld(): WorldInput {
  const world = JSON.parse(readFileSync(DEMO_WORLD, 'utf8')) as WorldInput;
  const [demo, ...others] = world.accounts;
  if (!demo) throw new Error('the demo world has no account');
  return {
    ...world,
    accounts: [{ ...demo, devices: [...(demo.devices ?? []), SALON] }, ...others],
  };
}

const world = findWorld();
const CAMERAS = (world.accounts[0]?.devices ?? []).filter(
  (d) => (d.productType ?? 'Camera') === 'Camera',
).length;

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search cameras' });
const countLine = (page: Page, shown: number) =>
  page.getByText(`${shown} of ${CAMERAS} cameras`, { exact: true });
/** The names in the table's row headers, top to bottom (the first line: a name, not "Shared…"). */
const names = async (page: Page) =>
  (await cameraTable(page).getByRole('rowheader').allInnerTexts()).map((n) => n.split('\n')[0]);

/** What main has kept (a readiness signal: the preference reached the settings file). */
async function keptPrefs(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    const bridge = (
      window as unknown as { wyze: { getViewPrefs(): Promise<{ ok: boolean; value?: unknown }> } }
    ).wyze;
    const result = await bridge.getViewPrefs();
    return result.ok ? result.value : null;
  });
}

test('search by name, IP, MAC, firmware and Wi-Fi network, ignoring case and accents, as you type', async ({
  launch,
}) => {
  const { page } = await launch({ world });
  await signIn(page);
  await expect(countLine(page, CAMERAS)).toBeVisible();
  // "/" puts the cursor in the search box.
  await cameraTable(page).click();
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  for (const query of [
    'camera',
    'CAMÉRA DU',
    '192.168.1.77',
    '2c:aa:8e:77',
    '2CAA8E77',
    '4.61.0',
    'maison',
  ]) {
    await searchBox(page).fill(query);
    await expect(cameraTable(page).getByRole('rowheader')).toHaveCount(1);
    await expect(cameraRow(page, SALON.mac)).toHaveCount(1);
    await expect(countLine(page, 1)).toBeVisible();
  }
  await screenshot(page, 'find-search');
  // A search that matches nothing says so, and one click brings everything back.
  await searchBox(page).fill('no such camera');
  await expect(countLine(page, 0)).toBeVisible();
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(searchBox(page)).toHaveValue('');
  await expect(countLine(page, CAMERAS)).toBeVisible();
  // Ctrl+F too, even from elsewhere on the page.
  await page.getByRole('button', { name: 'Refresh' }).focus();
  await page.keyboard.press('Control+f');
  await expect(searchBox(page)).toBeFocused();
  // Esc empties the box.
  await page.keyboard.type('garage');
  await expect(cameraTable(page).getByRole('rowheader')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(searchBox(page)).toHaveValue('');
});

test('sort by clicking a column header: aria-sort says which way', async ({ launch }) => {
  const { page } = await launch({ world });
  await showAllRows(page);
  await signIn(page);
  const header = (name: string) => cameraTable(page).getByRole('columnheader', { name });
  // The default: online first, then by name (sorted by status).
  await expect(header('Status')).toHaveAttribute('aria-sort', 'ascending');
  expect((await names(page)).slice(-2)).toEqual(['Shed', 'Workshop']);
  await header('Name').getByRole('button', { name: 'Name' }).click();
  await expect(header('Name')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header('Status')).not.toHaveAttribute('aria-sort');
  const ascending = await names(page);
  expect(ascending[0]).toBe('Backyard');
  await header('Name').getByRole('button').click();
  await expect(header('Name')).toHaveAttribute('aria-sort', 'descending');
  expect(await names(page)).toEqual([...ascending].reverse());
  await header('IP address').getByRole('button').click();
  await expect(header('IP address')).toHaveAttribute('aria-sort', 'ascending');
  // 192.168.0.12 before every 192.168.1.x; a camera without an IP goes last.
  expect((await names(page))[0]).toBe("Mom's Kitchen");
  expect((await names(page)).at(-1)).toBe('Porch');
  await screenshot(page, 'find-sorted');
});

test('filters combine, each shows as a removable chip, and all clear in one click', async ({
  launch,
}) => {
  const { page } = await launch({ world });
  await signIn(page);
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Offline' });
  await expect(countLine(page, 2)).toBeVisible();
  expect(await names(page)).toEqual(['Shed', 'Workshop']);
  await page.getByLabel('Wi-Fi network', { exact: true }).selectOption('Maple House');
  await expect(countLine(page, 1)).toBeVisible();
  expect(await names(page)).toEqual(['Shed']);
  await expect(page.getByRole('button', { name: 'Remove filter: Offline' })).toBeVisible();
  await screenshot(page, 'find-filters');
  await page.getByRole('button', { name: 'Remove filter: Offline' }).click();
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Remove filter: Offline' })).toHaveCount(0);
  await expect(cameraRow(page, 'Driveway')).toHaveCount(1);
  await expect(cameraRow(page, 'Workshop')).toHaveCount(0);
  await page.getByLabel('Shared with me').check();
  await page.getByLabel('Wi-Fi network', { exact: true }).selectOption('');
  await expect(countLine(page, 2)).toBeVisible();
  expect(await names(page)).toEqual([SALON.nickname, "Mom's Kitchen"]);
  await page.getByLabel('Firmware').selectOption('4.36.11.7095');
  await expect(countLine(page, 0)).toBeVisible();
  await page.getByRole('button', { name: 'Clear all filters' }).click();
  await expect(countLine(page, CAMERAS)).toBeVisible();
  await expect(page.getByLabel('Shared with me')).not.toBeChecked();
  await expect(page.getByRole('button', { name: /^Remove filter/ })).toHaveCount(0);
});

test('group by status, model, firmware or Wi-Fi network, with a count on each group', async ({
  launch,
}) => {
  const { page } = await launch({ world });
  await showAllRows(page);
  await signIn(page);
  const groupHeader = (text: string) =>
    cameraTable(page).getByRole('columnheader', { name: text, exact: true });
  await page.getByLabel('Group by').selectOption({ label: 'Status' });
  await expect(groupHeader('Offline · 2 cameras')).toBeVisible();
  await expect(groupHeader('Privacy mode · 1 camera')).toBeVisible();
  await expect(groupHeader(`Online · ${CAMERAS - 3} cameras`)).toBeVisible();
  await screenshot(page, 'find-grouped');
  await page.getByLabel('Group by').selectOption({ label: 'Wi-Fi network' });
  await expect(groupHeader('Maison · 1 camera')).toBeVisible();
  await expect(groupHeader('Not reported · 1 camera')).toBeVisible();
  await page.getByLabel('Group by').selectOption({ label: 'Model' });
  await expect(groupHeader('Wyze Cam v3 · 2 cameras')).toBeVisible();
  await page.getByLabel('Group by').selectOption({ label: 'Firmware' });
  await expect(groupHeader('4.52.9.4188 · 2 cameras')).toBeVisible();
  // Rows and group headers together are what the table announces.
  const groups = await cameraTable(page).locator('tr.group-row').count();
  await expect(cameraTable(page)).toHaveAttribute('aria-rowcount', String(CAMERAS + groups + 1));
});

test('search, sort, filters and grouping survive a reload and a relaunch', async ({ launch }) => {
  const app = await launch({ world });
  await signIn(app.page);
  const page = () => app.page;
  await searchBox(page()).fill('garage');
  await cameraTable(page()).getByRole('button', { name: 'Firmware' }).click();
  await cameraTable(page()).getByRole('button', { name: 'Firmware' }).click();
  await page().getByLabel('Status', { exact: true }).selectOption({ label: 'Online' });
  await page().getByLabel('Group by').selectOption({ label: 'Model' });
  const expected = {
    search: 'garage',
    sort: { column: 'firmware', direction: 'descending' },
    filters: { status: 'online' },
    groupBy: 'model',
  };
  await expect.poll(() => keptPrefs(page())).toMatchObject(expected);

  const check = async () => {
    await expect(searchBox(page())).toHaveValue('garage');
    await expect(
      cameraTable(page()).getByRole('columnheader', { name: 'Firmware' }),
    ).toHaveAttribute('aria-sort', 'descending');
    await expect(page().getByRole('button', { name: 'Remove filter: Online' })).toBeVisible();
    await expect(page().getByLabel('Group by')).toHaveValue('model');
    await expect(countLine(page(), 2)).toBeVisible();
    // Firmware 4.53 (the floodlight) before 4.9.
    expect(await names(page())).toEqual(['Garage', 'Garage']);
    await expect(cameraRow(page(), 'D03F27A0C603')).toHaveAttribute('aria-rowindex', '3');
  };
  await page().reload();
  await check();
  await app.relaunch();
  await check();
});

test('5,000 cameras: only the rows in view are in the page, the table still counts them all', async ({
  launch,
}) => {
  const { page } = await launch({ world: generateWorld(5000) });
  await signIn(page);
  const table = cameraTable(page);
  await expect(table).toHaveAttribute('aria-rowcount', '5001');
  await expect(page.getByText('5000 of 5000 cameras', { exact: true })).toBeVisible();
  const rendered = await table.locator('tbody tr[aria-rowindex]').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(120);
  // Scrolling to the end shows the last camera.
  await table.locator('xpath=..').evaluate((scroller) => {
    scroller.scrollTop = scroller.scrollHeight;
  });
  await expect(table.locator('tr[aria-rowindex="5001"]')).toBeInViewport();
  expect(await table.locator('tbody tr[aria-rowindex]').count()).toBeLessThan(120);
  // The keyboard too: Home, then Arrow Down past the rows drawn, then End.
  await table.locator('tr[aria-rowindex="5001"]').focus();
  await page.keyboard.press('Home');
  await expect(table.locator('tr[aria-rowindex="2"]')).toBeFocused();
  for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowDown');
  await expect(table.locator('tr[aria-rowindex="62"]')).toBeFocused();
  await expect(table.locator('tr[aria-rowindex="62"]')).toBeInViewport();
  await page.keyboard.press('End');
  await expect(table.locator('tr[aria-rowindex="5001"]')).toBeFocused();
  await screenshot(page, 'find-5000');
  // A search over 5,000 cameras narrows the list as you type.
  await searchBox(page).fill('gate 49');
  await expect(page.getByText(/^\d+ of 5000 cameras$/)).not.toHaveText('5000 of 5000 cameras');
  await expect(cameraRow(page, 'Gate 499')).toHaveCount(1);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing on the find bar, the chips and the group rows (${scheme})`, async ({
    launch,
  }) => {
    const { page } = await launch({ world });
    await page.emulateMedia({ colorScheme: scheme });
    await signIn(page);
    await searchBox(page).fill('a');
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Online' });
    await page.getByLabel('Shared with me').check();
    await page.getByLabel('Group by').selectOption({ label: 'Wi-Fi network' });
    await expect(page.getByRole('button', { name: 'Remove filter: Online' })).toBeVisible();
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
    ).toEqual([]);
    await screenshot(page, `find-axe-${scheme}`);
  });
}
