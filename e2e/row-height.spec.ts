import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { WorldInput } from '../emulator/world';
import { DEMO_WORLD, cameraTable, expect, screenshot, signIn, test } from './fixtures';

/**
 * The camera table's virtualiser places rows by a fixed height and never measures them
 * (renderer/features/cameras/CameraTable.tsx, ROW_HEIGHT): list.css must hold every row to that
 * height whatever a camera reports, or rows would overlap the spacers' arithmetic.
 */

/** The demo world plus cameras whose values would push a row past one line per cell. */
function tallRowsWorld(): WorldInput {
  const world = JSON.parse(readFileSync(DEMO_WORLD, 'utf8')) as WorldInput;
  const [demo, ...others] = world.accounts;
  if (!demo) throw new Error('the demo world has no account');
  const extra = [
    {
      mac: '2CAA8E77BB01',
      nickname: `Long ${'name '.repeat(80)}`,
      model: 'HL_CAM4',
      ip: '192.168.1.81',
      ssid: `Network ${'wide '.repeat(30)}`,
      firmware: '4.61.0.100 '.repeat(8),
      sharedBy: `someone.with.a.long.address.${'x'.repeat(60)}@example.com`,
    },
    {
      mac: '2CAA8E77BB02',
      nickname: 'Unknown thing',
      model: 'XX_NEW_MODEL_NOBODY_KNOWS',
      ip: '192.168.1.82',
    },
  ];
  return {
    ...world,
    accounts: [{ ...demo, devices: [...(demo.devices ?? []), ...extra] }, ...others],
  };
}

/** Each body row's height next to the one the table declares for its kind. */
async function rowHeights(page: Page) {
  return cameraTable(page).evaluate((table) => {
    const style = getComputedStyle(table);
    const px = (name: string) => parseFloat(style.getPropertyValue(name));
    return [...table.querySelectorAll('tbody tr[aria-rowindex]')].map((row) => ({
      row: row.getAttribute('aria-rowindex'),
      height: row.getBoundingClientRect().height,
      expected: px(row.classList.contains('group-row') ? '--group-row-height' : '--row-height'),
    }));
  });
}

for (const width of [1280, 900]) {
  test(`every camera and group row is exactly the height the table places it by (${width} px wide)`, async ({
    launch,
  }) => {
    const { page } = await launch({ world: tallRowsWorld() });
    await page.setViewportSize({ width, height: 900 });
    await signIn(page);
    await expect(cameraTable(page)).toBeVisible();
    for (const groupBy of ['None', 'Status']) {
      await page.getByLabel('Group by').selectOption({ label: groupBy });
      const rows = await rowHeights(page);
      expect(rows.length).toBeGreaterThan(10);
      for (const r of rows) {
        expect(r.expected, `row ${r.row}`).toBeGreaterThan(0);
        expect(Math.abs(r.height - r.expected), `row ${r.row}: ${r.height}px`).toBeLessThan(0.5);
      }
    }
  });
}

/**
 * The demo world plus 60 cameras with short values and, last by name, 4 with long ones: the rows in
 * view at the top and at the bottom of the list would size their columns differently.
 */
function unevenWorld(): WorldInput {
  const world = JSON.parse(readFileSync(DEMO_WORLD, 'utf8')) as WorldInput;
  const [demo, ...others] = world.accounts;
  if (!demo) throw new Error('the demo world has no account');
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
  const short = Array.from({ length: 60 }, (_, i) => ({
    mac: `2CAA8E11${hex(i)}`,
    nickname: `Cam ${i + 1}`,
    model: 'WYZEC1',
    ip: `10.0.0.${i + 2}`,
    firmware: '1.0.1',
  }));
  const long = Array.from({ length: 4 }, (_, i) => ({
    mac: `2CAA8E22${hex(i)}`,
    nickname: `Zz warehouse loading dock camera number ${i + 1}`,
    model: 'HL_CAM3P',
    ip: `192.168.100.${200 + i}`,
    firmware: '4.58.11.3020',
  }));
  return {
    ...world,
    accounts: [{ ...demo, devices: [...(demo.devices ?? []), ...short, ...long] }, ...others],
  };
}

test('the columns keep their widths as the list scrolls (the rows in view do not size them)', async ({
  launch,
}) => {
  const { page } = await launch({ world: unevenWorld() });
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page);
  const table = cameraTable(page);
  await expect(table).toBeVisible();
  // Sorted by name: the long-named cameras are the last rows, out of view (and not drawn) at first.
  await table.getByRole('button', { name: 'Name', exact: true }).click();
  const widths = () =>
    table
      .locator('thead th')
      .evaluateAll((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().width)));
  const atTop = await widths();
  await expect(table.getByRole('row', { name: /Zz warehouse/ })).toHaveCount(0);
  await table.evaluate((el) => {
    const scroller = el.parentElement;
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
  });
  await expect(
    table.getByRole('row', { name: /Zz warehouse loading dock camera number 4/ }),
  ).toBeVisible();
  expect(await widths()).toEqual(atTop);
});

test('a short value its column cuts shows whole on hover, and a value that fits gets no tooltip', async ({
  launch,
}) => {
  const world = JSON.parse(readFileSync(DEMO_WORLD, 'utf8')) as WorldInput;
  const [demo, ...others] = world.accounts;
  if (!demo) throw new Error('the demo world has no account');
  // 30 wide letters: under the 32 at which a value carries its title from the start (Clipped.tsx),
  // and wider than the name column.
  const wide = 'W'.repeat(30);
  const cut = { mac: '2CAA8E33CC01', nickname: wide, model: 'HL_CAM4', ip: '192.168.1.90' };
  const { page } = await launch({
    world: {
      ...world,
      accounts: [{ ...demo, devices: [...(demo.devices ?? []), cut] }, ...others],
    },
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page);
  const table = cameraTable(page);
  const name = table.getByRole('button', { name: wide, exact: true });
  await expect(name).not.toHaveAttribute('title');
  await name.hover();
  await expect(name).toHaveAttribute('title', wide);
  const fits = table.getByRole('button', { name: 'Front Door', exact: true });
  await fits.hover();
  await expect(name).not.toHaveAttribute('title');
  await expect(fits).not.toHaveAttribute('title');
});

test('the name column stays in view when the list scrolls sideways, the details pane open', async ({
  launch,
}) => {
  const { page } = await launch();
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page);
  const table = cameraTable(page);
  await table.getByRole('button', { name: 'Front Door', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Front Door details' })).toBeVisible();
  const scrolled = await table.evaluate((el) => {
    const scroller = el.parentElement as HTMLElement;
    scroller.scrollLeft = scroller.scrollWidth;
    return scroller.scrollLeft;
  });
  expect(scrolled).toBeGreaterThan(100);
  // Each name is still where it was, on top of what scrolled under it.
  for (const camera of ['Front Door', 'Backyard']) {
    const name = table.getByRole('button', { name: camera, exact: true });
    const hit = await name.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const scroller = el.closest('.table-wrap')?.getBoundingClientRect();
      const top = document.elementFromPoint(box.left + 8, box.top + box.height / 2);
      return { onTop: top === el || el.contains(top), left: box.left - (scroller?.left ?? 0) };
    });
    expect(hit.onTop, camera).toBe(true);
    expect(hit.left, camera).toBeLessThan(40);
  }
  // The focus ring goes round the whole row, the name cell included (it draws its own part).
  await table.getByRole('row', { name: /Backyard/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(table.getByRole('row', { name: /Driveway/ })).toBeFocused();
  await screenshot(page, 'list-scrolled-sideways');
});

test("a group's label stays in view when the list scrolls sideways", async ({ launch }) => {
  const { page } = await launch();
  await page.setViewportSize({ width: 900, height: 900 });
  await signIn(page);
  await page.getByLabel('Group by').selectOption({ label: 'Status' });
  const table = cameraTable(page);
  const heading = table.getByRole('columnheader', { name: /^Online · \d+ cameras$/ });
  await expect(heading).toBeVisible();
  const scrolled = await table.evaluate((el) => {
    const scroller = el.parentElement as HTMLElement;
    scroller.scrollLeft = scroller.scrollWidth;
    return scroller.scrollLeft;
  });
  expect(scrolled).toBeGreaterThan(100);
  const label = heading.locator('.group-heading');
  const hit = await label.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const scroller = el.closest('.table-wrap')?.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + 4, box.top + box.height / 2);
    return { onTop: top === el || el.contains(top), left: box.left - (scroller?.left ?? 0) };
  });
  expect(hit.onTop).toBe(true);
  expect(hit.left).toBeGreaterThanOrEqual(0);
  expect(hit.left).toBeLessThan(40);
  await screenshot(page, 'list-grouped-scrolled-sideways');
});
