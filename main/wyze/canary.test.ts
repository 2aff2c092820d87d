import { afterEach, describe, expect, it } from 'vitest';
import { md5 } from '../../emulator/hash';
import { totp } from '../../emulator/totp';
import type { WorldInput } from '../../emulator/world';
import { WyzeError } from './errors';
import { demoWorld, harness } from './test-harness';
import type { Harness } from './test-harness';

/**
 * Security S11/S16: run every flow with secrets that contain "CANARY-", capture every log line and
 * every error a caller can see, and find none of the secrets, the password's hashes or the tokens.
 */
const CANARY = {
  email: 'canary@wyzecam.example',
  password: 'CANARY-password-Zq8',
  keyId: 'CANARY-keyid-4d1f',
  apiKey: 'CANARY-apikey-9b7e2c',
};
const MFA_CANARY = {
  ...CANARY,
  email: 'canary-mfa@wyzecam.example',
  keyId: 'CANARY-keyid-mfa',
  apiKey: 'CANARY-apikey-mfa',
};
const TOTP_SECRET = 'KRUGS4ZANFZSAYJAONSWG4TFOQQQ';

async function canaryWorld(): Promise<WorldInput> {
  const world = await demoWorld();
  const devices = world.accounts[0]?.devices ?? [];
  return {
    ...world,
    accounts: [
      { ...CANARY, userId: 'c'.repeat(32), devices },
      {
        ...MFA_CANARY,
        userId: 'd'.repeat(32),
        mfa: {
          totp: { secret: TOTP_SECRET, appId: 'CANARY-totp-app' },
          phone: { countryCode: '+1', number: '5550000' },
          email: true,
        },
        devices,
      },
    ],
  };
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('no secret in logs or errors (S11, S16)', () => {
  it('holds across sign-in, MFA, refresh, lists, faults and failures', async () => {
    h = await harness({
      world: await canaryWorld(),
      client: { attemptTimeoutMs: 200, deadlineMs: 2000 },
    });
    const c = h;
    const seen: unknown[] = [];
    const attempt = async (fn: () => Promise<unknown>) => {
      try {
        seen.push(await fn());
      } catch (err) {
        expect(err).toBeInstanceOf(WyzeError);
        const e = err as WyzeError;
        seen.push(e.message, e.detail, e.stack, JSON.stringify(e.toDto()), String(e));
      }
    };

    await attempt(() => c.client.signIn({ ...CANARY, password: `${CANARY.password}-wrong` }));
    await attempt(() => c.client.signIn({ ...CANARY, apiKey: `${CANARY.apiKey}-wrong` }));
    await attempt(() => c.client.signIn(CANARY));
    await attempt(() => c.client.getAccount());
    await attempt(() => c.client.listDevices());
    await attempt(() => c.client.listDevicesLegacy());
    c.emulator.state.tokens.expireAccess(CANARY.email);
    await attempt(() => c.client.listDevices());
    await attempt(() => c.client.refreshSession());
    for (const fault of [
      { kind: 'malformed' },
      { kind: 'status', status: 500 },
      { kind: 'hang' },
      { kind: 'appCode', code: '777', msg: 'weird' },
    ] as const) {
      c.emulator.state.setFaults([{ path: '/app/v2/home_page/get_object_list', ...fault }]);
      await attempt(() => c.client.listDevices());
    }
    c.emulator.state.setFaults([]);
    await attempt(() => c.client.getDeviceInfo('2CAA8E4F1A02', 'WYZE_CAKP2JFUS'));
    c.emulator.state.tokens.revokeRefresh(CANARY.email);
    c.emulator.state.tokens.expireAccess(CANARY.email);
    await attempt(() => c.client.listDevices());
    c.client.signOut();

    await attempt(() => c.client.signIn(MFA_CANARY));
    await attempt(() => c.client.verifyMfa('totp', '000000'));
    await attempt(() => c.client.sendMfaCode('sms'));
    await attempt(() => c.client.verifyMfa('sms', c.emulator.state.outbox.at(-1)?.code ?? ''));
    c.client.signOut();
    await attempt(() => c.client.signIn(MFA_CANARY));
    await attempt(() => c.client.verifyMfa('totp', totp(TOTP_SECRET, c.clock.now())));
    await attempt(() => c.client.listDevices());
    c.emulator.state.setFaults([{ kind: 'authError', description: `echo ${CANARY.apiKey}` }]);
    c.client.signOut();
    await attempt(() => c.client.signIn(CANARY));

    const tokens = c.persisted.flatMap((t) => [t.accessToken, t.refreshToken]);
    expect(tokens.length).toBeGreaterThanOrEqual(8);
    expect(c.logs.length).toBeGreaterThan(20);
    const haystack = JSON.stringify([c.logs, seen]);
    const forbidden = [
      'CANARY-',
      md5(CANARY.password),
      md5(md5(CANARY.password)),
      md5(md5(md5(CANARY.password))),
      TOTP_SECRET,
      ...tokens,
    ];
    expect(forbidden.filter((secret) => haystack.includes(secret))).toEqual([]);
  });
});
