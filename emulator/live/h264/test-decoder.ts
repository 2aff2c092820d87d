import { removeEmulationPrevention } from './nal';

/**
 * For tests only: a reader for the subset of H.264 that encoder.ts writes (SPS, PPS, slices of
 * I_PCM and P_Skip macroblocks), so tests check the bitstream field by field instead of trusting
 * the writer.
 */
export class BitReader {
  private position = 0;
  constructor(private readonly data: Uint8Array) {}

  get bitsLeft(): number {
    return this.data.length * 8 - this.position;
  }

  get byteAligned(): boolean {
    return this.position % 8 === 0;
  }

  u(bits: number): number {
    let value = 0;
    for (let i = 0; i < bits; i++) {
      if (this.position >= this.data.length * 8) throw new Error('read past the end');
      const bit = ((this.data[this.position >> 3] ?? 0) >> (7 - (this.position & 7))) & 1;
      value = value * 2 + bit;
      this.position++;
    }
    return value;
  }

  ue(): number {
    let zeros = 0;
    while (this.u(1) === 0) {
      zeros++;
      if (zeros > 31) throw new Error('exp-Golomb code too long');
    }
    return 2 ** zeros - 1 + this.u(zeros);
  }

  se(): number {
    const code = this.ue();
    return code % 2 === 1 ? (code + 1) / 2 : code === 0 ? 0 : -code / 2;
  }

  bytes(count: number): Uint8Array {
    if (!this.byteAligned) throw new Error('bytes() needs alignment');
    const start = this.position >> 3;
    this.position += count * 8;
    return this.data.slice(start, start + count);
  }

  /** rbsp_trailing_bits: a 1, zeros to the end of the byte, and nothing after. */
  expectTrailingBits(): void {
    if (this.u(1) !== 1) throw new Error('no rbsp_stop_one_bit');
    while (!this.byteAligned) if (this.u(1) !== 0) throw new Error('nonzero alignment bit');
    if (this.bitsLeft !== 0) throw new Error(`${this.bitsLeft / 8} bytes after the trailing bits`);
  }
}

/** The header byte's fields and the unescaped RBSP. */
export function readNal(nal: Uint8Array): { refIdc: number; type: number; rbsp: BitReader } {
  const header = nal[0] ?? 0x80;
  if (header & 0x80) throw new Error('forbidden_zero_bit set');
  return {
    refIdc: (header >> 5) & 3,
    type: header & 0x1f,
    rbsp: new BitReader(removeEmulationPrevention(nal.subarray(1))),
  };
}

export interface ParsedSps {
  profileIdc: number;
  constraintFlags: number;
  levelIdc: number;
  spsId: number;
  log2MaxFrameNum: number;
  picOrderCntType: number;
  maxNumRefFrames: number;
  gapsAllowed: number;
  widthInMbs: number;
  heightInMbs: number;
  frameMbsOnly: number;
  direct8x8: number;
  cropping: number;
  vui: number;
}

export function parseSps(nal: Uint8Array): ParsedSps {
  const { type, rbsp: r } = readNal(nal);
  if (type !== 7) throw new Error(`not an SPS: type ${type}`);
  const sps: ParsedSps = {
    profileIdc: r.u(8),
    constraintFlags: r.u(8),
    levelIdc: r.u(8),
    spsId: r.ue(),
    log2MaxFrameNum: r.ue() + 4,
    picOrderCntType: r.ue(),
    maxNumRefFrames: r.ue(),
    gapsAllowed: r.u(1),
    widthInMbs: r.ue() + 1,
    heightInMbs: r.ue() + 1,
    frameMbsOnly: r.u(1),
    direct8x8: r.u(1),
    cropping: r.u(1),
    vui: r.u(1),
  };
  if (sps.picOrderCntType !== 2 || sps.cropping || sps.vui) throw new Error('unexpected SPS');
  r.expectTrailingBits();
  return sps;
}

export function parsePps(nal: Uint8Array): Record<string, number> {
  const { type, rbsp: r } = readNal(nal);
  if (type !== 8) throw new Error(`not a PPS: type ${type}`);
  const pps = {
    ppsId: r.ue(),
    spsId: r.ue(),
    entropyCodingMode: r.u(1),
    bottomFieldPicOrder: r.u(1),
    numSliceGroupsMinus1: r.ue(),
    numRefIdxL0Minus1: r.ue(),
    numRefIdxL1Minus1: r.ue(),
    weightedPred: r.u(1),
    weightedBipred: r.u(2),
    picInitQpMinus26: r.se(),
    picInitQsMinus26: r.se(),
    chromaQpIndexOffset: r.se(),
    deblockingFilterControl: r.u(1),
    constrainedIntraPred: r.u(1),
    redundantPicCnt: r.u(1),
  };
  r.expectTrailingBits();
  return pps;
}

export interface ParsedSlice {
  idr: boolean;
  sliceType: number;
  frameNum: number;
  idrPicId?: number;
  disableDeblocking: number;
  /**
   * Per macroblock: its raw samples (384 bytes: Y, Cb, Cr) for I_PCM, 'dc' for Intra_16x16 DC
   * without residual, or null for P_Skip.
   */
  macroblocks: (Uint8Array | 'dc' | null)[];
  /** The mb_skip_run values in the order read (P slices). */
  skipRuns: number[];
}

/** Parses a slice of I_PCM / P_Skip macroblocks written with the SPS above (8-bit frame_num). */
export function parseSlice(nal: Uint8Array, mbCount: number, mbWidth: number): ParsedSlice {
  const { type, rbsp: r } = readNal(nal);
  if (type !== 1 && type !== 5) throw new Error(`not a slice: type ${type}`);
  const idr = type === 5;
  if (r.ue() !== 0) throw new Error('first_mb_in_slice is not 0');
  const sliceType = r.ue();
  if (r.ue() !== 0) throw new Error('pps id is not 0');
  const frameNum = r.u(8);
  const idrPicId = idr ? r.ue() : undefined;
  const isP = sliceType % 5 === 0;
  if (isP) {
    if (r.u(1)) throw new Error('num_ref_idx_active_override_flag set');
    if (r.u(1)) throw new Error('ref_pic_list_modification_flag_l0 set');
  }
  if (idr) {
    r.u(1); // no_output_of_prior_pics_flag
    r.u(1); // long_term_reference_flag
  } else if (r.u(1)) throw new Error('adaptive_ref_pic_marking_mode_flag set');
  if (r.se() !== 0) throw new Error('slice_qp_delta is not 0');
  const disableDeblocking = r.ue();
  const macroblocks: (Uint8Array | 'dc' | null)[] = [];
  const skipRuns: number[] = [];
  while (macroblocks.length < mbCount) {
    if (isP) {
      const run = r.ue();
      skipRuns.push(run);
      for (let i = 0; i < run; i++) macroblocks.push(null);
      if (macroblocks.length > mbCount) throw new Error('skip run past the last macroblock');
      if (macroblocks.length === mbCount) break;
    }
    const mbType = r.ue() - (isP ? 5 : 0);
    if (mbType === 25) {
      while (!r.byteAligned) if (r.u(1) !== 0) throw new Error('nonzero pcm_alignment_zero_bit');
      macroblocks.push(r.bytes(384));
      continue;
    }
    if (mbType !== 3) throw new Error(`mb_type ${mbType} is neither I_PCM nor I_16x16_2_0_0`);
    if (r.ue() !== 0) throw new Error('intra_chroma_pred_mode is not DC');
    if (r.se() !== 0) throw new Error('mb_qp_delta is not 0');
    // nC from the left and upper neighbours: 16 for I_PCM, 0 for anything else here.
    const mb = macroblocks.length;
    const count = (n: number) => (macroblocks[n] instanceof Uint8Array ? 16 : 0);
    const nA = mb % mbWidth > 0 ? count(mb - 1) : undefined;
    const nB = mb >= mbWidth ? count(mb - mbWidth) : undefined;
    const nC = nA !== undefined && nB !== undefined ? (nA + nB + 1) >> 1 : (nA ?? nB ?? 0);
    const [bits, code] = nC < 2 ? [1, 1] : nC < 4 ? [2, 3] : nC < 8 ? [4, 15] : [6, 3];
    if (r.u(bits) !== code) throw new Error(`coeff_token is not "no coefficients" for nC ${nC}`);
    macroblocks.push('dc');
  }
  r.expectTrailingBits();
  return { idr, sliceType, frameNum, idrPicId, disableDeblocking, macroblocks, skipRuns };
}
