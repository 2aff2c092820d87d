import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, MFA_DEMO_ACCOUNT } from './demo-account';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORLD_FILE = fileURLToPath(new URL('./worlds/demo.json', import.meta.url));

interface RawAccount {
  email: string;
  password: string;
  keyId: string;
  apiKey: string;
  mfa?: { totp?: { secret: string } };
}

/** The demo world read straight from disk, without the module under test. */
const rawAccounts = (JSON.parse(readFileSync(WORLD_FILE, 'utf8')) as { accounts: RawAccount[] })
  .accounts;

/** Tracked files (working tree) that contain `literal`, through git itself. */
function trackedFilesContaining(literal: string): string[] {
  try {
    return execFileSync('git', ['grep', '-I', '-l', '-F', '-e', literal], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
  } catch (err) {
    // git grep exits 1 when nothing matches; anything else is a real failure.
    if ((err as { status?: number }).status === 1) return [];
    throw err;
  }
}

/** Where a demo credential may be written: the demo world, other worlds, and the docs. */
const allowedHome = (file: string): boolean =>
  /^emulator\/worlds\/[^/]+\.json$/.test(file) || file.endsWith('.md');

describe('the demo account has one source: the demo world', () => {
  it("is the demo world's first account", () => {
    const first = rawAccounts[0];
    expect(DEMO_ACCOUNT).toEqual({
      email: first?.email,
      password: first?.password,
      keyId: first?.keyId,
      apiKey: first?.apiKey,
    });
  });

  it("the two-step account is the world's account with an authenticator secret", () => {
    const mfa = rawAccounts.find((a) => a.mfa?.totp);
    expect(MFA_DEMO_ACCOUNT).toEqual({
      email: mfa?.email,
      password: mfa?.password,
      keyId: mfa?.keyId,
      apiKey: mfa?.apiKey,
      totpSecret: mfa?.mfa?.totp?.secret,
    });
    expect(MFA_DEMO_ACCOUNT.email).not.toBe(DEMO_ACCOUNT.email);
  });

  it("the README's demo section gives the same credentials", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const value of [...Object.values(DEMO_ACCOUNT), ...Object.values(MFA_DEMO_ACCOUNT)]) {
      expect(readme).toContain(`\`${value}\``);
    }
  });

  it.each([
    ['password', DEMO_ACCOUNT.password],
    ['key ID', DEMO_ACCOUNT.keyId],
    ['API key', DEMO_ACCOUNT.apiKey],
    ['two-step key ID', MFA_DEMO_ACCOUNT.keyId],
    ['two-step API key', MFA_DEMO_ACCOUNT.apiKey],
    ['authenticator secret', MFA_DEMO_ACCOUNT.totpSecret],
  ])('the %s is written only in world files and docs', (_what, literal) => {
    const files = trackedFilesContaining(literal);
    expect(files).toContain('emulator/worlds/demo.json');
    expect(files.filter((file) => !allowedHome(file))).toEqual([]);
  });
});
