// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import {
  FakeEventSource,
  FakePerformanceObserver,
  loadBridge,
  posted,
  withFirstScreenPage,
} from './bridge-fakes';

/**
 * The bridge on a page that holds main's first screen: it sends nothing (no event stream, no
 * call) until that screen has been painted, as the app itself waits (bridge.ts,
 * `firstScreenPainted`). bridge.test.ts covers a page without one, which sends at once.
 */

withFirstScreenPage();

describe('preview bridge, on a page with a first screen', () => {
  it('opens its stream and sends the first calls only once the screen is painted', async () => {
    await loadBridge();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(FakeEventSource.made).toHaveLength(0);
    expect(posted).toEqual([]);

    FakePerformanceObserver.paint();
    await vi.waitFor(() => expect(FakeEventSource.made).toHaveLength(1));
    FakeEventSource.made[0]?.fire('open');
    await vi.waitFor(() =>
      expect(posted).toEqual(['session:get', 'cameras:get', 'view:get-prefs']),
    );
    expect(FakePerformanceObserver.observers.every((o) => o.disconnected)).toBe(true);
  });
});
