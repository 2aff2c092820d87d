import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childHostEnv, spawnChildHost, stopChildHost } from './child-host';

describe('the preview host as a process of its own (child-host.ts)', () => {
  it('points the host at the cloud, profile and keychain given, on a port of its own', () => {
    const env = childHostEnv(
      { cloudUrl: 'http://127.0.0.1:9', userDataDir: '/tmp/p', keychainService: 'k' },
      { PATH: '/bin', PORT: '8080' },
    );
    expect(env).toEqual({
      PATH: '/bin',
      WYZE_AUTH_BASE_URL: 'http://127.0.0.1:9',
      WYZE_API_BASE_URL: 'http://127.0.0.1:9',
      WYZECAM_USER_DATA: '/tmp/p',
      WYZECAM_KEYCHAIN_SERVICE: 'k',
      PORT: '0',
    });
  });

  it('rejects with what the process printed when it exits before printing its URL', async () => {
    // A folder with no preview/cli.ts (and no tsx): the process fails at once.
    const empty = mkdtempSync(join(tmpdir(), 'wyzecam-child-host-'));
    try {
      await expect(spawnChildHost(empty, { PATH: process.env.PATH })).rejects.toThrow(
        /preview host exited \(1\)/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('stops nothing when there is no process', async () => {
    await expect(stopChildHost(null)).resolves.toBeUndefined();
  });
});
