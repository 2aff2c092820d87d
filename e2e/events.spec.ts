import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { RunningEmulator } from '../emulator/server';
import { EVENT_MEDIA_DIR, mediaFileName } from '../main/events/media-cache';
import { control } from './cloud-changes';
import { cameraRow, expect, screenshot, signIn, test } from './fixtures';

/**
 * Camera events (docs/protocol.md, "Events"): the Events view with pictures and clips served by
 * the app itself, a camera's events in its details pane, the last event in the list, and the
 * cache of pictures and clips deleted at sign-out (docs/security.md, S27).
 */

const FRONT_DOOR = '2CAA8E4F1A01';

/** Adds an event (with a picture and a clip) to a camera through the emulator's control API; its id. */
async function addEvent(
  emulator: RunningEmulator,
  body: { mac: string; kind?: string; at?: number },
): Promise<string> {
  const response = await control(emulator, 'events/add', body);
  const { event_id: id } = (await response.json()) as { event_id: string };
  return id;
}

/** The image's decoded width, once it has loaded or failed (0 when it failed). */
const naturalWidth = (img: Locator) =>
  img.evaluate(async (el: HTMLImageElement) => {
    if (!el.complete) {
      await new Promise((resolve) => {
        el.addEventListener('load', resolve, { once: true });
        el.addEventListener('error', resolve, { once: true });
      });
    }
    return el.naturalWidth;
  });

async function openEvents(page: Page): Promise<Locator> {
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Events' })
    .click();
  await expect(page.getByRole('heading', { name: 'Events' })).toBeVisible();
  const list = page.getByRole('list', { name: 'Events, newest first' });
  await expect(list).toBeVisible();
  return list;
}

test('the Events view shows pictures from the app itself, and a clip plays in place', async ({
  launch,
}) => {
  const { page, emulator } = await launch();
  await addEvent(emulator, { mac: FRONT_DOOR, kind: 'person', at: Date.now() - 60_000 });
  await signIn(page);
  await expect(page.getByRole('table', { name: 'Cameras' })).toBeVisible();
  const list = await openEvents(page);

  // Newest first: the event just added.
  const first = list.getByRole('listitem').first();
  const picture = first.getByRole('img', { name: /^Person at Front Door, / });
  await expect(picture).toBeVisible();
  expect(await naturalWidth(picture)).toBeGreaterThan(0);
  const origin = await page.evaluate(() => location.origin);
  expect(await picture.evaluate((el: HTMLImageElement) => el.currentSrc)).toMatch(
    new RegExp(`^${origin}/event-media/`),
  );
  const pictures = list.getByRole('img');
  const shown = Math.min(await pictures.count(), 4);
  for (let i = 0; i < shown; i++) {
    expect(await naturalWidth(pictures.nth(i)), `picture ${i}`).toBeGreaterThan(0);
  }
  // The cloud's pre-signed URLs never reach the page.
  expect(await page.content()).not.toMatch(/[?&](Expires|Signature|X-Amz-Signature)=/);

  await screenshot(page, 'events-view-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'events-view-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await first.getByRole('button', { name: /^Play clip: Person at Front Door/ }).click();
  const clip = first.getByLabel(/^Clip: Person at Front Door, /);
  await expect(clip).toBeVisible();
  // Chromium decoded the clip (readyState HAVE_CURRENT_DATA or more) and it plays.
  await expect
    .poll(() =>
      clip.evaluate((v: HTMLVideoElement) => ({
        ready: v.readyState >= 2,
        error: v.error?.code ?? null,
        sized: v.videoWidth > 0,
      })),
    )
    .toEqual({ ready: true, error: null, sized: true });
  await expect
    .poll(() => clip.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 })
    .toBeGreaterThan(0);
  await screenshot(page, 'events-clip');
  await page.keyboard.press('Escape');
  await expect(clip).toBeHidden();
  await expect(first.getByRole('button', { name: /^Play clip/ })).toBeFocused();
});

test('a camera’s events in its details pane lead to the Events view for it; the list shows its last event', async ({
  launch,
}) => {
  const { page, emulator } = await launch();
  await addEvent(emulator, { mac: FRONT_DOOR, kind: 'person', at: Date.now() - 4 * 60_000 });
  await signIn(page);
  // Main's first event poll gives each camera's newest event to the list.
  const row = cameraRow(page, 'Front Door');
  await expect(row.getByRole('rowheader')).toContainText(/Last event: Person (4|5) min ago/);
  // On the name's second line: the row keeps the height the table places it by.
  expect(
    await row.evaluate((tr) => {
      const table = tr.closest('table');
      const expected = table ? getComputedStyle(table).getPropertyValue('--row-height') : '';
      return Math.abs(tr.getBoundingClientRect().height - parseFloat(expected));
    }),
  ).toBeLessThan(0.5);
  await screenshot(page, 'events-last-in-list');

  await row.getByRole('button', { name: 'Front Door', exact: true }).click();
  const pane = page.getByRole('region', { name: 'Front Door details' });
  const events = pane.getByRole('list', { name: 'Newest events from Front Door' });
  await expect(events.getByRole('listitem').first()).toBeVisible();
  expect(await events.getByRole('listitem').count()).toBeLessThanOrEqual(6);
  const picture = events.getByRole('img', { name: /^Person at Front Door, / }).first();
  expect(await naturalWidth(picture)).toBeGreaterThan(0);
  await events.scrollIntoViewIfNeeded();
  await screenshot(page, 'events-in-details');

  await pane.getByRole('button', { name: 'Show all events for Front Door' }).click();
  await expect(page.getByRole('heading', { name: 'Events' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Camera' })).toHaveValue(FRONT_DOOR);
  await expect(
    page.getByRole('list', { name: 'Events, newest first' }).getByRole('listitem').first(),
  ).toBeVisible();
});

test('an event that happens while the view is open is offered as "1 new event — show"', async ({
  launch,
}) => {
  test.slow(); // main polls events at most once a minute (docs/protocol.md, "Events")
  const { page, emulator } = await launch();
  await signIn(page);
  await expect(page.getByRole('table', { name: 'Cameras' })).toBeVisible();
  const list = await openEvents(page);
  const eventsButton = page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Events' });
  await expect(eventsButton).toBeFocused();
  await addEvent(emulator, { mac: FRONT_DOOR, kind: 'vehicle', at: Date.now() });

  const show = page.getByRole('button', { name: '1 new event — show' });
  await expect(show).toBeVisible({ timeout: 75_000 });
  // Nothing moved under the reader, and focus stayed where it was.
  await expect(eventsButton).toBeFocused();
  await expect(list.getByRole('img', { name: /^Vehicle at Front Door, / })).toHaveCount(0);
  await show.click();
  await expect(
    list
      .getByRole('listitem')
      .first()
      .getByRole('img', { name: /^Vehicle at Front Door, / }),
  ).toBeVisible();
  await expect(show).toBeHidden();
});

test('sign-out deletes the event pictures and clips kept on disk', async ({ launch }) => {
  const { page, emulator } = await launch();
  const id = await addEvent(emulator, { mac: FRONT_DOOR, kind: 'package', at: Date.now() - 1000 });
  await signIn(page);
  const list = await openEvents(page);
  const picture = list.getByRole('img', { name: /^Package at Front Door, / }).first();
  expect(await naturalWidth(picture)).toBeGreaterThan(0);

  // The profile of this run is the one whose cache holds this event's picture.
  const file = mediaFileName(id, 'picture');
  const cached = readdirSync(tmpdir())
    .filter((name) => name.startsWith('wyzecam-e2e-'))
    .map((name) => join(tmpdir(), name, EVENT_MEDIA_DIR, file))
    .filter((path) => existsSync(path));
  expect(cached).toHaveLength(1);
  const cacheDir = join(cached[0] ?? '', '..');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect.poll(() => existsSync(cacheDir) && readdirSync(cacheDir).length > 0).toBe(false);
});

test('the Events view passes axe in light and dark', async ({ launch }) => {
  const { page, emulator } = await launch();
  await addEvent(emulator, { mac: FRONT_DOOR, kind: 'motion' });
  await signIn(page);
  await openEvents(page);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page })
      .include('.events-view')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(results.violations, `Events view, ${colorScheme}`).toEqual([]);
  }
});
