import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { MFA_DEMO_ACCOUNT } from '../emulator/demo-account';
import { cameraRow, cameraTable, expect, screenshot, signIn, test } from './fixtures';

/** One line per violation: the rule, its impact and the elements it names. */
function describeViolations(
  violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations'],
): string[] {
  return violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
}

/** Runs axe (WCAG 2.x A and AA, and best practices) on the page as it is; no violation passes. */
async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(describeViolations(results.violations), `axe on ${screen}`).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe in the ${scheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
    });

    test('sign-in and two-step verification', async ({ launch }) => {
      const { page } = await launch();
      await page.emulateMedia({ colorScheme: scheme });
      await expect(page.getByRole('heading', { name: 'Sign in to Wyze' })).toBeVisible();
      await expectNoViolations(page, 'sign-in');
      await signIn(page, MFA_DEMO_ACCOUNT);
      await expect(page.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
      await expectNoViolations(page, 'two-step verification');
    });

    test('camera list, details pane, pictures view and the dialogs', async ({ launch }) => {
      test.slow(); // eight axe runs, each a few seconds on a busy machine
      const { page } = await launch();
      await page.emulateMedia({ colorScheme: scheme });
      await signIn(page);
      await expect(cameraTable(page)).toBeVisible();
      await expectNoViolations(page, 'camera list');
      await screenshot(page, `a11y-cameras-${scheme}`);

      await cameraRow(page, 'Front Door')
        .getByRole('button', { name: 'Front Door', exact: true })
        .click();
      const details = page.getByRole('region', { name: 'Front Door details' });
      await expect(details).toBeVisible();
      await expectNoViolations(page, 'details pane');
      await screenshot(page, `a11y-details-${scheme}`);
      await page.keyboard.press('Escape');
      await expect(details).toBeHidden();

      await page
        .getByRole('group', { name: 'Show cameras as' })
        .getByRole('button', { name: 'Pictures' })
        .click();
      await expect(page.getByRole('list', { name: 'Camera pictures' })).toBeVisible();
      await expectNoViolations(page, 'pictures view');
      await screenshot(page, `a11y-pictures-${scheme}`);
      await page
        .getByRole('group', { name: 'Show cameras as' })
        .getByRole('button', { name: 'Table' })
        .click();

      // The Events view, with the demo world's events (their pictures and Play clip buttons).
      const views = page.getByRole('navigation', { name: 'Views' });
      await views.getByRole('button', { name: 'Events' }).click();
      await expect(
        page
          .getByRole('list', { name: 'Events, newest first' })
          .or(page.getByText('No events in the last 30 days')),
      ).toBeVisible();
      await expectNoViolations(page, 'events view');
      await screenshot(page, `a11y-events-${scheme}`);
      await views.getByRole('button', { name: 'Cameras' }).click();

      // Activity (the sign-in's first look may have recorded nothing yet) and Firmware.
      const nav = page.getByRole('navigation', { name: 'Views' });
      await nav.getByRole('button', { name: 'Activity' }).click();
      await expect(
        page
          .getByRole('region', { name: 'Activity', exact: true })
          .getByRole('status')
          .filter({ hasText: /change/ }),
      ).toBeVisible();
      await expectNoViolations(page, 'activity view');
      await screenshot(page, `a11y-activity-${scheme}`);
      await nav.getByRole('button', { name: 'Firmware' }).click();
      const changes = page.getByRole('region', { name: 'Firmware changes' });
      await expect(changes).toBeVisible();
      await expect(changes.getByText('Reading the history…')).toBeHidden();
      await expectNoViolations(page, 'firmware view');
      await screenshot(page, `a11y-firmware-${scheme}`);
      await nav.getByRole('button', { name: 'Cameras' }).click();

      for (const [button, dialog] of [
        ['Settings', 'Settings'],
        ['Keyboard shortcuts', 'Keyboard shortcuts'],
        ['Export…', 'Export cameras'],
      ] as const) {
        await page.getByRole('button', { name: button, exact: true }).click();
        await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
        await expectNoViolations(page, `the ${dialog} dialog`);
        await screenshot(page, `a11y-${button.replace(/\W+/g, '-').toLowerCase()}-${scheme}`);
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog', { name: dialog })).toBeHidden();
      }
    });

    test('a relaunch’s list before the cloud answers (may be out of date)', async ({ launch }) => {
      const app = await launch();
      await app.page.emulateMedia({ colorScheme: scheme });
      await signIn(app.page);
      await expect(cameraTable(app.page)).toBeVisible();
      // A slow cloud: the relaunch shows the cached list, in muted text, for the whole axe run.
      app.emulator.state.setFaults([
        { kind: 'latency', ms: 15_000, path: '/app/v2/home_page/get_object_list' },
      ]);
      await app.relaunch();
      await app.page.emulateMedia({ colorScheme: scheme });
      await expect(cameraRow(app.page, 'Front Door')).toHaveCount(1);
      await expect(app.page.getByText('may be out of date')).toBeVisible();
      // The app's page, not main's first screen before it (whose controls wait for the app).
      await expect(app.page.getByRole('button', { name: 'Sign out' })).toBeVisible();
      await expectNoViolations(app.page, 'the out-of-date list');
      await expect(app.page.getByText('may be out of date')).toBeVisible();
      await screenshot(app.page, `a11y-stale-${scheme}`);
    });

    test('the demo account (its Demo badge and banner)', async ({ launch }) => {
      const { page } = await launch();
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByRole('button', { name: 'Explore with a demo account' }).click();
      await expect(cameraTable(page)).toBeVisible();
      await expect(page.getByText('Demo', { exact: true })).toBeVisible();
      await expectNoViolations(page, 'the demo account');
      await screenshot(page, `a11y-demo-${scheme}`);
    });

    test('the error boundary', async ({ launch, transport }) => {
      test.skip(
        transport === 'electron',
        'The broken list is injected by intercepting the browser host’s HTTP calls.',
      );
      const { page } = await launch();
      await page.emulateMedia({ colorScheme: scheme });
      await signIn(page);
      await expect(cameraTable(page)).toBeVisible();
      // A list no renderer can show (names that are not text), served to a reloaded page: the
      // event stream is cut so the camera list comes only from this answer.
      await page.route('**/__events*', (route) => route.abort());
      await page.route('**/__ipc/cameras%3Aget', async (route) => {
        const answer = (await (await route.fetch()).json()) as {
          value: { list: { devices: { name: unknown }[] } };
        };
        for (const d of answer.value.list.devices) d.name = { not: 'text' };
        await route.fulfill({ json: answer });
      });
      await page.reload();
      await expect(
        page.getByRole('heading', { name: 'Something here could not be shown' }),
      ).toBeVisible();
      await expectNoViolations(page, 'the error boundary');
    });
  });
}

test('the Dark setting passes axe where the computer prefers light', async ({ launch }) => {
  const { page } = await launch();
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page);
  await expect(cameraTable(page)).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectNoViolations(page, 'the Settings dialog, Dark setting');
  await page.keyboard.press('Escape');
  await expectNoViolations(page, 'camera list, Dark setting');
});
