import { describe, expect, it } from 'vitest';
import { H264Encoder, writePps, writeSps, type EncodedFrame } from './encoder';
import { createFrame, type YuvFrame } from './frame';
import { FramePainter } from './painter';
import { parsePps, parseSlice, parseSps } from './test-decoder';

/**
 * A frame of seeded pseudo-random samples: with zeros (to exercise emulation prevention) or in
 * video range (16–235, as painted pictures are).
 */
function noiseFrame(width: number, height: number, seed: number, videoRange = false): YuvFrame {
  const frame = createFrame(width, height);
  let state = seed;
  for (const plane of [frame.y, frame.cb, frame.cr]) {
    for (let i = 0; i < plane.length; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const sample = state >>> 24;
      plane[i] = videoRange ? 16 + (sample % 220) : sample < 64 ? 0 : sample;
    }
  }
  return frame;
}

/** The encoded frame's NAL unit at `index`; fails the test when there is none. */
function nalAt(encoded: EncodedFrame, index: number): Uint8Array {
  const nal = encoded.nalUnits[index];
  if (!nal) throw new Error(`no NAL unit ${index} in ${encoded.nalUnits.length}`);
  return nal;
}

/** Intra DC prediction of an n×n block at (x0, y0) of a plane, from the macroblock's edges. */
function dcPrediction(
  plane: Uint8Array,
  stride: number,
  block: { x0: number; y0: number; n: number },
  edges: { topRow: number; leftColumn: number; top: boolean; left: boolean; preferTop?: boolean },
): number {
  const { x0, y0, n } = block;
  let sumTop = 0;
  let sumLeft = 0;
  for (let i = 0; i < n; i++) {
    sumTop += plane[edges.topRow * stride + x0 + i] ?? 0;
    sumLeft += plane[(y0 + i) * stride + edges.leftColumn] ?? 0;
  }
  const shift = Math.log2(n);
  const fromTop = (sumTop + n / 2) >> shift;
  const fromLeft = (sumLeft + n / 2) >> shift;
  if (edges.preferTop === undefined && edges.top && edges.left) {
    return (sumTop + sumLeft + n) >> (shift + 1);
  }
  if (edges.preferTop === true) return edges.top ? fromTop : edges.left ? fromLeft : 128;
  return edges.left ? fromLeft : edges.top ? fromTop : 128;
}

/**
 * Rebuilds a picture from a parsed slice over the previous picture (P_Skip copies it; I_PCM
 * brings its samples; Intra_16x16 DC fills each block with its prediction, H.264 clause 8.3.3.4 and
 * clause 8.3.4, from the neighbours rebuilt before it).
 */
function reconstruct(
  macroblocks: (Uint8Array | 'dc' | null)[],
  previous: YuvFrame | undefined,
  width: number,
  height: number,
): YuvFrame {
  const frame = createFrame(width, height);
  if (previous) {
    frame.y.set(previous.y);
    frame.cb.set(previous.cb);
    frame.cr.set(previous.cr);
  }
  const mbWidth = width / 16;
  macroblocks.forEach((samples, mb) => {
    if (!samples) return;
    const x = (mb % mbWidth) * 16;
    const y = Math.floor(mb / mbWidth) * 16;
    if (samples === 'dc') {
      const edges = { top: y > 0, left: x > 0 };
      const luma = dcPrediction(
        frame.y,
        width,
        { x0: x, y0: y, n: 16 },
        { ...edges, topRow: y - 1, leftColumn: x - 1 },
      );
      for (let row = 0; row < 16; row++)
        frame.y.fill(luma, (y + row) * width + x, (y + row) * width + x + 16);
      for (const plane of [frame.cb, frame.cr]) {
        const chromaEdges = { ...edges, topRow: y / 2 - 1, leftColumn: x / 2 - 1 };
        const blocks = [
          [0, 0, undefined],
          [4, 0, true],
          [0, 4, false],
          [4, 4, undefined],
        ] as const;
        const values = blocks.map(([xO, yO, preferTop]) =>
          dcPrediction(
            plane,
            width / 2,
            { x0: x / 2 + xO, y0: y / 2 + yO, n: 4 },
            { ...chromaEdges, preferTop },
          ),
        );
        blocks.forEach(([xO, yO], b) => {
          for (let row = 0; row < 4; row++) {
            const start = (y / 2 + yO + row) * (width / 2) + x / 2 + xO;
            plane.fill(values[b] ?? 0, start, start + 4);
          }
        });
      }
      return;
    }
    for (let row = 0; row < 16; row++) {
      frame.y.set(samples.subarray(row * 16, row * 16 + 16), (y + row) * width + x);
    }
    [frame.cb, frame.cr].forEach((plane, p) => {
      for (let row = 0; row < 8; row++) {
        const from = 256 + p * 64 + row * 8;
        plane.set(samples.subarray(from, from + 8), (y / 2 + row) * (width / 2) + x / 2);
      }
    });
  });
  return frame;
}

describe('H264Encoder', () => {
  it.each([
    [320, 240],
    [640, 368],
    [16, 16],
  ])('writes an SPS for %i×%i that parses back as constrained baseline 42e01f', (width, height) => {
    expect(parseSps(writeSps(width, height))).toEqual({
      profileIdc: 66,
      constraintFlags: 0xe0,
      levelIdc: 31,
      spsId: 0,
      log2MaxFrameNum: 8,
      picOrderCntType: 2,
      maxNumRefFrames: 1,
      gapsAllowed: 0,
      widthInMbs: width / 16,
      heightInMbs: height / 16,
      frameMbsOnly: 1,
      direct8x8: 1,
      cropping: 0,
      vui: 0,
    });
  });

  it('writes a CAVLC PPS with deblocking control', () => {
    expect(parsePps(writePps())).toMatchObject({
      ppsId: 0,
      spsId: 0,
      entropyCodingMode: 0,
      numSliceGroupsMinus1: 0,
      numRefIdxL0Minus1: 0,
      deblockingFilterControl: 1,
      constrainedIntraPred: 0,
      redundantPicCnt: 0,
    });
  });

  it.each([
    [0, 16],
    [17, 16],
    [320, 250],
    [320.5, 240],
    [-16, 16],
  ])('refuses a %s×%s frame with a plain error', (width, height) => {
    expect(() => new H264Encoder(width, height)).toThrow(/multiple of 16/);
  });

  it('encodes the first frame as SPS, PPS and an IDR slice of I_PCM macroblocks', () => {
    const encoder = new H264Encoder(64, 48);
    const frame = noiseFrame(64, 48, 1);
    const encoded = encoder.encode(frame);
    expect(encoded.keyframe).toBe(true);
    expect(encoded.nalUnits.map((nal) => (nal[0] ?? 0) & 0x1f)).toEqual([7, 8, 5]);
    const parsed = parseSlice(nalAt(encoded, 2), 12, 4);
    expect(parsed).toMatchObject({ idr: true, sliceType: 7, frameNum: 0, disableDeblocking: 1 });
    expect(reconstruct(parsed.macroblocks, undefined, 64, 48)).toEqual(frame);
  });

  it('encodes an unchanged frame as a P slice that skips every macroblock', () => {
    const encoder = new H264Encoder(320, 240);
    const frame = noiseFrame(320, 240, 2);
    encoder.encode(frame);
    const encoded = encoder.encode(frame);
    expect(encoded).toMatchObject({ keyframe: false, codedMacroblocks: 0 });
    expect(encoded.nalUnits).toHaveLength(1);
    const parsed = parseSlice(nalAt(encoded, 0), 300, 20);
    expect(parsed).toMatchObject({ idr: false, sliceType: 5, frameNum: 1, skipRuns: [300] });
    expect(nalAt(encoded, 0).length).toBeLessThan(16);
  });

  it('re-sends only the changed macroblocks, and the decoded picture equals the painted one', () => {
    const encoder = new H264Encoder(64, 48);
    const first = noiseFrame(64, 48, 3);
    encoder.encode(first);
    const second = createFrame(64, 48);
    second.y.set(first.y);
    second.cb.set(first.cb);
    second.cr.set(first.cr);
    second.y[0] = 255 - (second.y[0] ?? 0); // macroblock 0 (luma)
    second.cr[(16 / 2) * 32 + 60 / 2] = 255 - (second.cr[(16 / 2) * 32 + 60 / 2] ?? 0); // macroblock 7: x 48–63, y 16–31 (chroma only)
    second.y[47 * 64 + 63] = 255 - (second.y[47 * 64 + 63] ?? 0); // macroblock 11, the last one
    const encoded = encoder.encode(second);
    expect(encoded.codedMacroblocks).toBe(3);
    const parsed = parseSlice(nalAt(encoded, 0), 12, 4);
    expect(parsed.skipRuns).toEqual([0, 6, 3]);
    expect(reconstruct(parsed.macroblocks, first, 64, 48)).toEqual(second);
  });

  it('counts frame_num up to 255 and back to 0, and gives consecutive IDRs different ids', () => {
    const encoder = new H264Encoder(16, 16);
    const frame = createFrame(16, 16);
    const idr1 = parseSlice(nalAt(encoder.encode(frame, true), 2), 1, 1);
    const frameNums = Array.from(
      { length: 256 },
      () => parseSlice(nalAt(encoder.encode(frame), 0), 1, 1).frameNum,
    );
    expect(frameNums.slice(0, 3)).toEqual([1, 2, 3]);
    expect(frameNums.slice(253)).toEqual([254, 255, 0]);
    const idr2 = parseSlice(nalAt(encoder.encode(frame, true), 2), 1, 1);
    expect(idr2.frameNum).toBe(0);
    expect(idr2.idrPicId).not.toBe(idr1.idrPicId);
  });

  it.each([
    [320, 240],
    [640, 368],
  ])('keeps frame sizes bounded at %i×%i: 386 bytes per coded macroblock plus a header', (w, h) => {
    const mbCount = (w / 16) * (h / 16);
    const encoder = new H264Encoder(w, h);
    const key = encoder.encode(noiseFrame(w, h, 4, true));
    const keyBytes = key.nalUnits.reduce((sum, nal) => sum + nal.length, 0);
    // Video-range samples never form a start-code prefix, so no escapes: 384 sample bytes and
    // two bytes for mb_type (9 bits, padded by pcm_alignment_zero_bits).
    expect(keyBytes).toBeLessThanOrEqual(mbCount * 386 + 64);
    expect(keyBytes).toBeGreaterThan(mbCount * 384);
    const delta = encoder.encode(noiseFrame(w, h, 5, true));
    expect(delta.codedMacroblocks).toBe(mbCount);
    expect(nalAt(delta, 0).length).toBeLessThanOrEqual(mbCount * 386 + 64);
  });

  it('decodes 40 painted frames (keyframes and P frames) back to exactly what was painted', () => {
    const [width, height] = [320, 240];
    const painter = new FramePainter(width, height, 'Front door');
    const encoder = new H264Encoder(width, height);
    let decoded: YuvFrame | undefined;
    for (let n = 0; n < 40; n++) {
      const painted = painter.paint({ frameNumber: n, timeMs: Date.UTC(2026, 0, 1) + n * 100 });
      const encoded = encoder.encode(painted, n % 20 === 0);
      const slice = parseSlice(nalAt(encoded, encoded.keyframe ? 2 : 0), 300, 20);
      decoded = reconstruct(
        slice.macroblocks,
        encoded.keyframe ? undefined : decoded,
        width,
        height,
      );
      expect(decoded).toEqual(painted);
      if (encoded.keyframe) {
        // Flat background costs two bytes a macroblock: only text, marker and edges are raw.
        expect(encoded.pcmMacroblocks).toBeLessThan(60);
        expect(nalAt(encoded, 2).length).toBeLessThan(60 * 386 + 300);
      }
    }
  });

  it('codes a flat macroblock whose neighbours predict it as Intra_16x16 DC, and the top-left as I_PCM', () => {
    const encoder = new H264Encoder(48, 32);
    const frame = createFrame(48, 32);
    frame.y.fill(100);
    frame.cb.fill(90);
    frame.cr.fill(160);
    const encoded = encoder.encode(frame);
    const slice = parseSlice(nalAt(encoded, 2), 6, 3);
    expect(slice.macroblocks.map((mb) => (mb === 'dc' ? 'dc' : 'pcm'))).toEqual([
      'pcm',
      'dc',
      'dc',
      'dc',
      'dc',
      'dc',
    ]);
    expect(reconstruct(slice.macroblocks, undefined, 48, 32)).toEqual(frame);
  });

  it('refuses a frame of another size', () => {
    expect(() => new H264Encoder(32, 32).encode(createFrame(16, 16))).toThrow(/16×16/);
  });
});
