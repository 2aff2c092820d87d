import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WindowBounds } from './session/settings';
import { SAVE_DELAY_MS, trackWindowState } from './window-state';
import type { TrackedWindow } from './window-state';

/** A window that only emits what a test tells it to, like a Linux BrowserWindow (no `moved`). */
class FakeWindow extends EventEmitter implements TrackedWindow {
  bounds = { x: 10, y: 20, width: 900, height: 600 };
  maximized = false;
  minimized = false;
  destroyed = false;
  calls: string[] = [];
  override on(event: string, listener: () => void): this {
    return super.on(event, listener);
  }
  override once(event: string, listener: () => void): this {
    return super.once(event, listener);
  }
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  isMaximized = () => this.maximized;
  getNormalBounds = () => ({ ...this.bounds });
  maximize = () => {
    this.calls.push('maximize');
    this.maximized = true;
    this.emit('maximize');
  };
  show = () => {
    this.calls.push('show');
  };
  moveTo(x: number, y: number) {
    this.bounds = { ...this.bounds, x, y };
    this.emit('move');
  }
}

const REMEMBERED: WindowBounds = { x: 1, y: 2, width: 1000, height: 700, maximized: true };

describe('trackWindowState', () => {
  let win: FakeWindow;
  let saved: WindowBounds[];

  beforeEach(() => {
    vi.useFakeTimers();
    win = new FakeWindow();
    saved = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const track = (remembered: WindowBounds | null = null) => {
    trackWindowState(win, { remembered, save: (b) => saved.push(b) });
    win.emit('ready-to-show');
  };

  it('maximizes only once the window is ready to show, then shows it', () => {
    trackWindowState(win, { remembered: REMEMBERED, save: (b) => saved.push(b) });
    expect(win.calls).toEqual([]);
    win.emit('ready-to-show');
    expect(win.calls).toEqual(['maximize', 'show']);
  });

  it('does not maximize a window that was not maximized', () => {
    track({ ...REMEMBERED, maximized: false });
    expect(win.calls).toEqual(['show']);
  });

  it('saves once after `move` events stop (they fire many times per drag)', () => {
    track();
    for (let x = 0; x < 20; x++) {
      win.moveTo(x, 5);
      vi.advanceTimersByTime(100);
    }
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(saved).toEqual([{ x: 19, y: 5, width: 900, height: 600, maximized: false }]);
  });

  it('saves after `resize` (what Linux emits; `resized` never comes there)', () => {
    track();
    win.bounds = { ...win.bounds, width: 1200, height: 800 };
    win.emit('resize');
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(saved).toEqual([{ x: 10, y: 20, width: 1200, height: 800, maximized: false }]);
  });

  it('saves at once on close, without waiting, and only once', () => {
    track();
    win.moveTo(300, 200);
    win.emit('close');
    expect(saved).toEqual([{ x: 300, y: 200, width: 900, height: 600, maximized: false }]);
    win.emit('closed');
    vi.advanceTimersByTime(SAVE_DELAY_MS * 4);
    expect(saved).toHaveLength(1);
  });

  it('remembers the normal bounds and the maximized flag when maximized', () => {
    track();
    win.maximize();
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(saved).toEqual([{ x: 10, y: 20, width: 900, height: 600, maximized: true }]);
  });

  it('keeps the last good bounds while minimized or destroyed', () => {
    track();
    win.minimized = true;
    win.emit('resize');
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    win.minimized = false;
    win.destroyed = true;
    win.emit('close');
    expect(saved).toEqual([]);
  });

  it('writes nothing before the window was shown', () => {
    trackWindowState(win, { remembered: null, save: (b) => saved.push(b) });
    win.emit('resize');
    win.emit('close');
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(saved).toEqual([]);
  });
});
