/**
 * `npm run bench`: for the demo world and a generated 2,000-camera world, prints
 *  - cloud requests made before the first camera row is painted (cold sign-in; relaunch with a
 *    stored session),
 *  - time to first row, against a static HTML page of the same rows in the same browser (ratio),
 *  - the renderer's gzipped JavaScript size.
 * Runs the real preview host, the real emulator and Debian's Chromium; medians of several runs.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { DEMO_ACCOUNT } from '../emulator/demo-account';
import { generateWorld } from '../emulator/generate';
import { startEmulator } from '../emulator/server';
import type { RunningEmulator } from '../emulator/server';
import type { WorldInput } from '../emulator/world';
import { createLogger } from '../main/logging/logger';
import { startPreviewHost } from '../preview/host';
import type { PreviewHost } from '../preview/host';
import { CHROMIUM_ARGS } from '../playwright.config';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEMO = DEMO_ACCOUNT;

/** Records when the first camera row enters the DOM, then waits one frame for it to paint. */
const FIRST_ROW_PROBE = `
  window.__firstRow = null;
  new MutationObserver((_, obs) => {
    if (window.__firstRow === null && document.querySelector('table tbody tr')) {
      obs.disconnect();
      requestAnimationFrame(() => { window.__firstRow = performance.now(); });
    }
  }).observe(document, { subtree: true, childList: true });
`;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

const totalRequests = (e: RunningEmulator): number =>
  [...e.state.requestCounts.values()].reduce((a, b) => a + b, 0);

async function firstRowAt(page: Page): Promise<number> {
  await page.waitForFunction(
    () => (window as unknown as { __firstRow: number | null }).__firstRow !== null,
    null,
    {
      timeout: 60_000,
    },
  );
  return page.evaluate(() => (window as unknown as { __firstRow: number }).__firstRow);
}

async function measureWorld(browser: Browser, name: string, world: string | WorldInput) {
  const emulator = await startEmulator({ world });
  const profile = mkdtempSync(join(tmpdir(), 'wyzecam-bench-'));
  const keychainService = `Wyzecam Bench ${process.pid} ${name}`;
  const host = (): Promise<PreviewHost> =>
    startPreviewHost({
      baseUrls: { auth: emulator.url, api: emulator.url },
      userDataDir: profile,
      keychainService,
      logger: createLogger({ sink: () => undefined }),
      appVersion: 'bench',
    });
  const cold = { requests: [] as number[], ms: [] as number[] };
  const warm = { requests: [] as number[], ms: [] as number[] };
  let rowsHtml = '';
  let persistence = '';
  try {
    for (let run = 0; run < RUNS; run++) {
      // Cold: signed out, sign in through the form, count until the first row is painted.
      let h = await host();
      let context = await browser.newContext();
      let page = await context.newPage();
      await page.addInitScript(FIRST_ROW_PROBE);
      await page.goto(h.url);
      await page.getByLabel('Email').fill(DEMO.email);
      await page.getByLabel('Password', { exact: true }).fill(DEMO.password);
      await page.getByLabel('API key ID').fill(DEMO.keyId);
      await page.getByLabel('API key', { exact: true }).fill(DEMO.apiKey);
      const before = totalRequests(emulator);
      const clickedAt = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: 'Sign in' }).click();
      const painted = await firstRowAt(page);
      cold.requests.push(totalRequests(emulator) - before);
      cold.ms.push(painted - clickedAt);
      await page.getByRole('table', { name: 'Cameras' }).locator('tbody tr').first().waitFor();
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      persistence = h.services.session.view().persistence;
      rowsHtml = await page.getByRole('table', { name: 'Cameras' }).evaluate((t) => t.outerHTML);
      await context.close();
      await h.close();

      // Relaunch: a new host on the same profile and keychain; the stored session and list.
      emulator.state.setFaults([]);
      const beforeWarm = totalRequests(emulator);
      h = await host();
      context = await browser.newContext();
      page = await context.newPage();
      await page.addInitScript(FIRST_ROW_PROBE);
      await page.goto(h.url);
      warm.ms.push(await firstRowAt(page));
      warm.requests.push(totalRequests(emulator) - beforeWarm);
      await h.services.session.signOut();
      await h.services.inventory.settled();
      await context.close();
      await h.close();
    }

    // The same rows as a static page, served as a file, in the same browser.
    const css =
      readdirSync(join(ROOT, 'dist/renderer/assets')).find((f) => f.endsWith('.css')) ?? '';
    const staticFile = join(profile, 'static.html');
    writeFileSync(
      staticFile,
      `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${join(ROOT, 'dist/renderer/assets', css)}"></head><body>${rowsHtml}</body></html>`,
    );
    const staticMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(FIRST_ROW_PROBE);
      await page.goto(`file://${staticFile}`);
      staticMs.push(await firstRowAt(page));
      await context.close();
    }
    return { name, cold, warm, staticMs, persistence };
  } finally {
    await emulator.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

function rendererJsGzip(): { files: number; bytes: number; gzip: number } {
  const dir = join(ROOT, 'dist/renderer/assets');
  const js = readdirSync(dir).filter((f) => f.endsWith('.js'));
  let bytes = 0;
  let gzip = 0;
  for (const f of js) {
    const content = readFileSync(join(dir, f));
    bytes += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { files: js.length, bytes, gzip };
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const worlds: [string, string | WorldInput][] = [
    ['demo (13 cameras + 5 other devices)', join(ROOT, 'emulator/worlds/demo.json')],
    ['generated (2,000 cameras)', generateWorld(2000)],
  ];
  const results = [];
  try {
    for (const [name, world] of worlds) results.push(await measureWorld(browser, name, world));
  } finally {
    await browser.close();
  }
  const size = rendererJsGzip();
  console.log(
    `\nWyzecam Desktop benchmark — medians of ${RUNS} runs, Debian Chromium, preview host\n`,
  );
  for (const r of results) {
    const warmMs = median(r.warm.ms);
    const staticMs = median(r.staticMs);
    console.log(`${r.name}  [secrets: ${r.persistence}]`);
    console.log(
      `  cloud requests before the first row, cold sign-in:          ${median(r.cold.requests)}`,
    );
    console.log(
      `  cloud requests before the first row, relaunch (stored):     ${median(r.warm.requests)}`,
    );
    console.log(
      `  time to first row, cold sign-in (click → painted):          ${median(r.cold.ms).toFixed(0)} ms`,
    );
    console.log(
      `  time to first row, relaunch (navigation → painted):         ${warmMs.toFixed(0)} ms`,
    );
    console.log(
      `  time to first row, static HTML of the same rows:            ${staticMs.toFixed(0)} ms`,
    );
    console.log(
      `  ratio app relaunch / static page:                           ${(warmMs / staticMs).toFixed(2)}×\n`,
    );
  }
  console.log(
    `renderer JavaScript: ${size.files} file(s), ${(size.bytes / 1024).toFixed(1)} KiB, ${(size.gzip / 1024).toFixed(1)} KiB gzipped`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
