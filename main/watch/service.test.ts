import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { WatchEvent } from '../../common/watch';
import { camera, T0, watchHarness } from './service-fakes';

const MIN = 60_000;
const query = { mac: null, kinds: [], before: null, limit: 50 };

describe('watch service: history', () => {
  it('records the changes between two lists, newest first', async () => {
    const h = await watchHarness();
    h.signIn();
    await h.list([camera('A', 'Door'), camera('B', 'Yard')]);
    h.clock.advance(MIN);
    await h.list([
      camera('A', 'Door', { online: false, statusChangedAt: T0 }),
      camera('B', 'Yard', { firmware: '4.37.0' }),
    ]);
    const page = await h.service.listActivity(query);
    expect(page.records.map((r) => [r.kind, r.macs[0]])).toEqual([
      ['firmware', 'B'],
      ['offline', 'A'],
    ]);
    expect(page.records[1]).toMatchObject({ cloudAt: T0, at: T0 + MIN, cameraName: 'Door' });
    expect(h.service.state().historyRevision).toBe(1);
  });

  it('compares the first list after a launch with the last one recorded (changes while closed)', async () => {
    const first = await watchHarness();
    first.signIn();
    await first.list([camera('A', 'Door')]);
    await first.service.flushed();
    const second = await watchHarness({ dir: first.dir });
    second.signIn();
    await second.list([camera('A', 'Door', { online: false, statusChangedAt: T0 - 60 * MIN })]);
    const page = await second.service.listActivity(query);
    expect(page.records.map((r) => r.kind)).toEqual(['offline']);
    // Offline for an hour already: notified at once, not after the delay.
    second.clock.advance(0);
    expect(second.shown.map((s) => s.notice.title)).toEqual(['Door went offline']);
  });

  it('does not compare with the list of another account', async () => {
    const first = await watchHarness();
    first.signIn('one@example.com');
    await first.list([camera('A', 'Door')]);
    const second = await watchHarness({ dir: first.dir });
    second.signIn('two@example.com');
    await second.list([camera('A', 'Door', { online: false })]);
    expect((await second.service.listActivity(query)).total).toBe(0);
  });

  it('deletes the history of the account before when another one signs in', async () => {
    const h = await watchHarness();
    h.signIn('one@example.com');
    await h.list([camera('A', 'Door')]);
    await h.list([camera('A', 'Door', { online: false })]);
    h.setSession({ status: 'expired' });
    h.signIn('two@example.com');
    await h.list([camera('B', 'Yard')]);
    expect((await h.service.listActivity(query)).total).toBe(0);
    await h.service.flushed();
    const again = await watchHarness({ dir: h.dir });
    expect((await again.service.listActivity(query)).total).toBe(0);
  });

  it('pages with a cursor and filters by camera and kind', async () => {
    const h = await watchHarness();
    h.signIn();
    await h.list([camera('A', 'Door'), camera('B', 'Yard')]);
    for (let i = 1; i <= 3; i++) {
      h.clock.advance(MIN);
      await h.list([camera('A', `Door ${i}`), camera('B', 'Yard', { lanIp: `10.0.0.${i}` })]);
    }
    const first = await h.service.listActivity({ ...query, limit: 2 });
    expect(first.total).toBe(5);
    const next = await h.service.listActivity({ ...query, limit: 2, before: first.nextCursor });
    const last = await h.service.listActivity({ ...query, limit: 2, before: next.nextCursor });
    const ids = [...first.records, ...next.records, ...last.records].map((r) => r.id);
    expect(new Set(ids).size).toBe(5);
    expect(last.nextCursor).toBeNull();
    const renames = await h.service.listActivity({ ...query, mac: 'A', kinds: ['name'] });
    expect(renames.records.map((r) => r.to)).toEqual(['Door 3', 'Door 2', 'Door 1']);
  });

  it('exports the selection as CSV through saveFile', async () => {
    const saveFile = vi.fn((file: { suggestedName: string; content: string }) =>
      Promise.resolve({
        kind: 'download' as const,
        fileName: file.suggestedName,
        content: file.content,
      }),
    );
    const h = await watchHarness({ saveFile });
    h.signIn();
    await h.list([camera('A', '=cmd()')]);
    await h.list([camera('A', '=cmd()', { online: false })]);
    const result = await h.service.exportActivity({ mac: null, kinds: [] });
    expect(result).toMatchObject({ kind: 'download', count: 1 });
    if (result.kind !== 'download') throw new Error('not a download');
    expect(result.fileName).toMatch(/^wyze-activity-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(result.content.startsWith('\uFEFFTime,What,Camera,MAC')).toBe(true);
    expect(result.content).toContain(",Went offline,'=cmd(),A,");
    expect(result.content.endsWith('\r\n')).toBe(true);
  });
});

describe('watch service: sign-out', () => {
  it('deletes the history from disk before settled() resolves, and keeps the preferences', async () => {
    const h = await watchHarness();
    h.signIn();
    await h.list([camera('A', 'Door')]);
    await h.list([camera('A', 'Door', { online: false })]);
    await h.service.setPrefs({ offlineAfterMin: 9 });
    await h.service.flushed();
    await stat(join(h.dir, 'history.jsonl'));
    h.setSession({ status: 'signedOut', email: null });
    await h.service.settled();
    await expect(stat(join(h.dir, 'history.jsonl'))).rejects.toThrow();
    await expect(stat(join(h.dir, 'watch-baseline.json'))).rejects.toThrow();
    expect((await h.service.listActivity(query)).total).toBe(0);
    expect(h.service.state().unseen.lastSeenAt).toBeNull();
    expect(h.service.state().prefs.offlineAfterMin).toBe(9);
  });

  it('keeps the history when the app starts signed out (the keychain said no)', async () => {
    const first = await watchHarness();
    first.signIn();
    await first.list([camera('A', 'Door')]);
    await first.list([camera('A', 'Door', { online: false })]);
    await first.service.flushed();
    const second = await watchHarness({ dir: first.dir });
    second.setSession({ status: 'signedOut' });
    await second.service.settled();
    await stat(join(first.dir, 'history.jsonl'));
  });
});

describe('watch service: unseen', () => {
  it('starts at the first signed-in list, counts changes since, and clears on markSeen', async () => {
    const h = await watchHarness();
    h.signIn();
    expect(h.service.state().unseen.lastSeenAt).toBeNull();
    await h.list([camera('A', 'Door'), camera('B', 'Yard')]);
    expect(h.service.state().unseen).toEqual({ lastSeenAt: T0, wentOffline: [], changes: 0 });
    h.clock.advance(MIN);
    await h.list([camera('A', 'Door', { online: false }), camera('B', 'Yard', { online: false })]);
    h.clock.advance(MIN);
    await h.list([camera('A', 'Door', { online: false }), camera('B', 'Yard')]);
    expect(h.service.state().unseen).toMatchObject({ wentOffline: ['A'], changes: 3 });
    await h.service.markSeen();
    expect(h.service.state().unseen).toEqual({
      lastSeenAt: T0 + 2 * MIN,
      wentOffline: [],
      changes: 0,
    });
  });
});

describe('watch service: notifications', () => {
  it('records each notification shown, and a click asks to show the camera', async () => {
    const h = await watchHarness();
    const events: WatchEvent[] = [];
    h.service.onEvent((e) => events.push(e));
    h.signIn();
    await h.list([camera('A', 'Door')]);
    await h.list([camera('A', 'Door', { firmware: '4.40.0' })]);
    h.clock.advance(0);
    await h.service.settled();
    const page = await h.service.listActivity({ ...query, kinds: ['notification'] });
    expect(page.records).toMatchObject([
      { macs: ['A'], cameraName: 'Door', title: 'Door updated its firmware' },
    ]);
    h.shown[0]?.click();
    expect(events.at(-1)).toEqual({ kind: 'focus-camera', mac: 'A' });
  });

  it('records the notification even when the system cannot show it', async () => {
    const h = await watchHarness({
      notifier: {
        show: () => {
          throw new Error('no notification server');
        },
      },
    });
    h.signIn();
    await h.list([camera('A', 'Door')]);
    await h.list([camera('A', 'Door', { firmware: '4.40.0' })]);
    h.clock.advance(0);
    await h.service.settled();
    const page = await h.service.listActivity({ ...query, kinds: ['notification'] });
    expect(page.total).toBe(1);
  });

  it.each([
    ['muted', { mutedMacs: ['A'] }],
    ['switched off', { notifications: false }],
  ])('shows nothing when the camera is %s, and still records the change', async (_n, prefs) => {
    const h = await watchHarness();
    h.signIn();
    await h.service.setPrefs(prefs);
    await h.list([camera('A', 'Door')]);
    await h.list([camera('A', 'Door', { firmware: '4.40.0' })]);
    h.clock.advance(0);
    expect(h.shown).toEqual([]);
    expect((await h.service.listActivity(query)).total).toBe(1);
  });

  it('shows nothing while paused, and again after the pause', async () => {
    const h = await watchHarness();
    h.signIn();
    h.service.pauseNotifications(T0 + 60 * MIN);
    expect(h.service.state().pausedUntil).toBe(T0 + 60 * MIN);
    await h.list([camera('A', 'Door')]);
    await h.list([camera('A', 'Door', { firmware: '2' })]);
    h.clock.advance(0);
    expect(h.shown).toEqual([]);
    const events: WatchEvent[] = [];
    h.service.onEvent((e) => events.push(e));
    h.clock.advance(61 * MIN);
    expect(h.service.state().pausedUntil).toBeNull();
    // The page and the tray hear when the pause ends, not at the next change.
    expect(events).toMatchObject([{ kind: 'state', state: { pausedUntil: null } }]);
    await h.list([camera('A', 'Door', { firmware: '3' })]);
    h.clock.advance(0);
    expect(h.shown).toHaveLength(1);
  });

  it('honours the development delay override in ms', async () => {
    const h = await watchHarness({ offlineAfterMs: 1000 });
    h.signIn();
    await h.list([camera('A', 'Door')]);
    await h.list([camera('A', 'Door', { online: false })]);
    h.clock.advance(999);
    expect(h.shown).toEqual([]);
    h.clock.advance(1);
    expect(h.shown).toHaveLength(1);
  });
});

describe('watch service: last events', () => {
  it('keeps events of cameras on the list, and bumps eventsRevision only when newer', async () => {
    const h = await watchHarness();
    h.signIn();
    await h.list([camera('A', 'Door')]);
    const motion = { kind: 'motion', label: 'Motion', at: T0 };
    h.service.setLastEvents({ A: motion, GONE: motion });
    expect(h.service.state()).toMatchObject({ lastEvents: { A: motion }, eventsRevision: 1 });
    h.service.setLastEvents({ A: motion });
    expect(h.service.state().eventsRevision).toBe(1);
    h.service.setLastEvents({ A: { ...motion, at: T0 + 1 } });
    expect(h.service.state().eventsRevision).toBe(2);
  });
});
