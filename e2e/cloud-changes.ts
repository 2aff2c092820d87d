/**
 * Changing a camera in the emulator, as Wyze would report it next, and refreshing until the app
 * shows it (shared by the specs that watch cameras change over time).
 */
import type { Locator, Page } from '@playwright/test';
import type { RunningEmulator } from '../emulator/server';
import { expect } from './fixtures';

/** Asks the emulator's control API for `action` (as a test, with its token); the answer, a 200. */
export async function control(
  emulator: RunningEmulator,
  action: string,
  body: unknown,
): Promise<Response> {
  const response = await fetch(`${emulator.url}/__emulator/${action}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-emulator-token': emulator.controlToken ?? '',
    },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response;
}

/** Changes a camera through the emulator's control API. */
export async function updateDevice(
  emulator: RunningEmulator,
  mac: string,
  patch: Record<string, unknown>,
): Promise<void> {
  await control(emulator, 'devices/update', { mac, patch });
}

/** Refreshes the list and waits until the button no longer says it is busy. */
export async function refresh(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Refresh', exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-busy', 'false');
}

/**
 * Refreshes until `shown` is on the page: main has then seen the change. One click is not enough
 * under load: it can join a refresh already on its way, asked before the change (and the button
 * reads "not busy" until main's word that it is busy arrives).
 */
export async function refreshUntil(page: Page, shown: Locator, timeout = 20_000): Promise<void> {
  await expect(async () => {
    await refresh(page);
    await expect(shown).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout });
}
