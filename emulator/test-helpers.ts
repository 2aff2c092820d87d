import { tripleMd5 } from './hash';

/** Test-only helpers shared by the emulator's and the client's suites. */
/** The password hash the auth host expects; the emulator's own implementation. */
export const md5x3 = tripleMd5;

export const DEMO = {
  email: 'demo@wyzecam.example',
  password: 'wyze-demo-2026',
  keyId: 'demo-key-id',
  apiKey: 'demo-api-key',
} as const;

export const MFA_DEMO = {
  email: 'mfa@wyzecam.example',
  password: 'wyze-demo-2026',
  keyId: 'mfa-key-id',
  apiKey: 'mfa-api-key',
  totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
} as const;

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
