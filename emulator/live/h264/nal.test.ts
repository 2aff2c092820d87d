import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addEmulationPrevention, makeNalUnit, removeEmulationPrevention, toAnnexB } from './nal';

describe('emulation prevention (H.264 clause 7.4.1)', () => {
  it.each([
    [
      [0, 0, 0],
      [0, 0, 3, 0],
    ],
    [
      [0, 0, 1],
      [0, 0, 3, 1],
    ],
    [
      [0, 0, 2],
      [0, 0, 3, 2],
    ],
    [
      [0, 0, 3],
      [0, 0, 3, 3],
    ],
    [
      [0, 0, 4],
      [0, 0, 4],
    ],
    [
      [0, 0, 0, 0],
      [0, 0, 3, 0, 0],
    ],
    [
      [0, 0, 0, 0, 0, 0],
      [0, 0, 3, 0, 0, 3, 0, 0],
    ],
    [
      [1, 0, 0, 1, 0, 0],
      [1, 0, 0, 3, 1, 0, 0],
    ],
    [
      [0, 1, 0, 1],
      [0, 1, 0, 1],
    ],
  ])('escapes %j as %j', (rbsp, escaped) => {
    expect([...addEmulationPrevention(new Uint8Array(rbsp))]).toEqual(escaped);
    expect([...removeEmulationPrevention(new Uint8Array(escaped))]).toEqual(rbsp);
  });

  it('leaves no start-code prefix inside any payload and round-trips', () => {
    const bytes = fc.uint8Array({ maxLength: 300 }).map((a) => a.map((b) => b % 5));
    fc.assert(
      fc.property(bytes, (rbsp) => {
        const escaped = addEmulationPrevention(rbsp);
        for (let i = 2; i < escaped.length; i++) {
          const prefix = escaped[i - 2] === 0 && escaped[i - 1] === 0;
          expect(prefix && (escaped[i] ?? 0) <= 2).toBe(false);
        }
        expect(removeEmulationPrevention(escaped)).toEqual(rbsp);
      }),
    );
  });

  it('writes the NAL header and joins units with 4-byte start codes', () => {
    const nal = makeNalUnit(3, 7, new Uint8Array([0, 0, 1, 0x80]));
    expect([...nal]).toEqual([0x67, 0, 0, 3, 1, 0x80]);
    expect([...toAnnexB([nal, new Uint8Array([0x68, 0xce])])]).toEqual([
      0, 0, 0, 1, 0x67, 0, 0, 3, 1, 0x80, 0, 0, 0, 1, 0x68, 0xce,
    ]);
  });
});
