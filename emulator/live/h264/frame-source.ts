import { H264Encoder } from './encoder';
import { toAnnexB } from './nal';
import { FramePainter } from './painter';

/** One access unit as the camera sends it. */
export interface SourceFrame {
  readonly keyframe: boolean;
  /** Annex B byte stream: SPS, PPS and the IDR slice for a keyframe; one P slice otherwise. */
  readonly annexB: Buffer;
  /** 90 kHz RTP timestamp of the frame's capture time. */
  readonly rtpTimestamp: number;
  readonly frameNumber: number;
}

/** Something that receives a camera's frames (one viewer's connection). */
export interface FrameSink {
  /** Called with every frame from the first keyframe after the sink joined. */
  deliver(frame: SourceFrame): void;
}

/** Timers and clocks, injectable so tests run without waiting. */
export interface FrameClock {
  /** Wall-clock milliseconds, drawn on the picture. */
  now(): number;
  /** Monotonic milliseconds, for RTP timestamps. */
  monotonic(): number;
  setInterval(callback: () => void, ms: number): () => void;
}

export const SYSTEM_CLOCK: FrameClock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  setInterval: (callback, ms) => {
    const timer = setInterval(callback, ms);
    return () => clearInterval(timer);
  },
};

export interface FrameSourceOptions {
  width: number;
  height: number;
  fps: number;
  label: string;
  /** Keyframe period so a viewer that lost packets recovers (default 2,000 ms). */
  keyframeIntervalMs?: number;
  /** Keyframes asked for by viewers (PLI) come at most this often (default 500 ms). */
  minKeyframeGapMs?: number;
  clock?: FrameClock;
}

/**
 * A camera's one shared frame clock: paints, encodes once and hands each frame to every sink. It
 * runs only while it has sinks; a new sink gets a keyframe first and nothing before it.
 */
export class FrameSource {
  private readonly painter: FramePainter;
  private readonly encoder: H264Encoder;
  private readonly clock: FrameClock;
  private readonly intervalMs: number;
  private readonly keyframeIntervalMs: number;
  private readonly minKeyframeGapMs: number;
  private readonly sinks = new Map<FrameSink, { synced: boolean }>();
  private stopTimer: (() => void) | undefined;
  private frameNumber = 0;
  private keyframeWanted = true;
  private lastKeyframeAt = Number.NEGATIVE_INFINITY;
  private readonly rtpBase = Math.floor(Math.random() * 2 ** 32);

  constructor(options: FrameSourceOptions) {
    if (!Number.isFinite(options.fps) || options.fps <= 0 || options.fps > 60) {
      throw new RangeError(`fps must be above 0 and at most 60, not ${options.fps}`);
    }
    this.painter = new FramePainter(options.width, options.height, options.label);
    this.encoder = new H264Encoder(options.width, options.height);
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.intervalMs = 1000 / options.fps;
    this.keyframeIntervalMs = options.keyframeIntervalMs ?? 2000;
    this.minKeyframeGapMs = options.minKeyframeGapMs ?? 500;
  }

  /** True while the frame clock runs. */
  get running(): boolean {
    return this.stopTimer !== undefined;
  }

  /** Adds a sink; its first frame is a keyframe, sent at once. Starts the clock if needed. */
  attach(sink: FrameSink): void {
    if (this.sinks.has(sink)) return;
    this.sinks.set(sink, { synced: false });
    this.keyframeWanted = true;
    this.lastKeyframeAt = Number.NEGATIVE_INFINITY;
    if (!this.stopTimer) {
      this.stopTimer = this.clock.setInterval(() => this.tick(), this.intervalMs);
    }
    this.tick();
  }

  /** Removes a sink; stops the clock when none is left. */
  detach(sink: FrameSink): void {
    this.sinks.delete(sink);
    if (this.sinks.size === 0) this.stop();
  }

  /** A viewer lost the picture (RTCP PLI/FIR): the next frame is a keyframe, rate-limited. */
  requestKeyframe(): void {
    this.keyframeWanted = true;
  }

  /** Stops the clock and forgets every sink. */
  stop(): void {
    this.sinks.clear();
    this.stopTimer?.();
    this.stopTimer = undefined;
  }

  /** Paints, encodes and delivers one frame (the timer calls this; tests may too). */
  tick(): void {
    if (this.sinks.size === 0) return;
    const monotonic = this.clock.monotonic();
    const sinceKeyframe = monotonic - this.lastKeyframeAt;
    const keyframe =
      sinceKeyframe >= this.keyframeIntervalMs ||
      (this.keyframeWanted && sinceKeyframe >= this.minKeyframeGapMs);
    const picture = this.painter.paint({ frameNumber: this.frameNumber, timeMs: this.clock.now() });
    const encoded = this.encoder.encode(picture, keyframe);
    if (encoded.keyframe) {
      this.keyframeWanted = false;
      this.lastKeyframeAt = monotonic;
    }
    const frame: SourceFrame = {
      keyframe: encoded.keyframe,
      annexB: toAnnexB(encoded.nalUnits),
      rtpTimestamp: (this.rtpBase + Math.round(monotonic * 90)) >>> 0,
      frameNumber: this.frameNumber,
    };
    this.frameNumber++;
    for (const [sink, state] of this.sinks) {
      if (!state.synced && !frame.keyframe) continue;
      state.synced = true;
      sink.deliver(frame);
    }
  }
}
