import { DEMO, cameraTable, expect, screenshot, signIn, test } from './fixtures';

test('signs in with e-mail, password, API key ID and API key, and lists the cameras', async ({
  launch,
}) => {
  const app = await launch();
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Sign in to Wyze' })).toBeVisible();
  await screenshot(page, 'sign-in');
  await signIn(page);
  await expect(cameraTable(page)).toBeVisible();
  await expect(page.getByText(DEMO.email)).toBeVisible();
  await expect(page.getByText('13 cameras · 11 online · + 5 other Wyze devices')).toBeVisible();
  for (const header of ['Name', 'Model', 'Status', 'IP address', 'Firmware', 'MAC']) {
    await expect(cameraTable(page).getByRole('columnheader', { name: header })).toBeVisible();
  }
  await expect(page.getByText(/Updated \d+ s ago/)).toBeVisible();
  await screenshot(page, 'cameras');
});

test('a wrong password says so, and mentions Google/Apple sign-up', async ({ launch }) => {
  const { page } = await launch();
  await signIn(page, { password: 'not-my-password' });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('did not accept that e-mail and password');
  await expect(alert).toContainText('Google or Apple');
  await expect(page.getByLabel('Email')).toHaveValue(DEMO.email);
  await screenshot(page, 'wrong-password');
});

test('a wrong API key says which fields to check', async ({ launch }) => {
  const { page } = await launch();
  await signIn(page, { apiKey: 'pasted-the-wrong-thing' });
  await expect(page.getByRole('alert')).toContainText('API key ID and the API key');
});

test('repeated failures end in a plain lockout message', async ({ launch }) => {
  const { page } = await launch();
  for (let i = 0; i < 5; i++) {
    await signIn(page, { password: `wrong-${i}` });
    await expect(page.getByRole('alert')).toBeVisible();
  }
  await signIn(page);
  await expect(page.getByRole('alert')).toContainText('paused sign-in for this account');
  await expect(cameraTable(page)).toHaveCount(0);
});

test('missing fields are pointed out before anything is sent', async ({ launch }) => {
  const app = await launch();
  const { page } = app;
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter the e-mail of your Wyze account.')).toBeVisible();
  await expect(page.getByLabel('API key ID')).toHaveAttribute('aria-invalid', 'true');
  expect(app.emulator.state.requestCounts.get('/api/user/login') ?? 0).toBe(0);
});

test('the whole sign-in works from the keyboard alone', async ({ launch }) => {
  const { page } = await launch();
  await expect(page.getByRole('heading', { name: 'Sign in to Wyze' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(DEMO.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO.password);
  await page.keyboard.press('Tab'); // the Show button
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO.keyId);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO.apiKey);
  await page.keyboard.press('Enter');
  await expect(cameraTable(page)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Wyzecam Desktop' })).toBeFocused();
});
