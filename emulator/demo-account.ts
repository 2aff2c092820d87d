import demoWorldJson from './worlds/demo.json' with { type: 'json' };
import { parseWorld } from './world';
import type { AccountSpec, WorldInput } from './world';

/** What a person types to sign into an emulator account: e-mail, password, key ID and API key. */
export interface DemoAccount {
  readonly email: string;
  readonly password: string;
  readonly keyId: string;
  readonly apiKey: string;
}

/** The two-step demo account: its credentials and the authenticator secret that makes its codes. */
export interface MfaDemoAccount extends DemoAccount {
  readonly totpSecret: string;
}

/** The demo world as written in emulator/worlds/demo.json, for `startEmulator({ world })`. */
export const DEMO_WORLD: WorldInput = demoWorldJson as WorldInput;

const world = parseWorld(demoWorldJson, 'emulator/worlds/demo.json');

function credentialsOf(account: AccountSpec | undefined, which: string): DemoAccount {
  if (!account || account.password === null) {
    throw new Error(`emulator/worlds/demo.json: the ${which} needs a Wyze password`);
  }
  const { email, password, keyId, apiKey } = account;
  return Object.freeze({ email, password, keyId, apiKey });
}

/**
 * The demo account: the demo world's first account. The world file is the one place its
 * credentials are written; the app's demo mode, the tests and the benchmark all read them here.
 */
export const DEMO_ACCOUNT: DemoAccount = credentialsOf(world.accounts[0], 'first account');

const mfaAccount = world.accounts.find((account) => account.mfa?.totp);
const totpSecret = mfaAccount?.mfa?.totp?.secret;
if (totpSecret === undefined) {
  throw new Error('emulator/worlds/demo.json: no account has an authenticator (TOTP) secret');
}

/** The demo world's account with two-step verification by authenticator app. */
export const MFA_DEMO_ACCOUNT: MfaDemoAccount = Object.freeze({
  ...credentialsOf(mfaAccount, 'two-step account'),
  totpSecret,
});
