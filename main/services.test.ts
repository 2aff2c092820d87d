import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { md5 } from '../emulator/hash';
import { startEmulator } from '../emulator/server';
import type { RunningEmulator } from '../emulator/server';
import type { WorldInput } from '../emulator/world';
import type { Scheduler } from './cameras/inventory';
import { createLogger } from './logging/logger';
import { loadKeytar } from './session/secret-store';
import type { KeytarLike } from './session/secret-store';
import { createAppServices } from './services';
import type { AppServices } from './services';
import { demoWorld } from './wyze/test-harness';

const CANARY = {
  email: 'canary@wyzecam.example',
  password: 'CANARY-pw-services',
  keyId: 'CANARY-keyid-services',
  apiKey: 'CANARY-apikey-services',
};

const hasSecretService = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS) && loadKeytar() !== null;

/** A scheduler tests drive by hand. */
function manualScheduler() {
  const pending: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  const scheduler: Scheduler = {
    schedule(fn, ms) {
      const entry = { fn, ms, cancelled: false };
      pending.push(entry);
      return () => {
        entry.cancelled = true;
      };
    },
  };
  return {
    scheduler,
    live: () => pending.filter((p) => !p.cancelled),
    runNext: () => {
      const next = pending.find((p) => !p.cancelled);
      if (next) {
        next.cancelled = true;
        next.fn();
      }
      return next?.ms;
    },
  };
}

const failingKeytar: KeytarLike = {
  getPassword: () => Promise.reject(new Error('Could not connect: No such file or directory')),
  setPassword: () => Promise.reject(new Error('Could not connect')),
  deletePassword: () => Promise.reject(new Error('Could not connect')),
  findCredentials: () => Promise.reject(new Error('Could not connect')),
};

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function world(): Promise<WorldInput> {
  const w = await demoWorld();
  const demo = w.accounts[0];
  if (!demo) throw new Error('no demo account');
  return { ...w, accounts: [{ ...demo, ...CANARY }, ...w.accounts.slice(1)] };
}

async function setup(
  opts: {
    keytar?: KeytarLike | null;
    dir?: string;
    service?: string;
    emulator?: RunningEmulator;
  } = {},
) {
  const emulator = opts.emulator ?? (await startEmulator({ world: await world() }));
  if (!opts.emulator) cleanups.push(() => emulator.close());
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'wyzecam-services-'));
  if (!opts.dir) cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const service = opts.service ?? `Wyzecam Test ${randomUUID()}`;
  const clock = manualScheduler();
  const services: AppServices = await createAppServices({
    userDataDir: dir,
    keychainService: service,
    baseUrls: { auth: emulator.url, api: emulator.url },
    appVersion: '0.1.0-test',
    logger: createLogger({ sink: () => undefined }),
    isTrustedSender: () => true,
    openUrl: async () => undefined,
    keytar: opts.keytar,
    scheduler: clock.scheduler,
  });
  cleanups.push(() => services.shutdown());
  return { emulator, dir, service, services, clock };
}

const untilList = (s: AppServices) =>
  new Promise<void>((resolve) => {
    if (s.inventory.view().fetchedAt !== null && !s.inventory.view().refreshing) return resolve();
    const off = s.inventory.onChange((v) => {
      if (v.fetchedAt !== null && !v.refreshing) {
        off();
        resolve();
      }
    });
  });

function filesUnder(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}

const secretsOf = (password: string) => [
  password,
  md5(password),
  md5(md5(password)),
  md5(md5(md5(password))),
];

describe('secrets without a keychain (security S13)', () => {
  it('keeps them in memory, says so, and writes nothing secret under the data folder', async () => {
    const { services, dir, emulator } = await setup({ keytar: failingKeytar });
    expect(services.session.view().persistence).toBe('memory');
    await services.session.signIn(CANARY);
    await untilList(services);
    emulator.state.tokens.expireAccess(CANARY.email);
    await services.inventory.refresh();
    const written = filesUnder(dir);
    expect(written).toContain('Driveway'); // the camera cache is there…
    for (const secret of ['CANARY-', 'eyJ', ...secretsOf(CANARY.password)]) {
      expect(written).not.toContain(secret); // …and nothing secret
    }
  });

  it('moves to memory if the keychain fails mid-session, and says so', async () => {
    let calls = 0;
    const flaky: KeytarLike = {
      ...failingKeytar,
      findCredentials: async () => [],
      setPassword: async () => {
        calls++;
        throw new Error('keychain locked');
      },
    };
    const { services, dir } = await setup({ keytar: flaky });
    expect(services.session.view().persistence).toBe('keychain');
    await services.session.signIn(CANARY);
    expect(calls).toBe(1);
    expect(services.session.view()).toMatchObject({ status: 'signedIn', persistence: 'memory' });
    expect(filesUnder(dir)).not.toContain('CANARY-');
  });
});

// secret-tool exists only on Linux; CI is set on the Windows and macOS runners too.
describe.runIf(process.platform === 'linux' && (hasSecretService || process.env.CI))(
  'with the real OS keychain (security S12, S14, S15)',
  () => {
    it('stores tokens and key in the keychain, never the password, and sign-out leaves nothing', async () => {
      expect(hasSecretService).toBe(true);
      const { services, dir, service } = await setup();
      expect(services.session.view().persistence).toBe('keychain');
      await services.session.signIn(CANARY);
      await untilList(services);
      const keychain = spawnSync('secret-tool', ['search', '--all', 'service', service], {
        encoding: 'utf8',
      });
      const stored = `${keychain.stdout}${keychain.stderr}`;
      expect(stored).toContain('CANARY-apikey-services');
      expect(stored).toContain('CANARY-keyid-services');
      const everywhere = stored + filesUnder(dir);
      for (const secret of secretsOf(CANARY.password)) expect(everywhere).not.toContain(secret);

      await services.router.dispatch(
        { url: 'app://wyzecam/', isMainFrame: true },
        'session:sign-out',
        undefined,
      );
      const after = spawnSync('secret-tool', ['search', '--all', 'service', service], {
        encoding: 'utf8',
      });
      expect(`${after.stdout}${after.stderr}`.trim()).toBe('');
      expect(filesUnder(dir)).not.toContain('Driveway');
      expect(filesUnder(dir)).not.toContain(CANARY.email);
    });

    it('restores the session at launch, shows the cached list at once, then refreshes', async () => {
      const first = await setup();
      await first.services.session.signIn(CANARY);
      await untilList(first.services);
      await first.services.shutdown();
      first.emulator.state.updateDevice('2CAA8E4F1A02', { nickname: 'Driveway (renamed)' });
      const logins = first.emulator.state.requestCounts.get('/api/user/login');

      first.emulator.state.setFaults([
        { kind: 'latency', ms: 300, path: '/app/v2/home_page/get_object_list' },
      ]);
      const second = await setup({
        dir: first.dir,
        service: first.service,
        emulator: first.emulator,
      });
      expect(second.services.session.view()).toMatchObject({
        status: 'signedIn',
        hasStoredApiKey: true,
      });
      await new Promise<void>((resolve) => {
        const check = () => second.services.inventory.view().devices.length > 0 && resolve();
        second.services.inventory.onChange(check);
        check();
      });
      const shown = second.services.inventory.view();
      expect(shown.stale).toBe(true);
      expect(shown.devices.find((d) => d.mac === '2CAA8E4F1A02')?.name).toBe('Driveway');
      // The refresh waits until a window has shown the cached list (it reports itself visible
      // after painting it): reading the list is not enough.
      const window = { url: 'app://wyzecam/index.html', isMainFrame: true };
      await second.services.router.dispatch(window, 'cameras:get', undefined);
      await new Promise((resolve) => setImmediate(resolve));
      expect(second.services.inventory.view().refreshing).toBe(false);
      await second.services.router.dispatch(window, 'app:report-visibility', { visible: true });
      await new Promise<void>((resolve) => {
        const fresh = () => !second.services.inventory.view().stale && resolve();
        second.services.inventory.onChange(fresh);
        fresh();
      });
      await untilList(second.services);
      expect(
        second.services.inventory.view().devices.find((d) => d.mac === '2CAA8E4F1A02')?.name,
      ).toBe('Driveway (renamed)');
      expect(first.emulator.state.requestCounts.get('/api/user/login')).toBe(logins);
    });

    it('reuses the stored API key when signing in again after the session ended', async () => {
      const { services, emulator } = await setup();
      await services.session.signIn(CANARY);
      await untilList(services);
      emulator.state.tokens.revokeRefresh(CANARY.email);
      emulator.state.tokens.expireAccess(CANARY.email);
      await expect(services.inventory.refresh()).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
      expect(services.session.view()).toMatchObject({
        status: 'expired',
        email: CANARY.email,
        hasStoredApiKey: true,
      });
      expect(services.inventory.view()).toMatchObject({ stale: true });
      expect(services.inventory.view().devices.length).toBeGreaterThan(0);
      await services.session.signIn({ email: CANARY.email, password: CANARY.password });
      expect(services.session.view().status).toBe('signedIn');
    });

    it('the demo account never touches the keychain', async () => {
      const { services, service } = await setup();
      await services.session.startDemo();
      expect(services.session.view()).toMatchObject({
        status: 'signedIn',
        demo: true,
        persistence: 'memory',
      });
      await untilList(services);
      const found = spawnSync('secret-tool', ['search', '--all', 'service', service], {
        encoding: 'utf8',
      });
      expect(`${found.stdout}${found.stderr}`.trim()).toBe('');
      await services.session.signOut();
      expect(services.session.view()).toMatchObject({ status: 'signedOut', demo: false });
    });
  },
);

describe('automatic refresh', () => {
  it('every 60 s while visible, paused while hidden, resumed when shown', async () => {
    const { services, clock, emulator } = await setup({ keytar: null });
    await services.session.signIn(CANARY);
    await untilList(services);
    const LIST = '/app/v2/home_page/get_object_list';
    const before = emulator.state.requestCounts.get(LIST) ?? 0;
    expect(clock.live().map((p) => p.ms)).toEqual([60_000]);
    clock.runNext();
    await untilList(services);
    expect(emulator.state.requestCounts.get(LIST)).toBe(before + 1);
    services.inventory.setVisible(false);
    expect(clock.live()).toEqual([]);
    services.inventory.setVisible(true);
    expect(clock.live().map((p) => p.ms)).toEqual([60_000]);
  });

  it('slows down when the rate budget runs low, and waits for the reset when limited', async () => {
    const w = await world();
    const emulator = await startEmulator({
      world: { ...w, rateLimits: { app: { limit: 40, windowSeconds: 300 } } },
    });
    cleanups.push(() => emulator.close());
    const { services, clock } = await setup({ keytar: null, emulator });
    await services.session.signIn(CANARY);
    await untilList(services);
    expect(clock.live().at(-1)?.ms).toBe(60_000);
    for (let i = 0; i < 12; i++) await services.inventory.refresh();
    expect(clock.live().at(-1)?.ms).toBe(180_000);
    emulator.state.setFaults([
      { kind: 'status', status: 429, path: '/app/v2/home_page/get_object_list' },
    ]);
    await expect(services.inventory.refresh()).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    const view = services.inventory.view();
    expect(view.rateLimitedUntil).toBeGreaterThan(Date.now() + 60_000);
    expect(clock.live().at(-1)?.ms).toBeGreaterThan(60_000);
  });
});

describe('session actions through the IPC router', () => {
  it('two sign-ins dispatched at once: one login, and the second gets a typed answer', async () => {
    const { services, emulator } = await setup({ keytar: null });
    const app = { url: 'app://wyzecam/', isMainFrame: true };
    const before = emulator.state.requestCounts.get('/api/user/login') ?? 0;
    const [first, second] = await Promise.all([
      services.router.dispatch(app, 'session:sign-in', CANARY),
      services.router.dispatch(app, 'session:sign-in', CANARY),
    ]);
    expect(first).toMatchObject({ ok: true, value: { status: 'signedIn' } });
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: 'A sign-in is already in progress.' },
    });
    expect(emulator.state.requestCounts.get('/api/user/login')).toBe(before + 1);
  });
});

describe('resetting the cached camera list', () => {
  it('rewrites cameras.json from the cloud when signed in, and removes it when signed out', async () => {
    const { services, dir, emulator } = await setup({ keytar: null });
    await services.session.signIn(CANARY);
    await untilList(services);
    const cacheFile = join(dir, 'cameras.json');
    expect(readFileSync(cacheFile, 'utf8')).toContain('Driveway');

    emulator.state.updateDevice('2CAA8E4F1A02', { nickname: 'Driveway (after reset)' });
    const view = await services.inventory.resetCache();
    expect(view.devices.find((d) => d.mac === '2CAA8E4F1A02')?.name).toBe('Driveway (after reset)');
    expect(readFileSync(cacheFile, 'utf8')).toContain('Driveway (after reset)');

    await services.session.signOut();
    await services.inventory.settled();
    await services.inventory.resetCache();
    expect(existsSync(cacheFile)).toBe(false);
    expect(services.inventory.view().devices).toEqual([]);
  });
});
