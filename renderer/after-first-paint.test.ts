import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_SCREEN_ATTRIBUTE } from '../common/first-screen';
import { afterFirstPaint, FIRST_PAINT_WAIT_MS, MARK_ATTRIBUTE } from './after-first-paint';

type Callback = (list: { getEntriesByName(name: string): unknown[] }) => void;

/** A PerformanceObserver whose paint entries the test reports. */
function fakeObserver(supported: string[]) {
  const observers: Callback[] = [];
  const disconnected: Callback[] = [];
  class FakeObserver {
    static supportedEntryTypes = supported;
    constructor(private readonly callback: Callback) {
      observers.push(callback);
    }
    observe() {}
    disconnect() {
      disconnected.push(this.callback);
    }
  }
  vi.stubGlobal('PerformanceObserver', FakeObserver);
  return {
    paint(name: string) {
      for (const cb of observers) cb({ getEntriesByName: (n) => (n === name ? [{}] : []) });
    },
    disconnected,
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('afterFirstPaint', () => {
  it('reads the attribute main marks a first screen with', () => {
    expect(MARK_ATTRIBUTE).toBe(FIRST_SCREEN_ATTRIBUTE);
  });

  it('starts the app once the first contentful paint is reported, and only once', () => {
    vi.useFakeTimers();
    const paints = fakeObserver(['paint']);
    const run = vi.fn();
    afterFirstPaint(run);
    paints.paint('first-paint');
    expect(run).not.toHaveBeenCalled();
    paints.paint('first-contentful-paint');
    expect(run).toHaveBeenCalledTimes(1);
    expect(paints.disconnected).toHaveLength(1);
    vi.advanceTimersByTime(FIRST_PAINT_WAIT_MS);
    paints.paint('first-contentful-paint');
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('does not wait past FIRST_PAINT_WAIT_MS for a paint that is never reported', () => {
    vi.useFakeTimers();
    fakeObserver(['paint']);
    const run = vi.fn();
    afterFirstPaint(run);
    vi.advanceTimersByTime(FIRST_PAINT_WAIT_MS - 1);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('starts at once where paints are not reported at all', () => {
    fakeObserver([]);
    const run = vi.fn();
    afterFirstPaint(run);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
