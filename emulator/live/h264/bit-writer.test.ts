import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BitWriter } from './bit-writer';
import { BitReader } from './test-decoder';

/** The bits written, as a string of 0s and 1s (the writer is padded with a trailing 1 + zeros). */
function bitsOf(write: (w: BitWriter) => void): string {
  const w = new BitWriter();
  write(w);
  w.trailingBits();
  const bits = [...w.finish()].map((b) => b.toString(2).padStart(8, '0')).join('');
  return bits.slice(0, bits.lastIndexOf('1'));
}

describe('BitWriter', () => {
  it.each([
    [0, '1'],
    [1, '010'],
    [2, '011'],
    [3, '00100'],
    [4, '00101'],
    [6, '00111'],
    [7, '0001000'],
    [25, '000011010'],
    [30, '000011111'],
    [255, '00000000100000000'],
  ])('writes ue(%i) as %s (H.264 clause 9.1, Table 9-2)', (value, bits) => {
    expect(bitsOf((w) => w.ue(value))).toBe(bits);
  });

  it.each([
    [0, '1'],
    [1, '010'],
    [-1, '011'],
    [2, '00100'],
    [-2, '00101'],
    [3, '00110'],
  ])('writes se(%i) as %s (H.264 clause 9.1.1, Table 9-3)', (value, bits) => {
    expect(bitsOf((w) => w.se(value))).toBe(bits);
  });

  it('writes fixed-width fields most significant bit first, across byte boundaries', () => {
    expect(bitsOf((w) => (w.u(3, 0b101), w.u(8, 0x42), w.u(2, 0b01)))).toBe('1010100001001');
    expect(bitsOf((w) => w.u(32, 0xdeadbeef))).toBe((0xdeadbeef).toString(2));
  });

  it('pads to the byte with zeros and copies aligned bytes', () => {
    const w = new BitWriter(1);
    w.u(3, 0b111);
    w.alignWithZeros();
    w.bytes(new Uint8Array([1, 2, 3]));
    expect([...w.finish()]).toEqual([0xe0, 1, 2, 3]);
  });

  it.each([
    ['a negative ue', (w: BitWriter) => w.ue(-1)],
    ['a fractional ue', (w: BitWriter) => w.ue(1.5)],
    ['a ue too big for 32 bits', (w: BitWriter) => w.ue(2 ** 31)],
    ['a 33-bit field', (w: BitWriter) => w.u(33, 0)],
    ['unaligned bytes', (w: BitWriter) => (w.u(1, 1), w.bytes(new Uint8Array(1)))],
    ['finishing mid-byte', (w: BitWriter) => (w.u(1, 1), w.finish())],
  ])('refuses %s', (_name, misuse) => {
    expect(() => misuse(new BitWriter())).toThrow(Error);
  });

  it('round-trips any sequence of ue, se and u fields through a reader', () => {
    const field = fc.oneof(
      fc.record({ kind: fc.constant('ue' as const), value: fc.nat({ max: 0x7ffffffe }) }),
      fc.record({ kind: fc.constant('se' as const), value: fc.integer({ min: -1e6, max: 1e6 }) }),
      fc.record({ kind: fc.constant('u' as const), value: fc.nat({ max: 0xffff }) }),
    );
    fc.assert(
      fc.property(fc.array(field, { maxLength: 40 }), (fields) => {
        const w = new BitWriter(1);
        for (const f of fields) {
          if (f.kind === 'u') w.u(16, f.value);
          else w[f.kind](f.value);
        }
        w.trailingBits();
        const r = new BitReader(w.finish());
        for (const f of fields) {
          expect(f.kind === 'u' ? r.u(16) : r[f.kind]()).toBe(f.value);
        }
        r.expectTrailingBits();
      }),
    );
  });
});
