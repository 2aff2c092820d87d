import { BitWriter } from './bit-writer';
import {
  assertFrameSize,
  changedMacroblocks,
  copyFrame,
  createFrame,
  type YuvFrame,
} from './frame';
import { matchesDcPrediction } from './intra-dc';
import { makeNalUnit, NAL_TYPE } from './nal';

/**
 * A deliberately simple H.264 encoder (ITU-T H.264), Constrained Baseline, CAVLC, 4:2:0:
 * keyframes are IDR pictures, later frames are P pictures where unchanged macroblocks are P_Skip.
 * A coded macroblock is Intra_16x16 DC with no residual when its prediction already equals it
 * (flat background: two bytes), else I_PCM (its raw samples). Every decoded picture therefore
 * equals the painted one exactly, and a P_Skip copies its macroblock from the previous picture
 * (all motion vectors are zero: no macroblock ever codes one).
 */

/** profile_idc 66 (Baseline) with constraint_set0 and constraint_set1: Constrained Baseline. */
export const PROFILE_IDC = 66;
/**
 * constraint_set0, 1 and 2 (the stream meets Baseline, Main and Extended constraints): the byte
 * `e0` of profile-level-id 42e01f, which WebRTC peers call constrained baseline.
 */
export const CONSTRAINT_FLAGS = 0xe0;
/** Level 3.1: up to 3,600 macroblocks a frame (1280×720), plenty for the emulator's sizes. */
export const LEVEL_IDC = 31;
/** The profile-level-id an SDP offer must carry for this stream (RFC 6184 section 8.1). */
export const PROFILE_LEVEL_ID = '42e01f';

/** frame_num is 8 bits wide (log2_max_frame_num_minus4 = 4). */
const LOG2_MAX_FRAME_NUM = 8;
/** mb_type of I_PCM in an I slice (Table 7-11); in a P slice intra types follow 5 inter ones. */
const MB_TYPE_I_PCM = 25;
/** I_16x16_2_0_0: Intra_16x16, prediction mode 2 (DC), no chroma or luma AC coefficients. */
const MB_TYPE_I16_DC_NO_RESIDUAL = 3;
const P_SLICE_INTRA_OFFSET = 5;
/** nN of a neighbouring I_PCM macroblock's 4×4 blocks when predicting nC (clause 9.2.1). */
const PCM_TOTAL_COEFF = 16;
const SLICE_TYPE_P_ALL = 5;
const SLICE_TYPE_I_ALL = 7;

/** One encoded access unit: its NAL units in decoding order, without start codes. */
export interface EncodedFrame {
  readonly keyframe: boolean;
  readonly nalUnits: Uint8Array[];
  /** Macroblocks coded (all of them in a keyframe; the changed ones in a P frame). */
  readonly codedMacroblocks: number;
  /** Of those, the ones sent as raw samples (I_PCM); the others are Intra_16x16 DC. */
  readonly pcmMacroblocks: number;
}

function countFlags(flags: Uint8Array): number {
  let count = 0;
  for (const flag of flags) count += flag;
  return count;
}

/** seq_parameter_set_rbsp (clause 7.3.2.1.1) for a frame of whole macroblocks. */
export function writeSps(width: number, height: number): Uint8Array {
  const w = new BitWriter(32);
  w.u(8, PROFILE_IDC);
  w.u(8, CONSTRAINT_FLAGS); // constraint_set0..5 flags and reserved_zero_2bits
  w.u(8, LEVEL_IDC);
  w.ue(0); // seq_parameter_set_id
  w.ue(LOG2_MAX_FRAME_NUM - 4);
  w.ue(2); // pic_order_cnt_type 2: output order is decoding order
  w.ue(1); // max_num_ref_frames
  w.flag(false); // gaps_in_frame_num_value_allowed_flag
  w.ue(width / 16 - 1); // pic_width_in_mbs_minus1
  w.ue(height / 16 - 1); // pic_height_in_map_units_minus1
  w.flag(true); // frame_mbs_only_flag
  w.flag(true); // direct_8x8_inference_flag
  w.flag(false); // frame_cropping_flag
  w.flag(false); // vui_parameters_present_flag
  w.trailingBits();
  return makeNalUnit(3, NAL_TYPE.sps, w.finish());
}

/** pic_parameter_set_rbsp (clause 7.3.2.2): CAVLC, one slice group, deblocking controllable. */
export function writePps(): Uint8Array {
  const w = new BitWriter(16);
  w.ue(0); // pic_parameter_set_id
  w.ue(0); // seq_parameter_set_id
  w.flag(false); // entropy_coding_mode_flag: CAVLC
  w.flag(false); // bottom_field_pic_order_in_frame_present_flag
  w.ue(0); // num_slice_groups_minus1
  w.ue(0); // num_ref_idx_l0_default_active_minus1
  w.ue(0); // num_ref_idx_l1_default_active_minus1
  w.flag(false); // weighted_pred_flag
  w.u(2, 0); // weighted_bipred_idc
  w.se(0); // pic_init_qp_minus26
  w.se(0); // pic_init_qs_minus26
  w.se(0); // chroma_qp_index_offset
  w.flag(true); // deblocking_filter_control_present_flag: slices turn the filter off
  w.flag(false); // constrained_intra_pred_flag
  w.flag(false); // redundant_pic_cnt_present_flag
  w.trailingBits();
  return makeNalUnit(3, NAL_TYPE.pps, w.finish());
}

/** Stateful encoder for one stream; it keeps the last picture as the reference. */
export class H264Encoder {
  readonly width: number;
  readonly height: number;
  readonly sps: Uint8Array;
  readonly pps: Uint8Array;
  private readonly reference: YuvFrame;
  private hasReference = false;
  private frameNum = 0;
  private idrPicId = 0;

  constructor(width: number, height: number) {
    assertFrameSize(width, height);
    this.width = width;
    this.height = height;
    this.sps = writeSps(width, height);
    this.pps = writePps();
    this.reference = createFrame(width, height);
  }

  /** Encodes the next picture: an IDR (with SPS and PPS) when asked or first, else a P picture. */
  encode(frame: YuvFrame, keyframe = false): EncodedFrame {
    if (frame.width !== this.width || frame.height !== this.height) {
      throw new RangeError(
        `frame is ${frame.width}×${frame.height}, the stream ${this.width}×${this.height}`,
      );
    }
    const result =
      keyframe || !this.hasReference
        ? this.encodeIdr(frame)
        : this.encodeP(frame, changedMacroblocks(this.reference, frame));
    copyFrame(frame, this.reference);
    this.hasReference = true;
    return result;
  }

  private encodeIdr(frame: YuvFrame): EncodedFrame {
    const mbCount = (this.width / 16) * (this.height / 16);
    const w = new BitWriter(mbCount * 386 + 32);
    w.ue(0); // first_mb_in_slice
    w.ue(SLICE_TYPE_I_ALL);
    w.ue(0); // pic_parameter_set_id
    w.u(LOG2_MAX_FRAME_NUM, 0); // frame_num
    w.ue(this.idrPicId); // idr_pic_id: consecutive IDR pictures differ
    w.flag(false); // no_output_of_prior_pics_flag
    w.flag(false); // long_term_reference_flag
    w.se(0); // slice_qp_delta
    w.ue(1); // disable_deblocking_filter_idc: off, so decoded samples equal the coded ones
    const pcm = new Uint8Array(mbCount);
    for (let mb = 0; mb < mbCount; mb++) this.writeMacroblock(w, frame, mb, 0, pcm);
    w.trailingBits();
    this.idrPicId = (this.idrPicId + 1) % 65536;
    this.frameNum = 1;
    const slice = makeNalUnit(3, NAL_TYPE.idrSlice, w.finish());
    return {
      keyframe: true,
      nalUnits: [this.sps, this.pps, slice],
      codedMacroblocks: mbCount,
      pcmMacroblocks: countFlags(pcm),
    };
  }

  private encodeP(frame: YuvFrame, changed: Uint8Array): EncodedFrame {
    const coded = countFlags(changed);
    const w = new BitWriter(coded * 388 + 64);
    w.ue(0); // first_mb_in_slice
    w.ue(SLICE_TYPE_P_ALL);
    w.ue(0); // pic_parameter_set_id
    w.u(LOG2_MAX_FRAME_NUM, this.frameNum);
    w.flag(false); // num_ref_idx_active_override_flag
    w.flag(false); // ref_pic_list_modification_flag_l0
    w.flag(false); // adaptive_ref_pic_marking_mode_flag: sliding window
    w.se(0); // slice_qp_delta
    w.ue(1); // disable_deblocking_filter_idc
    let skipRun = 0;
    const pcm = new Uint8Array(changed.length);
    for (let mb = 0; mb < changed.length; mb++) {
      if (!changed[mb]) {
        skipRun++;
        continue;
      }
      w.ue(skipRun); // mb_skip_run
      skipRun = 0;
      this.writeMacroblock(w, frame, mb, P_SLICE_INTRA_OFFSET, pcm);
    }
    if (skipRun > 0) w.ue(skipRun);
    w.trailingBits();
    this.frameNum = (this.frameNum + 1) % (1 << LOG2_MAX_FRAME_NUM);
    const slice = makeNalUnit(2, NAL_TYPE.nonIdrSlice, w.finish());
    return {
      keyframe: false,
      nalUnits: [slice],
      codedMacroblocks: coded,
      pcmMacroblocks: countFlags(pcm),
    };
  }

  /**
   * One intra macroblock: Intra_16x16 DC without residual when the prediction is exact, else
   * I_PCM (marked in `pcm`, which later macroblocks read for their nC).
   */
  private writeMacroblock(
    w: BitWriter,
    frame: YuvFrame,
    mb: number,
    mbTypeOffset: number,
    pcm: Uint8Array,
  ): void {
    const mbWidth = this.width / 16;
    const mbx = mb % mbWidth;
    const mby = Math.floor(mb / mbWidth);
    if (!matchesDcPrediction(frame, mbx, mby)) {
      w.ue(mbTypeOffset + MB_TYPE_I_PCM);
      this.writePcm(w, frame, mb);
      pcm[mb] = 1;
      return;
    }
    w.ue(mbTypeOffset + MB_TYPE_I16_DC_NO_RESIDUAL);
    w.ue(0); // intra_chroma_pred_mode: DC
    w.se(0); // mb_qp_delta
    // Intra16x16DCLevel with no coefficients: coeff_token for TotalCoeff 0, TrailingOnes 0
    // (Table 9-5), whose code depends on nC from the left and upper neighbours (clause 9.2.1).
    const nA = mbx > 0 ? (pcm[mb - 1] ? PCM_TOTAL_COEFF : 0) : undefined;
    const nB = mby > 0 ? (pcm[mb - mbWidth] ? PCM_TOTAL_COEFF : 0) : undefined;
    const nC = nA !== undefined && nB !== undefined ? (nA + nB + 1) >> 1 : (nA ?? nB ?? 0);
    if (nC < 2) w.u(1, 0b1);
    else if (nC < 4) w.u(2, 0b11);
    else if (nC < 8) w.u(4, 0b1111);
    else w.u(6, 0b000011);
  }

  /** pcm_alignment_zero_bits, then 256 luma and 2×64 chroma samples in raster order (clause 7.3.5). */
  private writePcm(w: BitWriter, frame: YuvFrame, mb: number): void {
    const mbWidth = this.width / 16;
    const x = (mb % mbWidth) * 16;
    const y = Math.floor(mb / mbWidth) * 16;
    w.alignWithZeros();
    for (let row = 0; row < 16; row++) {
      const start = (y + row) * this.width + x;
      w.bytes(frame.y.subarray(start, start + 16));
    }
    const chromaStride = this.width / 2;
    for (const plane of [frame.cb, frame.cr]) {
      for (let row = 0; row < 8; row++) {
        const start = (y / 2 + row) * chromaStride + x / 2;
        w.bytes(plane.subarray(start, start + 8));
      }
    }
  }
}
