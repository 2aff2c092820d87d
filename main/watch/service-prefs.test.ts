import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { T0, watchHarness } from './service-fakes';

const DAY = 86_400_000;

describe('watch service: preferences and key age', () => {
  it('reads watch.json leniently: a bad preference gets its default, the others stay', async () => {
    const first = await watchHarness();
    await writeFile(
      join(first.dir, 'watch.json'),
      JSON.stringify({
        prefs: { notifications: false, offlineAfterMin: 9999, mutedMacs: 'A', startAtLogin: true },
        lastSeenAt: 'yesterday',
        pausedUntil: T0 + 5,
      }),
    );
    const h = await watchHarness({ dir: first.dir });
    expect(h.service.state().prefs).toEqual({
      notifications: false,
      offlineAfterMin: 5,
      mutedMacs: [],
      keepWatchingWhenClosed: null,
      startAtLogin: true,
    });
    expect(h.service.state().pausedUntil).toBe(T0 + 5);
    expect(h.service.state().unseen.lastSeenAt).toBeNull();
  });

  it('persists preferences and applies start-at-login', async () => {
    const applyLoginItem = vi.fn(() => Promise.resolve());
    const h = await watchHarness({ applyLoginItem });
    await h.service.setPrefs({ startAtLogin: true, keepWatchingWhenClosed: true });
    expect(applyLoginItem).toHaveBeenCalledWith(true);
    expect(h.service.keepsWatching()).toBe(true);
    await h.service.flushed();
    const again = await watchHarness({ dir: h.dir });
    expect(again.service.state().prefs).toMatchObject({
      startAtLogin: true,
      keepWatchingWhenClosed: true,
    });
  });

  it('keeps start-at-login as it was when the login item cannot be changed', async () => {
    const h = await watchHarness({ applyLoginItem: () => Promise.reject(new Error('denied')) });
    await expect(h.service.setPrefs({ startAtLogin: true })).rejects.toMatchObject({
      code: 'INTERNAL',
    });
    expect(h.service.state().prefs.startAtLogin).toBe(false);
  });

  it('reminds about the API key from day 330, keeping only a hash of the key ID', async () => {
    const h = await watchHarness();
    h.signIn();
    expect(h.service.state().apiKey).toEqual({ firstUsedAt: T0, ageDays: 0, remind: false });
    h.clock.advance(329 * DAY);
    expect(h.service.state().apiKey).toMatchObject({ ageDays: 329, remind: false });
    h.clock.advance(DAY);
    expect(h.service.state().apiKey).toMatchObject({ ageDays: 330, remind: true });
    await h.service.flushed();
    const text = await readFile(join(h.dir, 'watch.json'), 'utf8');
    expect(text).not.toContain('key-id-1234');
    expect(text).toMatch(/"keyIdSha256":"[0-9a-f]{64}"/);
  });

  it('starts the age again for a new key, and has none in the demo', async () => {
    const h = await watchHarness();
    h.signIn();
    h.clock.advance(400 * DAY);
    h.setSession({ status: 'signedOut' });
    h.setKeyId('another-key');
    h.signIn();
    expect(h.service.state().apiKey).toMatchObject({ ageDays: 0, remind: false });
    h.setSession({ status: 'signedOut' });
    h.signIn('demo@example.com', true);
    expect(h.service.state().apiKey).toBeNull();
  });
});
