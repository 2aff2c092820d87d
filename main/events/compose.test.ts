import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionView } from '../../common/view';
import type { WatchState } from '../../common/watch';
import { createLogger } from '../logging/logger';
import { createAppEvents } from './compose';
import type { AppEventsOptions } from './compose';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff]);
const LOOPBACK_PICTURE = 'http://127.0.0.1:9/event-files/a.jpg';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup(view: Partial<SessionView>, api = 'https://api.wyzecam.com') {
  const dir = mkdtempSync(join(tmpdir(), 'events-compose-'));
  dirs.push(dir);
  let current = { status: 'signedIn', demo: false, ...view } as SessionView;
  const listeners = new Set<(v: SessionView) => void>();
  const fetched: string[] = [];
  const options: AppEventsOptions = {
    userDataDir: dir,
    fetch: (input) => {
      fetched.push(String(input));
      return Promise.resolve(
        new Response(JPEG, { status: 200, headers: { 'content-type': 'image/jpeg' } }),
      );
    },
    logger: createLogger({ level: 'error' }),
    baseUrls: { auth: 'https://auth-prod.api.wyze.com', api },
    session: {
      view: () => current,
      onChange: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      client: () => ({
        getEventList: () => Promise.reject(new Error('not used')),
        rateLimitStatus: () => [],
      }),
    },
    cameras: () => [],
    watch: {
      state: () => ({ prefs: { keepWatchingWhenClosed: null } }) as unknown as WatchState,
      setLastEvents: () => undefined,
      onEvent: () => () => undefined,
    },
    intervalMs: () => 60_000,
    scheduler: { schedule: () => () => undefined },
  };
  const events = createAppEvents(options);
  return {
    events,
    dir,
    fetched,
    setView(next: Partial<SessionView>) {
      current = { ...current, ...next };
      for (const l of listeners) l(current);
    },
  };
}

describe('createAppEvents', () => {
  it('fetches from loopback only in the demo or while the cloud is loopback', async () => {
    for (const [view, api, fetches] of [
      [{ demo: false }, 'https://api.wyzecam.com', 0],
      [{ demo: true }, 'https://api.wyzecam.com', 1],
      [{ demo: false }, 'http://127.0.0.1:4000', 1],
    ] as const) {
      const s = setup(view, api);
      s.events.media.remember('ev', { picture: LOOPBACK_PICTURE, clip: null });
      await s.events.media.get('ev', 'picture');
      expect(s.fetched).toHaveLength(fetches);
    }
  });

  it("deletes the account before's media when another account signs in after an expired session", async () => {
    const s = setup({ demo: false, email: 'a@example.com' }, 'http://127.0.0.1:9');
    s.events.media.remember('ev', { picture: LOOPBACK_PICTURE, clip: null });
    await s.events.media.get('ev', 'picture');
    s.setView({ status: 'expired' });
    s.setView({ status: 'signedIn', email: 'B@example.com' });
    await expect(s.events.media.get('ev', 'picture')).resolves.toBeNull();
    await s.events.settled();
    expect(existsSync(s.events.media.dir)).toBe(false);
    expect(s.fetched).toHaveLength(1);
  });

  it('keeps the media when the same account signs in again after an expired session', async () => {
    const s = setup({ demo: false, email: 'a@example.com' }, 'http://127.0.0.1:9');
    s.events.media.remember('ev', { picture: LOOPBACK_PICTURE, clip: null });
    await s.events.media.get('ev', 'picture');
    s.setView({ status: 'expired' });
    s.setView({ status: 'signedIn', email: 'A@example.com' });
    await s.events.settled();
    expect(existsSync(s.events.media.dir)).toBe(true);
  });

  it("settled() waits for sign-out's deletion of the media on disk", async () => {
    const s = setup({ demo: true });
    s.events.media.remember('ev', { picture: LOOPBACK_PICTURE, clip: null });
    await s.events.media.get('ev', 'picture');
    expect(existsSync(s.events.media.dir)).toBe(true);
    s.setView({ status: 'signedOut' });
    await s.events.settled();
    expect(existsSync(s.events.media.dir)).toBe(false);
  });
});
