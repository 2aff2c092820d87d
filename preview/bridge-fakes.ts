// Test support for the bridge's tests on a page with a first screen: stand-ins for EventSource,
// Paint Timing and fetch, and the page they run in (bridge-first-screen.test.ts,
// bridge-first-paint-wait.test.ts, bridge-hidden.test.ts: one import of the bridge a file, as it
// installs window.wyze for good).
import { afterEach, beforeEach, vi } from 'vitest';
import { emptyCameraList } from '../common/view';

/** The page globals the bridge uses, typed here (this file is type-checked without the DOM lib). */
const page = globalThis as unknown as {
  location: { hash: string };
  document: {
    body: { innerHTML: string };
  };
  EventSource: unknown;
  fetch: unknown;
  PerformanceObserver: unknown;
};

export class FakeEventSource {
  static made: FakeEventSource[] = [];
  readonly listeners = new Map<string, (() => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.made.push(this);
  }
  addEventListener(type: string, listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  fire(type: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener();
  }
}

/** Paint Timing, driven by the test: `paint()` reports the first contentful paint. */
export class FakePerformanceObserver {
  static supportedEntryTypes = ['paint'];
  static observers: FakePerformanceObserver[] = [];
  disconnected = false;
  constructor(readonly callback: (list: { getEntriesByName(name: string): unknown[] }) => void) {
    FakePerformanceObserver.observers.push(this);
  }
  observe(): void {}
  disconnect(): void {
    this.disconnected = true;
  }
  static paint(): void {
    for (const observer of FakePerformanceObserver.observers) {
      if (observer.disconnected) continue;
      observer.callback({
        getEntriesByName: (name) => (name === 'first-contentful-paint' ? [{ name }] : []),
      });
    }
  }
}

export const posted: string[] = [];

/** Imports the bridge once (it installs window.wyze for good). */
export async function loadBridge(): Promise<void> {
  // By a computed path: the bridge is type-checked with the DOM library (tsconfig.web.json).
  const bridge = './bridge';
  await import(/* @vite-ignore */ bridge);
}

/** Installs the fakes and a page holding a first screen, visible or not, before each test. */
export function withFirstScreenPage(visibility: 'visible' | 'hidden' = 'visible'): void {
  beforeEach(() => {
    FakeEventSource.made = [];
    FakePerformanceObserver.observers = [];
    posted.length = 0;
    page.location.hash = '#launch=the-secret';
    page.document.body.innerHTML = '<div id="root" data-first-screen="{}"><table></table></div>';
    Object.defineProperty(page.document, 'visibilityState', {
      value: visibility,
      configurable: true,
    });
    page.EventSource = FakeEventSource;
    page.PerformanceObserver = FakePerformanceObserver;
    page.fetch = vi.fn(async (url: string) => {
      const channel = decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));
      posted.push(channel);
      const value =
        channel === 'cameras:get' ? { kind: 'snapshot', revision: 1, list: emptyCameraList() } : {};
      return { json: async () => ({ ok: true, value }) };
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}
