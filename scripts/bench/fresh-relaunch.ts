/**
 * The relaunch with the host in a fresh process, as a desktop relaunch starts a fresh main: the
 * bench's other relaunches start their host in its own warm Node process, where main's first
 * render of the first screen is several times quicker (scripts/README.md, "The thirteenth pass").
 */
import type { Browser } from '@playwright/test';
import type { PreviewHost } from '../../preview/host';
import { childHostEnv, spawnChildHost, stopChildHost } from '../../preview/child-host';
import type { ChildHostSetup } from '../../preview/child-host';
import { fillSignIn, firstRowAt, newPage, quiet, settled } from './page';

export interface FreshRelaunchSetup extends ChildHostSetup {
  /** The repository root, whose `preview/cli.ts` (and dist/) the host process runs. */
  root: string;
  runs: number;
  /** A host in the bench's own process, on the same profile and keychain. */
  host(): Promise<PreviewHost>;
  browser: Browser;
}

/**
 * Navigation → first row painted, once a run. The bench's relaunches each end signed out: this
 * signs in once more (the host saves the session and the list), then starts the host as its own
 * process on that profile and keychain for each run, stopped with SIGTERM (it saves what it holds),
 * and signs out at the end.
 */
export async function measureFreshRelaunches(setup: FreshRelaunchSetup): Promise<number[]> {
  const h = await setup.host();
  const { context, page } = await newPage(setup.browser);
  await page.goto(h.url);
  await fillSignIn(page);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await settled(page);
  await h.services.inventory.settled();
  await context.close();
  await h.close();
  const figures: number[] = [];
  for (let run = 0; run < setup.runs; run++) {
    const fresh = await newPage(setup.browser);
    // The host starting is part of the relaunch; the last one's teardown is not.
    await quiet();
    const started = await spawnChildHost(setup.root, childHostEnv(setup));
    try {
      await fresh.page.goto(started.url);
      figures.push(await firstRowAt(fresh.page));
      await settled(fresh.page);
    } finally {
      await fresh.context.close();
      await stopChildHost(started.child);
    }
  }
  const last = await setup.host();
  await last.services.session.signOut();
  await last.services.inventory.settled();
  await last.close();
  return figures;
}
