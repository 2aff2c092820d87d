import { describe, expect, it } from 'vitest';
import { H264Encoder } from './encoder';
import { changedMacroblocks, createFrame, copyFrame } from './frame';
import { FramePainter, labelColour, rgbToYuv } from './painter';

const T0 = Date.UTC(2026, 10, 27, 12, 0, 0);

function snapshot(painter: FramePainter, frameNumber: number, timeMs = T0) {
  const painted = painter.paint({ frameNumber, timeMs });
  const copy = createFrame(painted.width, painted.height);
  copyFrame(painted, copy);
  return copy;
}

function countChanged(flags: Uint8Array): number {
  return flags.reduce((sum, flag) => sum + flag, 0);
}

describe('FramePainter', () => {
  it('gives cameras with different labels visibly different backgrounds', () => {
    const labels = ['Front door', 'Backyard', 'Garage', 'Nursery', 'Driveway', 'Camera 1'];
    const colours = labels.map((label) => labelColour(label).join(','));
    expect(new Set(colours).size).toBe(labels.length);
    const a = rgbToYuv(labelColour('Front door'));
    const b = rgbToYuv(labelColour('Backyard'));
    const distance = Math.abs(a.y - b.y) + Math.abs(a.cb - b.cb) + Math.abs(a.cr - b.cr);
    expect(distance).toBeGreaterThan(20);
  });

  it('fills the background with the label colour and writes the label in white', () => {
    const painter = new FramePainter(320, 240, 'Front door');
    const frame = snapshot(painter, 0);
    const background = rgbToYuv(labelColour('Front door'));
    expect(frame.y[120 * 320 + 160]).toBe(background.y);
    expect(frame.cb[60 * 160 + 80]).toBe(background.cb);
    expect(frame.cr[60 * 160 + 80]).toBe(background.cr);
    // The label's first row (scale 2, margin 8): "F" lights its whole top row.
    expect(frame.y[8 * 320 + 8]).toBe(235);
    const other = snapshot(new FramePainter(320, 240, 'Front doer'), 0);
    expect(countChanged(changedMacroblocks(frame, other))).toBeGreaterThan(0);
  });

  it('paints the same picture for the same frame number and time', () => {
    const painter = new FramePainter(320, 240, 'Garage');
    expect(snapshot(painter, 42)).toEqual(snapshot(painter, 42));
  });

  it('changes only a few macroblocks from one frame to the next, and something moves every frame', () => {
    const painter = new FramePainter(640, 368, 'Driveway');
    let previous = snapshot(painter, 0);
    for (let n = 1; n < 60; n++) {
      const next = snapshot(painter, n, T0 + n * 100);
      const changed = countChanged(changedMacroblocks(previous, next));
      expect(changed).toBeGreaterThan(0);
      expect(changed).toBeLessThanOrEqual(24); // of 920
      previous = next;
    }
  });

  it('keeps every sample in video range (no start-code prefixes in I_PCM data)', () => {
    const frame = snapshot(new FramePainter(320, 240, 'Ünïcode ☃ name, far too long to fit'), 7);
    for (const plane of [frame.y, frame.cb, frame.cr]) {
      expect(Math.min(...plane)).toBeGreaterThanOrEqual(16);
      expect(Math.max(...plane)).toBeLessThanOrEqual(240);
    }
  });

  it('paints and encodes 4 cameras at 640×368 cheaply (figures in the log)', () => {
    const sizes = [
      [320, 240],
      [640, 368],
    ] as const;
    for (const [width, height] of sizes) {
      const cameras = [1, 2, 3, 4].map((n) => ({
        painter: new FramePainter(width, height, `Camera ${n}`),
        encoder: new H264Encoder(width, height),
      }));
      const frames = 60;
      let bytes = 0;
      // CPU time, not wall time: other processes on a loaded machine do not count against it.
      const started = process.cpuUsage();
      for (let n = 0; n < frames; n++) {
        for (const { painter, encoder } of cameras) {
          const frame = painter.paint({ frameNumber: n, timeMs: T0 + n * 66 });
          const encoded = encoder.encode(frame, n % 30 === 0);
          bytes += encoded.nalUnits.reduce((sum, nal) => sum + nal.length, 0);
        }
      }
      const used = process.cpuUsage(started);
      const msPerFrame = (used.user + used.system) / 1000 / (frames * cameras.length);
      const kbitPerSecondAt15 = (bytes * 8 * 15) / (frames * cameras.length) / 1000;
      console.log(
        `paint+encode ${width}×${height}: ${msPerFrame.toFixed(2)} ms/frame, ` +
          `${kbitPerSecondAt15.toFixed(0)} kbit/s per camera at 15 fps with an IDR every 2 s`,
      );
      // 4 cameras × 15 fps must use well under one core (8 ms a frame would be half of one).
      expect(msPerFrame).toBeLessThan(8);
    }
  });
});
