import { DEMO, cameraRow, cameraTable, expect, screenshot, signIn, test } from './fixtures';

const LOGIN = '/api/user/login';
const REFRESH = '/app/user/refresh_token';

test('sign-in keeps tokens and the API key in the OS keychain, and sign-out leaves it empty', async ({
  launch,
}) => {
  const app = await launch();
  const { page } = app;
  await signIn(page);
  await expect(cameraTable(page)).toBeVisible();
  await expect(page.getByText(/keychain is not available/)).toHaveCount(0);
  const stored = app.keychainEntries();
  expect(stored).toContain('account = session');
  expect(stored).not.toContain(DEMO.password);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Wyze' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue('');
  expect(app.keychainEntries()).toBe('');
});

test('a relaunch restores the session and shows the last list at once, without signing in', async ({
  launch,
}) => {
  const app = await launch();
  await signIn(app.page);
  await expect(cameraTable(app.page)).toBeVisible();
  const logins = app.emulator.state.requestCounts.get(LOGIN);
  // The refresh after a relaunch waits for the first paint, or 3 s (main/services.ts): a slow
  // answer keeps the cached list on screen, marked, long after a page loaded under load.
  app.emulator.state.setFaults([
    { kind: 'latency', ms: 6000, path: '/app/v2/home_page/get_object_list' },
  ]);
  await app.relaunch();
  const { page } = app;
  await expect(cameraTable(page)).toBeVisible();
  await expect(page.getByText('may be out of date')).toBeVisible();
  await expect(page.getByText('may be out of date')).toHaveCount(0, { timeout: 25_000 });
  expect(app.emulator.state.requestCounts.get(LOGIN)).toBe(logins);
  await expect(cameraRow(page, 'Driveway')).toHaveCount(1);
});

test('a token that expires mid-session is refreshed silently', async ({ launch }) => {
  const app = await launch();
  const { page, emulator } = app;
  await signIn(page);
  await expect(cameraTable(page)).toBeVisible();
  emulator.state.tokens.expireAccess(DEMO.email);
  emulator.state.updateDevice('7C78B2103B44', { nickname: 'Back Garden' });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(cameraRow(page, 'Back Garden')).toHaveCount(1);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(emulator.state.requestCounts.get(REFRESH)).toBe(1);
});

test('a revoked refresh token keeps the list, marked stale, with a sign-in prompt that has the e-mail filled in', async ({
  launch,
}) => {
  const app = await launch();
  const { page, emulator } = app;
  await signIn(page);
  await expect(cameraTable(page)).toBeVisible();
  emulator.state.tokens.revokeRefresh(DEMO.email);
  emulator.state.tokens.expireAccess(DEMO.email);
  await page.getByRole('button', { name: 'Refresh' }).click();
  const prompt = page.getByRole('region', { name: 'Sign in again to refresh' });
  await expect(prompt).toBeVisible();
  await expect(prompt.getByLabel('Email')).toHaveValue(DEMO.email);
  await expect(cameraTable(page)).toBeVisible();
  await expect(page.getByText('may be out of date')).toBeVisible();
  await screenshot(page, 'session-expired');
  // The API key is reused from the keychain: only the password is asked for.
  await prompt.getByLabel('Password', { exact: true }).fill(DEMO.password);
  await prompt.getByRole('button', { name: 'Sign in' }).click();
  await expect(prompt).toHaveCount(0);
  await expect(page.getByText('may be out of date')).toHaveCount(0);
});

test('without a usable keychain the app works for this session and says so', async ({ launch }) => {
  const app = await launch({ keychain: 'broken' });
  const { page } = app;
  await signIn(page);
  await expect(cameraTable(page)).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'kept for this session only' }),
  ).toBeVisible();
  await screenshot(page, 'no-keychain');
  await app.relaunch();
  await expect(app.page.getByRole('heading', { name: 'Sign in to Wyze' })).toBeVisible();
});
