import { describe, expect, it } from 'vitest';
import { FrameSource, type FrameClock, type SourceFrame } from './frame-source';

/** A clock the test moves by hand; its interval fires only when the test says so. */
function fakeClock() {
  let ms = 1_000_000;
  let callback: (() => void) | undefined;
  const clock: FrameClock = {
    now: () => Date.UTC(2026, 0, 1) + ms,
    monotonic: () => ms,
    setInterval: (fn) => {
      callback = fn;
      return () => (callback = undefined);
    },
  };
  return {
    clock,
    get running() {
      return callback !== undefined;
    },
    /** Advances time by one frame period and fires the interval. */
    step(periodMs: number) {
      ms += periodMs;
      callback?.();
    },
  };
}

function recorder() {
  const frames: SourceFrame[] = [];
  return { frames, deliver: (frame: SourceFrame) => frames.push(frame) };
}

const SETTINGS = { width: 64, height: 48, fps: 10, label: 'Shed', minKeyframeGapMs: 300 };

describe('FrameSource', () => {
  it('starts its clock with the first sink, sends it a keyframe at once, and stops with the last', () => {
    const time = fakeClock();
    const source = new FrameSource({ ...SETTINGS, clock: time.clock });
    expect(time.running).toBe(false);
    const a = recorder();
    source.attach(a);
    expect(time.running).toBe(true);
    expect(a.frames.map((f) => f.keyframe)).toEqual([true]);
    time.step(100);
    time.step(100);
    expect(a.frames.map((f) => f.keyframe)).toEqual([true, false, false]);
    expect(a.frames.map((f) => f.frameNumber)).toEqual([0, 1, 2]);
    expect((a.frames[1]?.rtpTimestamp ?? 0) - (a.frames[0]?.rtpTimestamp ?? 0)).toBe(9000);
    source.detach(a);
    expect(time.running).toBe(false);
  });

  it('gives a sink that joins later a keyframe before anything else', () => {
    const time = fakeClock();
    const source = new FrameSource({ ...SETTINGS, clock: time.clock });
    const a = recorder();
    const b = recorder();
    source.attach(a);
    time.step(100);
    source.attach(b);
    time.step(100);
    expect(b.frames[0]?.keyframe).toBe(true);
    expect(b.frames[0]?.annexB.subarray(0, 5)).toEqual(Buffer.from([0, 0, 0, 1, 0x67]));
    expect(a.frames.map((f) => f.keyframe)).toEqual([true, false, true, false]);
    source.stop();
  });

  it('sends a keyframe every keyframe interval and at most one per gap when viewers ask', () => {
    const time = fakeClock();
    const source = new FrameSource({ ...SETTINGS, keyframeIntervalMs: 1000, clock: time.clock });
    const a = recorder();
    source.attach(a);
    for (let i = 0; i < 10; i++) time.step(100);
    source.requestKeyframe();
    time.step(100); // 100 ms after the periodic keyframe: too soon
    time.step(100);
    time.step(100); // 300 ms after: due
    time.step(100);
    const keyframes = a.frames.flatMap((f, i) => (f.keyframe ? [i] : []));
    expect(keyframes).toEqual([0, 10, 13]);
    source.stop();
  });

  it.each([0, -1, 61, Number.NaN])('refuses %s frames per second', (fps) => {
    expect(() => new FrameSource({ ...SETTINGS, fps })).toThrow(/fps/);
  });
});
