import { describe, expect, it, vi } from 'vitest';
import type { SessionView } from '../common/view';
import { NOTIFY_PAUSE_MS, initialWatchState } from '../common/watch';
import type { WatchEvent, WatchState } from '../common/watch';
import { createAppTray } from './tray';
import type { TrayMenuItem, TrayTimers } from './tray';
import type { TrayAction, TrayModel } from './tray-model';

/** Listeners a test can fire, like the services' onChange/onEvent. */
function emitter<T = void>() {
  const listeners = new Set<(value: T) => void>();
  return {
    on(listener: (value: T) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (value: T) => listeners.forEach((listener) => listener(value)),
    count: () => listeners.size,
  };
}

function fakeTimers(start: number) {
  let time = start;
  const pending = new Map<number, { at: number; callback: () => void }>();
  let next = 0;
  const timers: TrayTimers = {
    setTimeout(callback, ms) {
      next += 1;
      pending.set(next, { at: time + ms, callback });
      return next;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
  };
  const advance = (ms: number) => {
    time += ms;
    for (const [id, timer] of [...pending]) {
      if (timer.at <= time) {
        pending.delete(id);
        timer.callback();
      }
    }
  };
  return { timers, now: () => time, advance, pending: () => pending.size };
}

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);

function setup(opts: { isMac?: boolean } = {}) {
  let status: SessionView['status'] = 'signedIn';
  let devices = [
    { isCamera: true, online: true },
    { isCamera: true, online: true },
  ];
  let watch: WatchState = initialWatchState();
  const session = emitter();
  const inventory = emitter();
  const watchEvents = emitter<WatchEvent>();
  const clock = fakeTimers(NOW);
  const menus: TrayMenuItem[][] = [];
  const models: TrayModel[] = [];
  const trayCalls: string[] = [];
  const trayClick = { listener: null as (() => void) | null };
  const actions = {
    open: vi.fn(),
    refresh: vi.fn(),
    pause: vi.fn(),
    resume: vi.fn(),
    quit: vi.fn(),
  } satisfies Record<TrayAction, () => void>;
  const tray = createAppTray<string, number>({
    createTray: (image) => {
      trayCalls.push(`create ${image}`);
      return {
        setToolTip: (text) => trayCalls.push(`tooltip ${text}`),
        setTitle: (title) => trayCalls.push(`title ${title}`),
        setImage: (image) => trayCalls.push(`image ${image}`),
        setContextMenu: () => undefined,
        on: (_event, listener) => (trayClick.listener = listener),
        destroy: () => trayCalls.push('destroy'),
      };
    },
    buildMenu: (template) => menus.push(template),
    images: { normal: 'normal.png', offline: 'offline.png' },
    isMac: opts.isMac ?? false,
    sources: {
      session: { view: () => ({ status }), onChange: session.on },
      inventory: { view: () => ({ devices }), onChange: inventory.on },
      watch: { state: () => watch, onEvent: watchEvents.on },
    },
    actions,
    now: clock.now,
    formatTime: (ms) => new Date(ms).toISOString().slice(11, 16),
    timers: clock.timers,
    onModel: (model) => models.push(model),
  });
  const lastMenu = () => menus[menus.length - 1] ?? [];
  const labels = () => lastMenu().map((item) => item.label ?? '—');
  const click = (label: string) =>
    lastMenu()
      .find((item) => item.label === label)
      ?.click?.();
  return {
    tray,
    menus,
    models,
    trayCalls,
    trayClick,
    actions,
    clock,
    labels,
    click,
    session,
    inventory,
    watchEvents,
    sessionCount: session.count,
    set: {
      status: (next: SessionView['status']) => (status = next),
      devices: (next: typeof devices) => (devices = next),
      watch: (next: WatchState) => (watch = next),
    },
  };
}

describe('createAppTray', () => {
  it('starts with the summary, and each menu item runs its action', () => {
    const t = setup();
    expect(t.trayCalls).toEqual([
      'create normal.png',
      'tooltip Wyzecam Desktop: All cameras online',
    ]);
    expect(t.labels()).toEqual([
      'All cameras online',
      '—',
      'Open Wyzecam Desktop',
      'Refresh now',
      'Pause notifications for 1 hour',
      '—',
      'Quit',
    ]);
    t.click('Open Wyzecam Desktop');
    t.click('Refresh now');
    t.click('Pause notifications for 1 hour');
    t.click('Quit');
    expect(t.actions.open).toHaveBeenCalledTimes(1);
    expect(t.actions.refresh).toHaveBeenCalledTimes(1);
    expect(t.actions.pause).toHaveBeenCalledTimes(1);
    expect(t.actions.quit).toHaveBeenCalledTimes(1);
    // The status line is text, not a command.
    expect(t.menus[0]?.[0]).toEqual({ label: 'All cameras online', enabled: false });
  });

  it('follows the camera list: the count, the offline picture, and back', () => {
    const t = setup();
    t.set.devices([
      { isCamera: true, online: false },
      { isCamera: true, online: false },
    ]);
    t.inventory.emit();
    expect(t.labels()[0]).toBe('2 cameras offline');
    expect(t.trayCalls).toContain('image offline.png');
    t.set.devices([{ isCamera: true, online: true }]);
    t.inventory.emit();
    expect(t.labels()[0]).toBe('All cameras online');
    expect(t.trayCalls.at(-1)).toBe('image normal.png');
  });

  it('does not rebuild the menu when a refresh changes nothing it shows', () => {
    const t = setup();
    t.inventory.emit();
    t.inventory.emit();
    t.watchEvents.emit({ kind: 'focus-camera', mac: 'AABB' });
    expect(t.menus).toHaveLength(1);
    // The app menu follows the same changes only.
    expect(t.models).toHaveLength(1);
  });

  it('tells onModel each new model (the app menu follows the pause item)', () => {
    const t = setup();
    const paused = { ...initialWatchState(), pausedUntil: NOW + NOTIFY_PAUSE_MS };
    t.set.watch(paused);
    t.watchEvents.emit({ kind: 'state', state: paused });
    expect(t.models.map((m) => m.changesAt)).toEqual([null, NOW + NOTIFY_PAUSE_MS]);
  });

  it('follows the session (signed out)', () => {
    const t = setup();
    t.set.status('signedOut');
    t.session.emit();
    expect(t.labels()[0]).toBe('Signed out');
    expect(t.menus.at(-1)?.find((i) => i.label === 'Refresh now')?.enabled).toBe(false);
  });

  it('follows the watch state: paused until, Resume, and back when the pause runs out', () => {
    const t = setup();
    const paused = { ...initialWatchState(), pausedUntil: NOW + NOTIFY_PAUSE_MS };
    t.set.watch(paused);
    t.watchEvents.emit({ kind: 'state', state: paused });
    expect(t.labels()).toContain('Resume notifications');
    expect(t.labels()).toContain('Notifications paused until 13:00');
    t.click('Resume notifications');
    expect(t.actions.resume).toHaveBeenCalledTimes(1);
    // Nothing else happens; the hour passes.
    t.clock.advance(NOTIFY_PAUSE_MS);
    expect(t.labels()).toContain('Pause notifications for 1 hour');
    expect(t.labels()).not.toContain('Resume notifications');
    expect(t.clock.pending()).toBe(0);
  });

  it('macOS: the offline count beside the icon; a click does not open the window', () => {
    const t = setup({ isMac: true });
    t.set.devices([{ isCamera: true, online: false }]);
    t.inventory.emit();
    expect(t.trayCalls).toContain('title 1');
    expect(t.trayClick.listener).toBeNull();
  });

  it('Windows and Linux: a click on the icon opens the window; no title is set', () => {
    const t = setup({ isMac: false });
    t.trayClick.listener?.();
    expect(t.actions.open).toHaveBeenCalledTimes(1);
    expect(t.trayCalls.some((call) => call.startsWith('title'))).toBe(false);
  });

  it('destroy removes the tray and stops listening', () => {
    const t = setup();
    t.tray.destroy();
    t.tray.destroy();
    expect(t.trayCalls.filter((c) => c === 'destroy')).toHaveLength(1);
    expect(t.sessionCount()).toBe(0);
    t.set.status('signedOut');
    t.session.emit();
    expect(t.menus).toHaveLength(1);
  });
});
