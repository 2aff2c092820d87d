import { describe, expect, it, vi } from 'vitest';
import { MAX_HELD_NOTIFICATIONS, createNotifier } from './notifier';
import type { NativeNotification } from './notifier';

/** A stand-in for Electron's Notification: records what it was given and lets a test click it. */
class FakeNotification implements NativeNotification {
  static made: FakeNotification[] = [];
  static throwOnCreate = false;
  readonly listeners = new Map<string, () => void>();
  shown = false;
  constructor(readonly options: { title: string; body: string; silent: boolean }) {
    if (FakeNotification.throwOnCreate) throw new Error('no notification server');
    FakeNotification.made.push(this);
  }
  on(event: string, listener: () => void): this {
    this.listeners.set(event, listener);
    return this;
  }
  show(): void {
    this.shown = true;
  }
  close(): void {
    this.shown = false;
  }
  emit(event: string): void {
    this.listeners.get(event)?.();
  }
}

function setup(opts: { supported?: boolean; showWindow?: () => Promise<void> } = {}) {
  FakeNotification.made = [];
  FakeNotification.throwOnCreate = false;
  const calls: string[] = [];
  const logger = { warn: vi.fn() };
  const notifier = createNotifier({
    Notification: FakeNotification,
    isSupported: () => opts.supported ?? true,
    showWindow:
      opts.showWindow ??
      (async () => {
        calls.push('window up');
      }),
    logger,
  });
  return { notifier, calls, logger };
}

const notice = { title: 'Porch went offline', body: 'Offline for 5 minutes', macs: ['AABB'] };

describe('createNotifier', () => {
  it('shows a sounding notification with the notice title and body', () => {
    const { notifier } = setup();
    notifier.show(notice, () => undefined);
    expect(FakeNotification.made).toHaveLength(1);
    expect(FakeNotification.made[0]?.options).toEqual({
      title: 'Porch went offline',
      body: 'Offline for 5 minutes',
      silent: false,
    });
    expect(FakeNotification.made[0]?.shown).toBe(true);
  });

  it('a click brings the window up first, then runs onClick', async () => {
    let windowUp: () => void = () => undefined;
    const calls: string[] = [];
    const { notifier } = setup({
      showWindow: () =>
        new Promise<void>((resolve) => {
          calls.push('window asked');
          windowUp = () => {
            calls.push('window up');
            resolve();
          };
        }),
    });
    notifier.show(notice, () => calls.push('onClick'));
    FakeNotification.made[0]?.emit('click');
    await Promise.resolve();
    expect(calls).toEqual(['window asked']);
    windowUp();
    await vi.waitFor(() => expect(calls).toEqual(['window asked', 'window up', 'onClick']));
  });

  it('holds each notification until it is clicked, so it is not garbage-collected first', () => {
    const { notifier } = setup();
    notifier.show(notice, () => undefined);
    notifier.show(notice, () => undefined);
    expect(notifier.held()).toBe(2);
    // A toast that timed out may still be clicked in the notification centre: still held.
    FakeNotification.made[0]?.emit('close');
    expect(notifier.held()).toBe(2);
    FakeNotification.made[0]?.emit('click');
    expect(notifier.held()).toBe(1);
    FakeNotification.made[1]?.emit('failed');
    expect(notifier.held()).toBe(0);
  });

  it(`holds at most ${MAX_HELD_NOTIFICATIONS}, letting the oldest go`, () => {
    const { notifier } = setup();
    for (let i = 0; i < MAX_HELD_NOTIFICATIONS + 5; i += 1) notifier.show(notice, () => undefined);
    expect(notifier.held()).toBe(MAX_HELD_NOTIFICATIONS);
  });

  it('shows nothing where notifications are not supported', () => {
    const { notifier } = setup({ supported: false });
    notifier.show(notice, () => undefined);
    expect(FakeNotification.made).toHaveLength(0);
  });

  it('a notification that cannot be made, or a click whose window fails, is logged, not thrown', async () => {
    const { notifier, logger } = setup({ showWindow: () => Promise.reject(new Error('gone')) });
    FakeNotification.throwOnCreate = true;
    expect(() => notifier.show(notice, () => undefined)).not.toThrow();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    FakeNotification.throwOnCreate = false;
    const onClick = vi.fn();
    notifier.show(notice, onClick);
    FakeNotification.made[0]?.emit('click');
    await vi.waitFor(() => expect(logger.warn).toHaveBeenCalledTimes(2));
    expect(onClick).not.toHaveBeenCalled();
  });

  it('dismissAll takes back every notification still held (sign-out), and a failing one is logged', () => {
    const { notifier, logger } = setup();
    notifier.show(notice, () => undefined);
    notifier.show({ ...notice, title: 'Yard went offline' }, () => undefined);
    const [first, second] = FakeNotification.made;
    if (!first || !second) throw new Error('two notifications expected');
    first.close = () => {
      throw new Error('already gone');
    };
    notifier.dismissAll();
    expect(second.shown).toBe(false);
    expect(notifier.held()).toBe(0);
    expect(logger.warn).toHaveBeenCalledWith('could not dismiss a notification', expect.anything());
  });
});
