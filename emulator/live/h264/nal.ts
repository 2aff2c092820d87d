/** NAL unit framing (ITU-T H.264 clause 7.3.1, Annex B). */

/** The NAL unit types this encoder writes. */
export const NAL_TYPE = {
  nonIdrSlice: 1,
  idrSlice: 5,
  sps: 7,
  pps: 8,
} as const;

/**
 * Inserts emulation_prevention_three_byte (0x03) wherever two zero bytes are followed by a byte
 * of 0x00–0x03 (clause 7.4.1), so no start code appears inside a NAL unit.
 */
export function addEmulationPrevention(rbsp: Uint8Array): Uint8Array {
  let needed = 0;
  let run = 0;
  for (const byte of rbsp) {
    if (run >= 2 && byte <= 3) {
      needed++;
      run = 0;
    }
    run = byte === 0 ? run + 1 : 0;
  }
  if (needed === 0) return rbsp;
  const out = new Uint8Array(rbsp.length + needed);
  let o = 0;
  let zeros = 0;
  for (const byte of rbsp) {
    if (zeros >= 2 && byte <= 3) {
      out[o++] = 3;
      zeros = 0;
    }
    out[o++] = byte;
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return out;
}

/** Removes emulation prevention bytes: the inverse of {@link addEmulationPrevention}. */
export function removeEmulationPrevention(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(payload.length);
  let o = 0;
  let zeros = 0;
  for (const byte of payload) {
    if (zeros >= 2 && byte === 3) {
      zeros = 0;
      continue;
    }
    out[o++] = byte;
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return out.slice(0, o);
}

/** A NAL unit: header byte (forbidden_zero_bit, nal_ref_idc, nal_unit_type) plus escaped RBSP. */
export function makeNalUnit(refIdc: number, type: number, rbsp: Uint8Array): Uint8Array {
  const escaped = addEmulationPrevention(rbsp);
  const nal = new Uint8Array(escaped.length + 1);
  nal[0] = ((refIdc & 3) << 5) | (type & 0x1f);
  nal.set(escaped, 1);
  return nal;
}

/** Joins NAL units into an Annex B byte stream, each after a 4-byte start code. */
export function toAnnexB(nalUnits: readonly Uint8Array[]): Buffer {
  const total = nalUnits.reduce((sum, nal) => sum + nal.length + 4, 0);
  const out = Buffer.alloc(total);
  let o = 0;
  for (const nal of nalUnits) {
    out.writeUInt32BE(1, o);
    out.set(nal, o + 4);
    o += nal.length + 4;
  }
  return out;
}
