// @vitest-environment jsdom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { metaOf } from '../common/camera-delta';
import type { CamerasEvent } from '../common/camera-delta';
import { emptyCameraList } from '../common/view';
import type { WyzeApi } from '../preload/api';

/** The page globals the bridge uses, typed here (this file is type-checked without the DOM lib). */
const page = globalThis as unknown as {
  location: { hash: string };
  wyze?: WyzeApi;
  EventSource: unknown;
  fetch: unknown;
};

/** A stand-in EventSource the test opens, re-opens and feeds by hand. */
class FakeEventSource {
  static last: FakeEventSource | null = null;
  readonly listeners = new Map<string, ((event: { data?: string }) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: (event: { data?: string }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  fire(type: string, data?: unknown): void {
    const event = data === undefined ? {} : { data: JSON.stringify(data) };
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

const posted: string[] = [];
const snapshot: CamerasEvent = { kind: 'snapshot', revision: 7, list: emptyCameraList() };

beforeAll(async () => {
  page.location.hash = '#launch=the-secret';
  page.EventSource = FakeEventSource;
  page.fetch = vi.fn(async (url: string, init: { headers: Record<string, string> }) => {
    expect(init.headers['x-wyze-launch']).toBe('the-secret');
    const channel = decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));
    posted.push(channel);
    const value = channel === 'cameras:get' ? snapshot : { status: 'signedOut' };
    return { json: async () => ({ ok: true, value }) };
  });
  // By a computed path: the bridge is type-checked with the DOM library (tsconfig.web.json), and a
  // literal import would pull it into this file's Node-only program.
  const bridge = './bridge';
  await import(/* @vite-ignore */ bridge);
});

describe('preview bridge', () => {
  it('opens its stream and sends the page start calls at once (preload/first-calls.ts)', async () => {
    const stream = FakeEventSource.last;
    if (!stream) throw new Error('no event stream before the page subscribed');
    expect(stream.url).toContain('launch=the-secret');
    expect(posted).toEqual([]); // the calls wait for the stream, so no change slips between
    stream.fire('open');
    await vi.waitFor(() =>
      expect(posted).toEqual(['session:get', 'cameras:get', 'view:get-prefs']),
    );
  });

  it('delivers camera events from the stream, and asks for a snapshot after a reconnect', async () => {
    const api = page.wyze;
    if (!api) throw new Error('the bridge did not install window.wyze');
    const received: CamerasEvent[] = [];
    api.onCamerasChanged((event) => received.push(event));
    // The page's first calls take the early answers; no new request goes out.
    await Promise.all([api.getSession(), api.getCameras(), api.getViewPrefs()]);
    expect(posted).toHaveLength(3);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const stream = FakeEventSource.last;
    if (!stream) throw new Error('no event stream');
    posted.length = 0;
    const delta: CamerasEvent = {
      kind: 'delta',
      base: 7,
      revision: 8,
      meta: metaOf(emptyCameraList()),
      changed: [],
      removed: [],
    };
    stream.fire('event:cameras-changed', delta);
    expect(received).toEqual([delta]);
    expect(posted).toEqual([]);

    stream.fire('open'); // the browser reconnected: events sent meanwhile are gone
    await vi.waitFor(() => expect(received).toHaveLength(2));
    expect(posted).toContain('cameras:get');
    expect(received[1]).toEqual(snapshot);
  });
});
