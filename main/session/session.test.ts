import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from './secret-store';
import type { SecretStore } from './secret-store';
import { gate, startTestCloud, testSession } from './test-session';
import type { Gate, TestCloud } from './test-session';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(() => cloud.close());

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function open(opts: Parameters<typeof testSession>[1] = {}) {
  const made = await testSession(cloud, opts);
  cleanups.push(() => made.close());
  await made.session.init();
  return made;
}

/** What `action` failed with (handled at once, so a test can await it later), or null. */
const failureOf = (action: Promise<unknown>): Promise<unknown> =>
  action.then(
    () => null,
    (err: unknown) => err,
  );

const IN_PROGRESS = { code: 'INVALID_ARGUMENT', message: 'A sign-in is already in progress.' };

describe('session actions run one at a time', () => {
  it('two sign-ins at once: one login request; the second is refused with a typed error', async () => {
    const { session } = await open();
    const before = cloud.logins();
    const [first, second] = await Promise.allSettled([
      session.signIn(cloud.account),
      session.signIn(cloud.account),
    ]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { status: 'signedIn' } });
    expect(second).toMatchObject({ status: 'rejected', reason: IN_PROGRESS });
    expect(cloud.logins()).toBe(before + 1);
    expect(session.view().status).toBe('signedIn');
  });

  it('two demos at once: one cloud started, and it is closed when the demo ends', async () => {
    const { session, demo } = await open();
    const [first, second] = await Promise.allSettled([session.startDemo(), session.startDemo()]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { status: 'signedIn', demo: true } });
    expect(second).toMatchObject({ status: 'rejected', reason: IN_PROGRESS });
    expect(demo.started).toBe(1);
    await session.signOut();
    expect(demo).toEqual({ started: 1, closed: 1 });
  });

  it('a sign-in and a demo at once: only the first proceeds', async () => {
    const { session, demo } = await open();
    const before = cloud.logins();
    const [signIn, startDemo] = await Promise.allSettled([
      session.signIn(cloud.account),
      session.startDemo(),
    ]);
    expect(signIn).toMatchObject({ status: 'fulfilled', value: { demo: false } });
    expect(startDemo).toMatchObject({ status: 'rejected', reason: IN_PROGRESS });
    expect(demo.started).toBe(0);
    expect(cloud.logins()).toBe(before + 1);
  });

  it('signing out during a sign-in cancels it: signed out, nothing kept', async () => {
    const login = gate();
    const { session, secrets, settings } = await open({ holdLogin: login });
    const signingIn = failureOf(session.signIn(cloud.account));
    await login.reached;
    expect(session.view().status).toBe('signingIn');
    const signedOut = await session.signOut();
    expect(await signingIn).toMatchObject({ code: 'CANCELLED' });
    expect(signedOut).toMatchObject({ status: 'signedOut', email: null });
    expect(session.view().status).toBe('signedOut');
    expect(await secrets.load()).toBeNull();
    expect(settings.get().lastEmail).toBeNull();
  });

  it('cancelling a sign-in in progress goes back to where it started', async () => {
    const login = gate();
    const { session, secrets } = await open({ holdLogin: login });
    const signingIn = failureOf(session.signIn(cloud.account));
    await login.reached;
    const cancelled = await session.cancelSignIn();
    expect(await signingIn).toMatchObject({ code: 'CANCELLED' });
    expect(cancelled.status).toBe('signedOut');
    expect(await secrets.load()).toBeNull();
  });

  it('signing out while the demo cloud starts closes that cloud', async () => {
    const starting = gate();
    const { session, demo } = await open({ holdDemoCloud: starting });
    const startingDemo = failureOf(session.startDemo());
    await starting.reached;
    const signingOut = session.signOut();
    starting.open();
    expect(await startingDemo).toMatchObject({ code: 'CANCELLED' });
    expect(await signingOut).toMatchObject({ status: 'signedOut', demo: false });
    expect(demo).toEqual({ started: 1, closed: 1 });
  });

  it('a sign-in after a sign-out that was queued first starts from signed out', async () => {
    const { session } = await open();
    await session.signIn(cloud.account);
    const before = cloud.logins();
    const [out, back] = await Promise.all([session.signOut(), session.signIn(cloud.account)]);
    expect(out.status).toBe('signedOut');
    expect(back.status).toBe('signedIn');
    expect(cloud.logins()).toBe(before + 1);
  });

  it('shutdown closes a running demo cloud', async () => {
    const { session, demo } = await open();
    await session.startDemo();
    await session.shutdown();
    expect(demo).toEqual({ started: 1, closed: 1 });
  });
});

describe('a demo started from an expired session', () => {
  it('signing out while the demo starts ends only the demo: the real session is kept', async () => {
    const starting = gate();
    const { session, secrets, demo } = await open({ holdDemoCloud: starting });
    await session.signIn(cloud.account);
    cloud.emulator.state.tokens.revokeRefresh(cloud.account.email);
    cloud.emulator.state.tokens.expireAccess(cloud.account.email);
    await session
      .client()
      .listDevices()
      .catch(() => undefined);
    expect(session.view().status).toBe('expired');

    const startingDemo = failureOf(session.startDemo());
    await starting.reached;
    const signingOut = session.signOut();
    starting.open();
    expect(await startingDemo).toMatchObject({ code: 'CANCELLED' });
    expect(await signingOut).toMatchObject({ status: 'expired', demo: false });
    expect(await secrets.load()).toMatchObject({ email: cloud.account.email });
    expect(demo).toEqual({ started: 1, closed: 1 });
  });
});

describe('a settings file that cannot be written', () => {
  it('fails neither the sign-in nor the sign-out (the e-mail is only a convenience)', async () => {
    const { session, settings, secrets } = await open();
    vi.spyOn(settings, 'update').mockRejectedValue(new Error('ENOSPC: no space left on device'));
    await expect(session.signIn(cloud.account)).resolves.toMatchObject({ status: 'signedIn' });
    expect(await secrets.load()).toMatchObject({ email: cloud.account.email });
    await expect(session.signOut()).resolves.toMatchObject({ status: 'signedOut' });
    expect(await secrets.load()).toBeNull();
  });
});

describe('keychain writes and sign-out', () => {
  it('a token refresh still saving when the user signs out does not bring the secrets back', async () => {
    const memory = createMemoryStore();
    let holdSave: Gate | null = null;
    const slowStore: SecretStore = {
      ...memory,
      async save(session) {
        const held = holdSave;
        holdSave = null;
        await held?.wait();
        await memory.save(session);
      },
    };
    const { session, secrets } = await open({ secrets: slowStore });
    await session.signIn(cloud.account);
    expect(await secrets.load()).not.toBeNull();

    const saving = gate();
    holdSave = saving;
    const refreshed = failureOf(session.client().refreshSession());
    await saving.reached;
    const signingOut = session.signOut();
    saving.open();
    await signingOut;
    await refreshed;
    expect(await secrets.load()).toBeNull();
  });
});

describe('a hold Wyze imposed outlives everything but a real sign-out (docs/protocol.md, "Rate limits")', () => {
  const SEND_EMAIL_CODE = '/v2/user/login/sendEmailCode';

  /** A session in two-step verification that Wyze has told to wait (HTTP 429 on sign-in calls). */
  async function heldInTwoStep() {
    const made = await open();
    await made.session.signIn(cloud.mfaAccount);
    expect(made.session.view().status).toBe('mfa');
    cloud.emulator.state.setFaults([
      { path: SEND_EMAIL_CODE, kind: 'status', status: 429, times: 1 },
    ]);
    expect(await failureOf(made.session.sendMfaCode('email'))).toMatchObject({
      code: 'RATE_LIMITED',
    });
    const heldUntil = () => made.session.client().rateLimitStatus()[0]?.limitedUntil ?? null;
    expect(heldUntil()).not.toBeNull();
    return { ...made, heldUntil };
  }

  it('cancelling two-step verification keeps the hold', async () => {
    const { session, heldUntil } = await heldInTwoStep();
    const before = heldUntil();
    await session.cancelSignIn();
    expect(session.view().status).toBe('signedOut');
    expect(heldUntil()).toBe(before);
  });

  it('starting and ending a demo keeps the hold', async () => {
    const { session, heldUntil } = await heldInTwoStep();
    await session.cancelSignIn();
    const before = heldUntil();
    expect(before).not.toBeNull();
    await session.startDemo();
    await session.signOut(); // ends only the demo
    expect(session.view().demo).toBe(false);
    expect(heldUntil()).toBe(before);
  });

  it('signing out lifts it', async () => {
    const { session, heldUntil } = await heldInTwoStep();
    await session.signOut();
    expect(session.view().status).toBe('signedOut');
    expect(heldUntil()).toBeNull();
  });
});
