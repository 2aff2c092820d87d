import { readFileSync } from 'node:fs';
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

const LONG_NAME = `Very long nickname ${'x'.repeat(10_000)}`;
const HOSTILE_MAC = 'D03F27000001';
const LONG_MAC = 'D03F27000002';

/** The demo world plus two cameras with data that once blanked or broke the page. */
function hostileWorld(): WorldInput {
  const world = JSON.parse(readFileSync(DEMO_WORLD, 'utf8')) as WorldInput;
  const demo = world.accounts[0];
  if (!demo) throw new Error('the demo world has no account');
  const devices = [
    ...(demo.devices ?? []),
    // Offline "since" a time no Date can hold, as the cloud would send it (past a safe integer).
    {
      mac: HOSTILE_MAC,
      nickname: 'Far future',
      model: 'HL_CAM4',
      online: false,
      raw: { conn_state_ts: 1e17 },
    },
    { mac: LONG_MAC, nickname: LONG_NAME, model: 'HL_CAM4', ip: '192.168.1.99' },
  ];
  return { ...world, accounts: [{ ...demo, devices }, ...world.accounts.slice(1)] };
}

const cameraCount = (world: WorldInput) =>
  (world.accounts[0]?.devices ?? []).filter((d) => (d.productType ?? 'Camera') === 'Camera').length;

test('hostile camera data (conn_state_ts 1e17, a 10 kB nickname) never blanks the page, nor after a relaunch', async ({
  launch,
}) => {
  const world = hostileWorld();
  const app = await launch({ world });
  const { page } = app;
  await showAllRows(page);
  await signIn(page);
  await expect(cameraTable(page).getByRole('row')).toHaveCount(cameraCount(world) + 1);
  await expect(cameraRow(page, HOSTILE_MAC).getByRole('cell').nth(1)).toHaveText(/^Offline/);
  await expect(page.getByText('Invalid Date')).toHaveCount(0);
  // The cached list renders first on the next launch: it must render too.
  await app.relaunch();
  await showAllRows(app.page);
  await expect(cameraTable(app.page).getByRole('row')).toHaveCount(cameraCount(world) + 1);
  await expect(app.page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('a 10 kB nickname is cut to its column: the table fits the window and the IP column shows', async ({
  launch,
}) => {
  const { page } = await launch({ world: hostileWorld() });
  await signIn(page);
  const table = cameraTable(page);
  await expect(cameraRow(page, LONG_MAC)).toHaveCount(1);
  const viewport = page.viewportSize();
  const box = await table.boundingBox();
  expect(box && viewport && box.width <= viewport.width).toBe(true);
  const ipHeader = table.getByRole('columnheader', { name: 'IP address' });
  await expect(ipHeader).toBeInViewport();
  // The row may sort below the fold: brought into view, its IP must show beside the long name.
  await cameraRow(page, LONG_MAC).scrollIntoViewIfNeeded();
  await expect(cameraRow(page, LONG_MAC).getByText('192.168.1.99')).toBeInViewport();
  // The whole name: on hover (title) and on keyboard focus (unfolds in place).
  const name = cameraRow(page, LONG_MAC).getByRole('rowheader').locator('[title]');
  // Main may bound the name it keeps; whatever it sent is whole in the title and the text.
  const sent = (await name.textContent()) ?? '';
  expect(sent.length).toBeGreaterThan(200);
  expect(LONG_NAME.startsWith(sent.replace(/…$/, ''))).toBe(true);
  expect(await name.getAttribute('title')).toBe(sent);
  await screenshot(page, 'long-nickname');
  await name.focus();
  await expect(name).toBeFocused();
  const unfolded = await name.evaluate((el) => getComputedStyle(el).whiteSpace);
  expect(unfolded).toBe('normal');
  await screenshot(page, 'long-nickname-focused');
});
