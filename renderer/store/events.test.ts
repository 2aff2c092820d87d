import { afterEach, describe, expect, it, vi } from 'vitest';
import { device, installFakeBridge, list } from '../test-support';
import { connectStore } from './events';
import { initialState, useStore } from './index';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(document, 'visibilityState');
  useStore.setState(initialState());
});

function pageIs(visibility: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: visibility, configurable: true });
}

/** Animation frames the test runs itself: requestAnimationFrame only collects them. */
function holdFrames(): FrameRequestCallback[] {
  const frames: FrameRequestCallback[] = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  return frames;
}

/** A bridge with a signed-in session and one camera; the calls the page made. */
function bridge() {
  return installFakeBridge({
    'session:get': { ok: true, value: { ...initialState().session, status: 'signedIn' } },
    'cameras:get': { ok: true, value: { kind: 'snapshot', revision: 1, list: list([device()]) } },
  });
}

const reports = (calls: [string, unknown][]) =>
  calls.filter(([channel]) => channel === 'app:report-visibility').map(([, arg]) => arg);

describe('connectStore: the first visibility report', () => {
  it('comes after the list is painted (main holds its background refresh until then)', async () => {
    pageIs('visible');
    const frames = holdFrames();
    vi.useFakeTimers();
    const calls = bridge();
    const disconnect = await connectStore();
    expect(useStore.getState().list.devices).toHaveLength(1);
    expect(reports(calls)).toEqual([]);
    for (const frame of frames.splice(0)) frame(0); // the frame that paints the list
    expect(reports(calls)).toEqual([]); // the report goes in the task after it
    await vi.runAllTimersAsync();
    expect(reports(calls)).toEqual([{ visible: true }]);
    disconnect();
  });

  it('is not sent once the store was disconnected before the frame', async () => {
    pageIs('visible');
    const frames = holdFrames();
    vi.useFakeTimers();
    const calls = bridge();
    const disconnect = await connectStore();
    disconnect();
    for (const frame of frames.splice(0)) frame(0);
    await vi.runAllTimersAsync();
    expect(reports(calls)).toEqual([]);
  });

  it('comes at once from a hidden page, which paints no frames', async () => {
    pageIs('hidden');
    const frames = holdFrames();
    const calls = bridge();
    const disconnect = await connectStore();
    await vi.waitFor(() => expect(reports(calls)).toEqual([{ visible: false }]));
    expect(frames).toEqual([]);
    disconnect();
  });
});

describe('connectStore: the first calls', () => {
  it('are the ones the preload sends early (preload/first-calls.ts, FIRST_CALLS), without an argument', async () => {
    pageIs('hidden');
    const calls = bridge();
    const disconnect = await connectStore();
    const early = ['session:get', 'cameras:get', 'view:get-prefs'];
    expect(calls.filter(([channel]) => early.includes(channel))).toEqual(
      early.map((channel) => [channel, undefined]),
    );
    disconnect();
  });
});
