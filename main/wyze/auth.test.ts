import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, MFA_DEMO } from '../../emulator/test-helpers';
import { totp } from '../../emulator/totp';
import type { WyzeError } from './errors';
import { codeOf, demoWorld, harness } from './test-harness';
import type { Harness } from './test-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('sign-in with an API key', () => {
  it('signs in, hands the token pair to onTokens first, and reads the account', async () => {
    h = await harness();
    const outcome = await h.client.signIn(DEMO);
    expect(outcome).toEqual({ kind: 'signedIn' });
    expect(h.persisted).toHaveLength(1);
    expect(h.persisted[0]?.accessToken).toMatch(/^eyJ/);
    expect(h.client.isSignedIn()).toBe(true);
    expect(await h.client.getAccount()).toMatchObject({
      email: DEMO.email,
      nickname: 'Demo Household',
    });
  });

  it('trims the e-mail and the key fields but never the password', async () => {
    h = await harness();
    await h.client.signIn({ ...DEMO, email: `  ${DEMO.email} `, keyId: ` ${DEMO.keyId}\n` });
    expect(h.client.isSignedIn()).toBe(true);
    h.client.signOut();
    expect(await codeOf(h.client.signIn({ ...DEMO, password: `${DEMO.password} ` }))).toBe(
      'INVALID_CREDENTIALS',
    );
  });

  it.each([
    ['a wrong password', { password: 'not-it' }, 'INVALID_CREDENTIALS'],
    ['an unknown e-mail', { email: 'nobody@wyzecam.example' }, 'INVALID_CREDENTIALS'],
    ['a wrong API key', { apiKey: 'not-the-key' }, 'INVALID_API_KEY'],
    ['a wrong key ID', { keyId: 'not-the-id' }, 'INVALID_API_KEY'],
  ])('tells %s apart', async (_name, change, code) => {
    h = await harness();
    expect(await codeOf(h.client.signIn({ ...DEMO, ...change }))).toBe(code);
    expect(h.client.isSignedIn()).toBe(false);
  });

  it('explains accounts made with Google or Apple sign-in', async () => {
    h = await harness();
    const err = await h.client
      .signIn({
        email: 'google@wyzecam.example',
        password: 'my-google-password',
        keyId: 'google-key-id',
        apiKey: 'google-api-key',
      })
      .catch((e: WyzeError) => e);
    expect(err).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect((err as WyzeError).message).toMatch(/Google or Apple/);
  });

  it.each([
    ['no API key', { apiKey: '  ' }, 'MISSING_API_KEY'],
    ['no key ID', { keyId: '' }, 'MISSING_API_KEY'],
    ['no password', { password: '' }, 'INVALID_ARGUMENT'],
    ['no e-mail', { email: ' ' }, 'INVALID_ARGUMENT'],
  ])('refuses %s without asking Wyze', async (_name, change, code) => {
    h = await harness();
    expect(await codeOf(h.client.signIn({ ...DEMO, ...change }))).toBe(code);
    expect(h.hits('/api/user/login')).toBe(0);
  });

  it('reports the lockout after repeated failures, and never retries a login', async () => {
    h = await harness();
    for (let i = 0; i < 5; i++) await codeOf(h.client.signIn({ ...DEMO, password: 'wrong' }));
    expect(h.hits('/api/user/login')).toBe(5);
    const err = await h.client.signIn(DEMO).catch((e: WyzeError) => e);
    expect(err).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect((err as WyzeError).message).toMatch(/few hours/);
    expect(h.hits('/api/user/login')).toBe(6);
  });

  it('says until when when the auth budget is spent, without retrying', async () => {
    const world = await demoWorld();
    h = await harness({
      world: { ...world, rateLimits: { auth: { limit: 1, windowSeconds: 480 } } },
    });
    await h.client.signIn(DEMO);
    h.client.signOut();
    const err = await h.client.signIn(DEMO).catch((e: WyzeError) => e);
    expect(err).toMatchObject({ code: 'RATE_LIMITED' });
    expect((err as WyzeError).retryAt).toBe(Math.floor((h.clock.now() + 480_000) / 1000) * 1000);
    expect((err as WyzeError).message).toMatch(/until about/);
    expect(h.hits('/api/user/login')).toBe(2);
    expect(h.sleeps).toEqual([]);
  });

  it.each([
    [{ kind: 'status', status: 403 }, 'BLOCKED'],
    [{ kind: 'status', status: 503 }, 'SERVER_ERROR'],
    [{ kind: 'authError', description: 'Something new.' }, 'UNKNOWN_CODE'],
    [{ kind: 'malformed' }, 'UNEXPECTED_RESPONSE'],
  ])('maps a login answered with %o to %s, sent once', async (fault, code) => {
    h = await harness();
    h.emulator.state.setFaults([{ path: '/api/user/login', ...fault }]);
    expect(await codeOf(h.client.signIn(DEMO))).toBe(code);
    expect(h.hits('/api/user/login')).toBe(1);
  });
});

describe('two-step verification', () => {
  async function challenged() {
    h = await harness();
    const outcome = await h.client.signIn(MFA_DEMO);
    return outcome;
  }

  it('offers the methods the account has, without any secret', async () => {
    const outcome = await challenged();
    expect(outcome).toEqual({
      kind: 'mfaRequired',
      challenge: { methods: ['totp', 'sms', 'email'], preferred: 'totp', phoneHint: '•••• 0142' },
    });
    expect(h?.client.isSignedIn()).toBe(false);
    expect(h?.persisted).toEqual([]);
  });

  it('completes with an authenticator code, after refusing a wrong one', async () => {
    await challenged();
    const c = h as Harness;
    expect(await codeOf(c.client.verifyMfa('totp', '000000'))).toBe('MFA_CODE_INVALID');
    await c.client.verifyMfa('totp', totp(MFA_DEMO.totpSecret, c.clock.now()));
    expect(c.client.isSignedIn()).toBe(true);
    expect(c.persisted).toHaveLength(1);
    expect((await c.client.listDevices()).devices.map((d) => d.name)).toEqual(['Office', 'Lobby']);
  });

  it('completes with a text message code, and a resent code replaces the first', async () => {
    await challenged();
    const c = h as Harness;
    await c.client.sendMfaCode('sms');
    const first = c.emulator.state.outbox.at(-1);
    await c.client.sendMfaCode('sms');
    const second = c.emulator.state.outbox.at(-1);
    expect(second?.to).toBe('+15555550142');
    expect(second?.code).toBeDefined();
    if (first?.code !== second?.code) {
      expect(await codeOf(c.client.verifyMfa('sms', first?.code ?? ''))).toBe('MFA_CODE_INVALID');
    }
    await c.client.verifyMfa('sms', ` ${second?.code.slice(0, 3)} ${second?.code.slice(3)} `);
    expect(c.client.isSignedIn()).toBe(true);
  });

  it('completes with an e-mailed code', async () => {
    await challenged();
    const c = h as Harness;
    await c.client.sendMfaCode('email');
    const mail = c.emulator.state.outbox.at(-1);
    expect(mail).toMatchObject({ channel: 'email', to: MFA_DEMO.email });
    await c.client.verifyMfa('email', mail?.code ?? '');
    expect(c.client.isSignedIn()).toBe(true);
  });

  it('checks codes locally before asking Wyze', async () => {
    await challenged();
    const c = h as Harness;
    expect(await codeOf(c.client.verifyMfa('sms', '123456'))).toBe('MFA_CODE_INVALID');
    expect(await codeOf(c.client.verifyMfa('totp', 'abcdef'))).toBe('MFA_CODE_INVALID');
    expect(c.hits('/user/login')).toBe(0);
  });

  it('refuses a method the account does not have', async () => {
    const world = await demoWorld();
    const account = world.accounts[1];
    if (!account?.mfa) throw new Error('demo world changed');
    account.mfa = { totp: account.mfa.totp };
    h = await harness({ world });
    const outcome = await h.client.signIn(MFA_DEMO);
    expect(outcome).toMatchObject({ challenge: { methods: ['totp'], phoneHint: null } });
    expect(await codeOf(h.client.sendMfaCode('sms'))).toBe('MFA_METHOD_UNAVAILABLE');
  });

  it('has nothing to verify before a sign-in or after sign-out', async () => {
    await challenged();
    const c = h as Harness;
    c.client.signOut();
    expect(await codeOf(c.client.verifyMfa('totp', '123456'))).toBe('NOT_SIGNED_IN');
  });
});
