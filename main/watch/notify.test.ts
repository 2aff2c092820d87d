import { describe, expect, it } from 'vitest';
import type { Change } from './changes';
import { fakeClock } from './fake-clock';
import { createNotifyPlanner, durationPhrase, summary } from './notify';
import type { Notice } from './types';

const T0 = 1_800_000_000_000;
const MIN = 60_000;

function setup(opts: { delayMin?: number } = {}) {
  const clock = fakeClock(T0);
  const offline = new Set<string>();
  const refused = new Set<string>();
  const shown: { notice: Notice; mac: string }[] = [];
  const planner = createNotifyPlanner({
    scheduler: clock.scheduler,
    now: clock.now,
    offlineAfterMs: () => (opts.delayMin ?? 5) * MIN,
    canNotify: (mac) => !refused.has(mac) && !refused.has('*'),
    isOffline: (mac) => offline.has(mac),
    show: (notice, mac) => shown.push({ notice, mac }),
  });
  function change(kind: Change['kind'], mac: string, extra: Partial<Change> = {}): Change {
    if (kind === 'offline') offline.add(mac);
    if (kind === 'online') offline.delete(mac);
    return {
      kind,
      at: clock.now(),
      cloudAt: null,
      mac,
      cameraName: `Cam ${mac}`,
      from: null,
      to: null,
      ...extra,
    };
  }
  const see = (...changes: Change[]) => planner.onChanges(changes);
  return {
    clock,
    planner,
    shown,
    refused,
    change,
    see,
    titles: () => shown.map((s) => s.notice.title),
  };
}

describe('notifications', () => {
  it('notify offline only after the camera stayed offline for the delay', () => {
    const t = setup();
    t.see(t.change('offline', 'A'));
    t.clock.advance(5 * MIN - 1);
    expect(t.shown).toEqual([]);
    t.clock.advance(1);
    expect(t.titles()).toEqual(['Cam A went offline']);
    expect(t.shown[0]?.notice).toEqual({
      title: 'Cam A went offline',
      body: 'It has been offline for 5 minutes.',
      macs: ['A'],
    });
  });

  it('notify at once a camera the cloud says went offline longer ago than the delay', () => {
    const t = setup();
    t.see(t.change('offline', 'A', { cloudAt: T0 - 60 * MIN }));
    t.clock.advance(0);
    expect(t.shown[0]?.notice.body).toBe('It has been offline for 1 hour.');
  });

  it('say nothing when the camera is back before the delay (flapping)', () => {
    const t = setup();
    t.see(t.change('offline', 'A'));
    t.clock.advance(2 * MIN);
    t.see(t.change('online', 'A'));
    t.clock.advance(60 * MIN);
    expect(t.shown).toEqual([]);
  });

  it('notify back online only when its offline was notified (after the cooldown)', () => {
    const t = setup();
    t.see(t.change('offline', 'A'));
    t.clock.advance(30 * MIN);
    t.see(t.change('online', 'A'));
    t.clock.advance(0);
    expect(t.titles()).toEqual(['Cam A went offline', 'Cam A is back online']);
    expect(t.shown[1]?.notice.body).toBe('It was offline for 30 minutes.');
  });

  it('notify a firmware change at once', () => {
    const t = setup();
    t.see(t.change('firmware', 'A', { from: '4.36.1', to: '4.36.2' }));
    t.clock.advance(0);
    expect(t.shown[0]?.notice).toMatchObject({
      title: 'Cam A updated its firmware',
      body: 'Firmware 4.36.1 → 4.36.2.',
    });
  });

  it('make one summary of several due at once', () => {
    const t = setup();
    t.see(t.change('offline', 'A'), t.change('offline', 'B'), t.change('offline', 'C'));
    t.clock.advance(5 * MIN);
    expect(t.shown).toHaveLength(1);
    expect(t.shown[0]?.notice).toEqual({
      title: '3 cameras went offline',
      body: 'Cam A, Cam B, Cam C.',
      macs: ['A', 'B', 'C'],
    });
    expect(t.shown[0]?.mac).toBe('A');
  });

  it('make one summary of cameras the cloud says went offline seconds apart (a router restarting)', () => {
    const t = setup();
    t.see(
      t.change('offline', 'A', { cloudAt: T0 - 40_000 }),
      t.change('offline', 'B', { cloudAt: T0 - 25_000 }),
      t.change('offline', 'C', { cloudAt: T0 - 15_000 }),
    );
    t.clock.advance(5 * MIN - 40_000);
    expect(t.shown).toEqual([]); // A's delay is over; it waits for B and C, due within 30 s
    t.clock.advance(25_001);
    expect(t.titles()).toEqual(['3 cameras went offline']);
  });

  it('does not hold a camera for one due later than the grouping window, nor for one back online', () => {
    const t = setup();
    t.see(t.change('offline', 'A'));
    t.clock.advance(MIN);
    t.see(t.change('offline', 'B'));
    t.clock.advance(4 * MIN);
    expect(t.titles()).toEqual(['Cam A went offline']);
    t.clock.advance(MIN);
    expect(t.titles()).toEqual(['Cam A went offline', 'Cam B went offline']);
    const u = setup();
    u.see(u.change('offline', 'A'), u.change('offline', 'B', { cloudAt: T0 + 10_000 }));
    u.see(u.change('online', 'B'));
    u.clock.advance(5 * MIN);
    expect(u.titles()).toEqual(['Cam A went offline']);
  });

  it('show at most one per camera per cooldown', () => {
    const t = setup({ delayMin: 1 });
    t.see(t.change('firmware', 'A', { from: '1', to: '2' }));
    t.clock.advance(0);
    t.see(t.change('firmware', 'A', { from: '2', to: '3' }));
    t.clock.advance(14 * MIN);
    expect(t.shown).toHaveLength(1);
    t.clock.advance(MIN);
    t.see(t.change('firmware', 'A', { from: '3', to: '4' }));
    t.clock.advance(0);
    expect(t.shown).toHaveLength(2);
  });

  it('show nothing for a refused camera (muted, paused, off, signed out), nor its return', () => {
    const t = setup();
    t.refused.add('A');
    t.see(t.change('offline', 'A'), t.change('offline', 'B'));
    t.clock.advance(5 * MIN);
    expect(t.titles()).toEqual(['Cam B went offline']);
    t.refused.clear();
    t.clock.advance(30 * MIN);
    t.see(t.change('online', 'A'));
    t.clock.advance(0);
    expect(t.titles()).toEqual(['Cam B went offline']);
  });

  it('forget every wait on reset (sign-out)', () => {
    const t = setup();
    t.see(t.change('offline', 'A'));
    t.planner.reset();
    t.clock.advance(60 * MIN);
    expect(t.shown).toEqual([]);
    expect(t.clock.pending()).toBe(0);
  });
});

describe('notice text', () => {
  it.each([
    [0, 'less than a minute'],
    [MIN, '1 minute'],
    [59 * MIN, '59 minutes'],
    [60 * MIN, '1 hour'],
    [47 * 60 * MIN, '47 hours'],
    [3 * 1440 * MIN, '3 days'],
    [-5, 'less than a minute'],
  ])('durationPhrase(%i) is %s', (ms, text) => expect(durationPhrase(ms)).toBe(text));

  it('names at most five cameras in a summary, and says how many more', () => {
    const dues = 'ABCDEFG'
      .split('')
      .map((m) => ({ kind: 'offline' as const, mac: m, name: m, since: 0 }));
    expect(summary(dues).body).toBe('A, B, C, D, E and 2 more.');
    expect(
      summary([
        ...dues.slice(0, 1),
        { kind: 'firmware', mac: 'Z', name: 'Z', from: null, to: null },
      ]).title,
    ).toBe('2 cameras changed');
  });
});
