import { describe, expect, it } from 'vitest';
import { NOTIFY_PAUSE_MS, defaultWatchPrefs } from '../common/watch';
import type { SessionView } from '../common/view';
import { pauseItem, trayModel } from './tray-model';
import type { TrayInput, TrayItem } from './tray-model';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const cam = (online: boolean | null, isCamera = true) => ({ isCamera, online });

function input(overrides: Partial<TrayInput> = {}): TrayInput {
  return {
    session: { status: 'signedIn' },
    cameras: [cam(true), cam(true)],
    watch: { pausedUntil: null, prefs: defaultWatchPrefs() },
    now: NOW,
    formatTime: (ms) => new Date(ms).toISOString().slice(11, 16),
    ...overrides,
  };
}

const action = (items: TrayItem[], id: string) =>
  items.find((item) => item.kind === 'action' && item.action === id) as
    Extract<TrayItem, { kind: 'action' }> | undefined;
const statusLines = (items: TrayItem[]) =>
  items.flatMap((item) => (item.kind === 'status' ? [item.label] : []));

describe('trayModel', () => {
  it.each([
    { cameras: [cam(true), cam(true)], text: 'All cameras online', title: '', icon: 'normal' },
    { cameras: [cam(false), cam(true)], text: '1 camera offline', title: '1', icon: 'offline' },
    {
      cameras: [cam(false), cam(false), cam(true)],
      text: '2 cameras offline',
      title: '2',
      icon: 'offline',
    },
    // A plug or sensor is not a camera: its state does not count.
    {
      cameras: [cam(false, false), cam(true)],
      text: 'All cameras online',
      title: '',
      icon: 'normal',
    },
    // No status from the cloud is not "online".
    {
      cameras: [cam(null), cam(true)],
      text: 'No cameras reported offline',
      title: '',
      icon: 'normal',
    },
    { cameras: [], text: 'No cameras', title: '', icon: 'normal' },
  ])('counts cameras offline: $text', ({ cameras, text, title, icon }) => {
    const model = trayModel(input({ cameras }));
    expect(model.tooltip).toBe(`Wyzecam Desktop: ${text}`);
    expect(statusLines(model.items)[0]).toBe(text);
    expect(model.title).toBe(title);
    expect(model.icon).toBe(icon);
  });

  it.each<[SessionView['status'], string]>([
    ['signedOut', 'Signed out'],
    ['signingIn', 'Signed out'],
    ['mfa', 'Signed out'],
    ['expired', 'Signed out: sign in again to keep watching'],
    ['starting', 'Starting…'],
  ])('says why it cannot count when the session is %s', (status, text) => {
    // Cameras from the last run are still in the list: they are not counted while signed out.
    const model = trayModel(input({ session: { status }, cameras: [cam(false)] }));
    expect(model.tooltip).toBe(`Wyzecam Desktop: ${text}`);
    expect(model.icon).toBe('normal');
    expect(model.title).toBe('');
    expect(action(model.items, 'refresh')?.enabled).toBe(false);
    expect(action(model.items, 'pause')?.enabled).toBe(false);
    expect(action(model.items, 'open')?.enabled).toBe(true);
    expect(action(model.items, 'quit')?.enabled).toBe(true);
  });

  it('offers Open, Refresh now, Pause for 1 hour and Quit in that order when signed in', () => {
    const model = trayModel(input());
    const actions = model.items.flatMap((item) =>
      item.kind === 'action' ? [[item.action, item.label, item.enabled]] : [],
    );
    expect(actions).toEqual([
      ['open', 'Open Wyzecam Desktop', true],
      ['refresh', 'Refresh now', true],
      ['pause', 'Pause notifications for 1 hour', true],
      ['quit', 'Quit', true],
    ]);
    expect(model.changesAt).toBeNull();
  });

  it('while paused, offers Resume and says until when, and changes when the pause ends', () => {
    const until = NOW + NOTIFY_PAUSE_MS;
    const model = trayModel(input({ watch: { pausedUntil: until, prefs: defaultWatchPrefs() } }));
    expect(action(model.items, 'pause')).toBeUndefined();
    expect(action(model.items, 'resume')).toMatchObject({
      label: 'Resume notifications',
      enabled: true,
    });
    expect(statusLines(model.items)).toContain('Notifications paused until 13:00');
    expect(model.tooltip).toBe(
      'Wyzecam Desktop: All cameras online\nNotifications paused until 13:00',
    );
    expect(model.changesAt).toBe(until);
  });

  it.each([NOW, NOW - 1])('a pause that has run out (%s) is not shown', (pausedUntil) => {
    const model = trayModel(input({ watch: { pausedUntil, prefs: defaultWatchPrefs() } }));
    expect(action(model.items, 'pause')?.enabled).toBe(true);
    expect(action(model.items, 'resume')).toBeUndefined();
    expect(model.changesAt).toBeNull();
  });

  it('with notifications off in Settings, Pause is disabled and the menu says why', () => {
    const prefs = { ...defaultWatchPrefs(), notifications: false };
    const model = trayModel(input({ watch: { pausedUntil: null, prefs } }));
    expect(action(model.items, 'pause')?.enabled).toBe(false);
    expect(statusLines(model.items)).toContain('Notifications are off (Settings)');
  });

  it('pauseItem finds Pause or Resume, whichever the menu has', () => {
    expect(pauseItem(trayModel(input()).items)?.action).toBe('pause');
    const paused = { pausedUntil: NOW + 1, prefs: defaultWatchPrefs() };
    expect(pauseItem(trayModel(input({ watch: paused })).items)?.action).toBe('resume');
    expect(pauseItem([])).toBeNull();
  });
});
