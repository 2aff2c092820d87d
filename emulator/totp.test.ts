import { describe, expect, it } from 'vitest';
import { base32Decode, totp, verifyTotp } from './totp';

// RFC 6238 appendix B test vectors (SHA-1, secret "12345678901234567890"), last six digits.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('totp', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('matches RFC 6238 at t=%i', (seconds, code) => {
    expect(totp(RFC_SECRET, seconds * 1000)).toBe(code);
  });

  it('accepts one step of drift and no more', () => {
    const now = 1_800_000_000_000;
    expect(verifyTotp(RFC_SECRET, totp(RFC_SECRET, now - 30_000), now)).toBe(true);
    expect(verifyTotp(RFC_SECRET, totp(RFC_SECRET, now - 90_000), now)).toBe(false);
  });

  it('rejects characters outside base32', () => {
    expect(() => base32Decode('ABC1')).toThrow(/base32/);
  });
});
