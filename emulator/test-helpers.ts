import { createHash } from 'node:crypto';

/** Test-only helpers shared by the emulator's and the client's suites. */
export const md5x3 = (s: string): string => {
  let out = s;
  for (let i = 0; i < 3; i++) out = createHash('md5').update(out, 'utf8').digest('hex');
  return out;
};

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
