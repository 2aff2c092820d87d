// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { FakeEventSource, loadBridge, withFirstScreenPage } from './bridge-fakes';

/**
 * The bridge on a page that holds main's first screen when no paint is reported: it sends after
 * 300 ms all the same (bridge.ts, `firstScreenPainted`). One import a file: the bridge installs
 * window.wyze for good.
 */

withFirstScreenPage();

describe('preview bridge, on a page with a first screen that reports no paint', () => {
  it("opens its stream after the app's own wait (300 ms) all the same", async () => {
    // By a computed path, as the bridge: the app's file is type-checked with the DOM library.
    const appWait = '../renderer/after-first-paint';
    const { FIRST_PAINT_WAIT_MS } = (await import(/* @vite-ignore */ appWait)) as {
      FIRST_PAINT_WAIT_MS: number;
    };
    vi.useFakeTimers();
    await loadBridge();
    await vi.advanceTimersByTimeAsync(FIRST_PAINT_WAIT_MS - 1);
    expect(FakeEventSource.made).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeEventSource.made).toHaveLength(1);
  });
});
