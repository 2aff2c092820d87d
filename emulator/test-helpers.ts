import { DEMO_ACCOUNT, MFA_DEMO_ACCOUNT } from './demo-account';
import { tripleMd5 } from './hash';

/** Test-only helpers shared by the emulator's and the client's suites. */
/** The password hash the auth host expects; the emulator's own implementation. */
export const md5x3 = tripleMd5;

/** The demo account's credentials (from the demo world). */
export const DEMO = DEMO_ACCOUNT;

/** The two-step demo account's credentials and authenticator secret (from the demo world). */
export const MFA_DEMO = MFA_DEMO_ACCOUNT;

/** A clock tests move by hand. */
export function fakeClock(start = Date.UTC(2026, 10, 27, 12, 0, 0)) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    set: (ms: number) => {
      now = ms;
    },
  };
}
