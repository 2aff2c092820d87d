/**
 * A big-endian bit writer for H.264 RBSPs (ITU-T H.264 clause 7.2): fixed-width fields, exp-Golomb
 * codes, and whole bytes once aligned (the raw samples of I_PCM macroblocks).
 */
export class BitWriter {
  private buffer: Uint8Array;
  private length = 0;
  /** Bits not yet written out, most significant first; `pendingBits` of them are valid. */
  private pending = 0;
  private pendingBits = 0;

  constructor(initialCapacity = 256) {
    this.buffer = new Uint8Array(Math.max(16, initialCapacity));
  }

  /** True when the next bit starts a byte. */
  get byteAligned(): boolean {
    return this.pendingBits === 0;
  }

  /** Writes the low `bits` bits of `value` (0 ≤ bits ≤ 32), most significant first: u(n). */
  u(bits: number, value: number): void {
    if (bits < 0 || bits > 32 || !Number.isInteger(bits)) {
      throw new RangeError(`a field is 0 to 32 bits wide, not ${bits}`);
    }
    for (let left = bits; left > 0;) {
      const take = Math.min(left, 8 - this.pendingBits);
      left -= take;
      const chunk = Math.floor(value / 2 ** left) & ((1 << take) - 1);
      this.pending = (this.pending << take) | chunk;
      this.pendingBits += take;
      if (this.pendingBits === 8) {
        this.pushByte(this.pending);
        this.pending = 0;
        this.pendingBits = 0;
      }
    }
  }

  /** One bit: u(1). */
  flag(value: boolean): void {
    this.u(1, value ? 1 : 0);
  }

  /** Unsigned exp-Golomb, ue(v) (clause 9.1): for 0 ≤ value < 2³¹ − 1. */
  ue(value: number): void {
    if (!Number.isInteger(value) || value < 0 || value >= 0x7fffffff) {
      throw new RangeError(`ue(v) takes an integer from 0 to 2^31 - 2, not ${value}`);
    }
    const codeNum = value + 1;
    const width = 32 - Math.clz32(codeNum);
    this.u(width - 1, 0);
    this.u(width, codeNum);
  }

  /** Signed exp-Golomb, se(v) (clause 9.1.1): k > 0 maps to 2k − 1, k ≤ 0 to −2k. */
  se(value: number): void {
    this.ue(value > 0 ? 2 * value - 1 : -2 * value);
  }

  /** Copies whole bytes; the writer must be byte-aligned (pcm samples follow pcm_alignment_zero_bits). */
  bytes(data: Uint8Array): void {
    if (!this.byteAligned) throw new Error('bytes() needs a byte-aligned writer');
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  /** Zero bits up to the next byte boundary (pcm_alignment_zero_bit). */
  alignWithZeros(): void {
    if (this.pendingBits > 0) this.u(8 - this.pendingBits, 0);
  }

  /** rbsp_trailing_bits(): a stop bit, then zeros to the byte boundary (clause 7.3.2.11). */
  trailingBits(): void {
    this.u(1, 1);
    this.alignWithZeros();
  }

  /** The bytes written so far; the writer must be byte-aligned. */
  finish(): Uint8Array {
    if (!this.byteAligned) throw new Error('finish() needs a byte-aligned writer');
    return this.buffer.slice(0, this.length);
  }

  private pushByte(byte: number): void {
    this.reserve(1);
    this.buffer[this.length++] = byte;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}
