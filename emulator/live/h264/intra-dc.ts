import type { YuvFrame } from './frame';

/**
 * Whether a macroblock can be coded as Intra_16x16 DC prediction with no residual (H.264
 * clause 8.3.3.4 and clause 8.3.4.1–3, BitDepth 8, constrained_intra_pred_flag 0): true when every luma
 * sample equals the 16×16 DC prediction from the decoded neighbours and every chroma sample
 * equals its 4×4 block's DC prediction. The neighbours are the frame's own samples, because
 * every macroblock this encoder writes decodes exactly to the painted picture. Uniform
 * background macroblocks next to uniform background pass; the top-left one (predicted as 128)
 * and anything next to text or the marker usually do not, and are sent as I_PCM instead.
 */
export function matchesDcPrediction(frame: YuvFrame, mbx: number, mby: number): boolean {
  const left = mbx > 0;
  const top = mby > 0;
  const { width } = frame;
  const x0 = mbx * 16;
  const y0 = mby * 16;
  let sumTop = 0;
  let sumLeft = 0;
  for (let i = 0; i < 16; i++) {
    if (top) sumTop += frame.y[(y0 - 1) * width + x0 + i] ?? 0;
    if (left) sumLeft += frame.y[(y0 + i) * width + x0 - 1] ?? 0;
  }
  const lumaPrediction =
    top && left
      ? (sumTop + sumLeft + 16) >> 5
      : left
        ? (sumLeft + 8) >> 4
        : top
          ? (sumTop + 8) >> 4
          : 128;
  if (!uniform(frame.y, width, x0, y0, 16, lumaPrediction)) return false;
  const chromaWidth = width / 2;
  return [frame.cb, frame.cr].every((plane) => {
    for (const [xO, yO] of [
      [0, 0],
      [4, 0],
      [0, 4],
      [4, 4],
    ] as const) {
      const cx = mbx * 8 + xO;
      const cy = mby * 8 + yO;
      let sumT = 0;
      let sumL = 0;
      for (let i = 0; i < 4; i++) {
        if (top) sumT += plane[(cy - yO - 1) * chromaWidth + cx + i] ?? 0;
        if (left) sumL += plane[(cy + i) * chromaWidth + cx - xO - 1] ?? 0;
      }
      const both = (sumT + sumL + 4) >> 3;
      const fromTop = (sumT + 2) >> 2;
      const fromLeft = (sumL + 2) >> 2;
      let prediction: number;
      if (xO === yO) {
        prediction = top && left ? both : left ? fromLeft : top ? fromTop : 128;
      } else if (xO > 0) {
        prediction = top ? fromTop : left ? fromLeft : 128;
      } else {
        prediction = left ? fromLeft : top ? fromTop : 128;
      }
      if (!uniform(plane, chromaWidth, cx, cy, 4, prediction)) return false;
    }
    return true;
  });
}

function uniform(
  plane: Uint8Array,
  stride: number,
  x0: number,
  y0: number,
  size: number,
  value: number,
): boolean {
  for (let y = y0; y < y0 + size; y++) {
    for (let i = y * stride + x0; i < y * stride + x0 + size; i++) {
      if (plane[i] !== value) return false;
    }
  }
  return true;
}
