import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { WorldInput } from '../emulator/world';
import { DOCUMENTED_VERBS } from '../preload/documented-verbs';
import { DEMO_WORLD, cameraTable, expect, signIn, test } from './fixtures';

const CANARY = {
  email: 'canary@wyzecam.example',
  password: 'CANARY-password-e2e',
  keyId: 'CANARY-keyid-e2e',
  apiKey: 'CANARY-apikey-e2e',
};

function canaryWorld(): WorldInput {
  const world = JSON.parse(readFileSync(DEMO_WORLD, 'utf8')) as WorldInput;
  const demo = world.accounts[0];
  if (!demo) throw new Error('demo world has no account');
  return { ...world, accounts: [{ ...demo, ...CANARY }] };
}

/** Everything a page script could reach: storage, cookies, IndexedDB, the bridge, the DOM. */
async function everythingInThePage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump = (s: Storage) => JSON.stringify(Object.entries(s));
    const dbs = (await indexedDB.databases?.()) ?? [];
    const caches = 'caches' in window ? await window.caches.keys() : [];
    const bridge = window.wyze as unknown as Record<string, unknown>;
    const bridgeDump = Object.entries(bridge).map(([k, v]) => `${k}:${typeof v}:${String(v)}`);
    return JSON.stringify([
      dump(localStorage),
      dump(sessionStorage),
      document.cookie,
      dbs,
      caches,
      bridgeDump,
      document.documentElement.outerHTML,
      (window as unknown as { __payloads?: unknown[] }).__payloads ?? [],
    ]);
  });
}

test('no secret reaches the page: storage, cookies, IndexedDB, window.wyze, IPC payloads', async ({
  launch,
}) => {
  const app = await launch({ world: canaryWorld() });
  const { page } = app;
  await page.evaluate(() => {
    const w = window as unknown as { __payloads: unknown[] };
    w.__payloads = [];
    window.wyze?.onSessionChanged((p) => w.__payloads.push(p));
    window.wyze?.onCamerasChanged((p) => w.__payloads.push(p));
  });
  await signIn(page, CANARY);
  await expect(cameraTable(page)).toBeVisible();
  app.emulator.state.tokens.expireAccess(CANARY.email);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(() => app.emulator.state.requestCounts.get('/app/user/refresh_token')).toBe(1);
  const results = await page.evaluate(async () => {
    const api = window.wyze;
    if (!api) return [];
    return Promise.all([api.getSession(), api.getCameras(), api.refreshCameras()]);
  });
  const haystack = (await everythingInThePage(page)) + JSON.stringify(results);
  expect(haystack).toContain('canary@wyzecam.example');
  expect(haystack).not.toContain('CANARY-');
  expect(haystack).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  expect(app.keychainEntries()).toContain('account = session');
});

test('window.wyze offers domain verbs only, frozen', async ({ launch }) => {
  const { page } = await launch();
  const shape = await page.evaluate(() => {
    const api = window.wyze as unknown as Record<string, unknown>;
    return {
      keys: Object.keys(api).sort(),
      frozen: Object.isFrozen(api),
      allFunctions: Object.values(api).every((v) => typeof v === 'function'),
    };
  });
  expect(shape).toEqual({
    keys: [...DOCUMENTED_VERBS],
    frozen: true,
    allFunctions: true,
  });
});

test('hostile calls through the bridge are answered with INVALID_ARGUMENT', async ({ launch }) => {
  const { page } = await launch();
  const codes = await page.evaluate(async () => {
    const api = window.wyze as unknown as Record<
      string,
      (...a: unknown[]) => Promise<{ ok: boolean; error?: { code: string } }>
    >;
    const calls = [
      api.signIn?.({ email: 'a', password: 'b', extra: 'x' }),
      api.signIn?.('not an object'),
      api.verifyMfa?.('carrier-pigeon', '123456'),
      api.openExternal?.('https://evil.example'),
      api.reportVisibility?.('yes'),
      api.sendMfaCode?.({ __proto__: { method: 'sms' } }),
    ];
    const results = await Promise.all(calls);
    return results.map((r) => (r?.ok ? 'ok' : r?.error?.code));
  });
  expect(codes).toEqual(Array(6).fill('INVALID_ARGUMENT'));
});

test('the content security policy blocks inline scripts and remote connections', async ({
  launch,
  transport,
}) => {
  test.skip(transport !== 'browser', 'Runs in Chromium against the preview host.');
  const { page } = await launch();
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  const outcome = await page.evaluate(async () => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        void (window as unknown as { reportViolation: (v: string) => void }).reportViolation(
          `${e.violatedDirective} ${e.blockedURI}`,
        ),
    );
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    let fetched: string;
    try {
      await fetch('https://example.com/');
      fetched = 'fetched';
    } catch {
      fetched = 'blocked';
    }
    return {
      injected: (window as unknown as { __injected?: boolean }).__injected === true,
      fetched,
    };
  });
  expect(outcome).toEqual({ injected: false, fetched: 'blocked' });
  await expect.poll(() => violations.join('\n')).toMatch(/script-src/);
  await expect.poll(() => violations.join('\n')).toMatch(/connect-src https:\/\/example\.com/);
});

test("the app's stylesheet, written into the page, applies under the CSP; another style does not", async ({
  launch,
}) => {
  const { page } = await launch();
  const rootFontSize = () =>
    page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  // 15px is the stylesheet's (renderer/styles.css); a page without it would have the default 16px.
  expect(await rootFontSize()).toBe('15px');
  const blocked = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), {
        once: true,
      }),
    );
    const style = document.createElement('style');
    style.textContent = 'html { font-size: 40px }';
    document.head.append(style);
    return violation;
  });
  expect(blocked).toMatch(/^style-src/);
  expect(await rootFontSize()).toBe('15px');
});

test('the page has no Node: require, process, module and Buffer are undefined', async ({
  launch,
}) => {
  const { page } = await launch();
  const globals = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return ['require', 'process', 'module', 'Buffer', 'global'].map(
      (name) => `${name}:${typeof w[name]}`,
    );
  });
  expect(globals).toEqual([
    'require:undefined',
    'process:undefined',
    'module:undefined',
    'Buffer:undefined',
    'global:undefined',
  ]);
});
