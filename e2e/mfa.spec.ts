import { MFA_DEMO_ACCOUNT } from '../emulator/demo-account';
import { totp } from '../emulator/totp';
import { cameraTable, expect, screenshot, signIn, test } from './fixtures';

const { totpSecret: SECRET, ...MFA } = MFA_DEMO_ACCOUNT;

test('two-step verification with an authenticator app', async ({ launch }) => {
  const { page } = await launch();
  await signIn(page, MFA);
  await expect(page.getByRole('heading', { name: 'Two-step verification' })).toBeFocused();
  const methods = page.getByRole('group', { name: 'How do you want to get the code?' });
  await expect(methods.getByRole('radio')).toHaveCount(3);
  await expect(page.getByRole('radio', { name: 'Authenticator app' })).toBeChecked();
  await screenshot(page, 'two-step');
  await page.getByLabel('Verification code').fill('000000');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert')).toContainText('verification code is wrong');
  await page.getByLabel('Verification code').fill(totp(SECRET, Date.now()));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(cameraTable(page)).toBeVisible();
  await expect(cameraTable(page).getByRole('row')).toHaveCount(3);
});

test('two-step verification by text message, with "send the code again"', async ({ launch }) => {
  const { page, emulator } = await launch();
  await signIn(page, MFA);
  await page.getByRole('radio', { name: /Text message/ }).check();
  await expect(page.getByRole('radio', { name: 'Text message (•••• 0142)' })).toBeChecked();
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByText(/Code sent to •••• 0142/)).toBeVisible();
  await page.getByRole('button', { name: 'Send the code again' }).click();
  await expect.poll(() => emulator.state.outbox.length).toBe(2);
  const latest = emulator.state.outbox.at(-1);
  expect(latest?.to).toBe('+15555550142');
  await page.getByLabel('Verification code').fill(latest?.code ?? '');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(cameraTable(page)).toBeVisible();
});

test('cancelling the second step goes back to sign-in', async ({ launch }) => {
  const { page } = await launch();
  await signIn(page, MFA);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Wyze' })).toBeVisible();
});
