/** A 4:2:0 picture in three planes (Y full size, Cb and Cr half width and half height). */
export interface YuvFrame {
  readonly width: number;
  readonly height: number;
  readonly y: Uint8Array;
  readonly cb: Uint8Array;
  readonly cr: Uint8Array;
}

/** Macroblocks are 16×16 luma samples (8×8 per chroma plane in 4:2:0). */
export const MB_SIZE = 16;

/** A blank frame; width and height must be whole macroblocks. */
export function createFrame(width: number, height: number): YuvFrame {
  assertFrameSize(width, height);
  const luma = width * height;
  return {
    width,
    height,
    y: new Uint8Array(luma),
    cb: new Uint8Array(luma / 4),
    cr: new Uint8Array(luma / 4),
  };
}

/** Throws a plain RangeError unless the size is positive whole macroblocks. */
export function assertFrameSize(width: number, height: number): void {
  for (const [name, value] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (!Number.isInteger(value) || value < MB_SIZE || value % MB_SIZE !== 0) {
      throw new RangeError(`frame ${name} must be a positive multiple of 16, not ${value}`);
    }
  }
}

/** Copies every sample of `from` into `to` (same size). */
export function copyFrame(from: YuvFrame, to: YuvFrame): void {
  to.y.set(from.y);
  to.cb.set(from.cb);
  to.cr.set(from.cr);
}

function blockDiffers(
  a: Uint8Array,
  b: Uint8Array,
  stride: number,
  x0: number,
  y0: number,
  size: number,
): boolean {
  for (let row = 0; row < size; row++) {
    const start = (y0 + row) * stride + x0;
    for (let i = start; i < start + size; i++) {
      if (a[i] !== b[i]) return true;
    }
  }
  return false;
}

/**
 * One flag per macroblock in raster order: 1 where any luma or chroma sample differs between the
 * two frames (same size), 0 where the macroblock can be skipped.
 */
export function changedMacroblocks(previous: YuvFrame, next: YuvFrame): Uint8Array {
  const mbWidth = next.width / MB_SIZE;
  const mbHeight = next.height / MB_SIZE;
  const changed = new Uint8Array(mbWidth * mbHeight);
  const chromaStride = next.width / 2;
  for (let mby = 0; mby < mbHeight; mby++) {
    for (let mbx = 0; mbx < mbWidth; mbx++) {
      changed[mby * mbWidth + mbx] =
        blockDiffers(previous.y, next.y, next.width, mbx * 16, mby * 16, 16) ||
        blockDiffers(previous.cb, next.cb, chromaStride, mbx * 8, mby * 8, 8) ||
        blockDiffers(previous.cr, next.cr, chromaStride, mbx * 8, mby * 8, 8)
          ? 1
          : 0;
    }
  }
  return changed;
}
