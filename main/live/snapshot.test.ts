import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_SNAPSHOT_BYTES } from '../../common/live';
import { WyzeError } from '../wyze/errors';
import { checkedPng, saveSnapshotWithDialog, snapshotFileName } from './snapshot';

/** A real PNG (signature, IHDR, one IDAT, IEND) of `width` × `height` grey pixels. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const raw = Buffer.alloc((width + 1) * height, 0x80);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const reason = (fn: () => unknown): string => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return err instanceof WyzeError ? `${err.code}: ${err.detail ?? ''}` : 'thrown';
  }
};

describe('snapshot PNG checks', () => {
  it('reads a real PNG and its size', () => {
    const { width, height, bytes } = checkedPng(png(320, 240).toString('base64'));
    expect([width, height]).toEqual([320, 240]);
    expect(bytes.equals(png(320, 240))).toBe(true);
  });

  const good = png(4, 4);
  const withByte = (at: number, value: number): string => {
    const copy = Buffer.from(good);
    copy[at] = value;
    return copy.toString('base64');
  };
  const sized = (w: number, h: number): string => {
    const copy = Buffer.from(good);
    copy.writeUInt32BE(w, 16);
    copy.writeUInt32BE(h, 20);
    copy.writeUInt32BE(crc32(copy.subarray(12, 29)), 29);
    return copy.toString('base64');
  };
  it.each([
    ['not base64', '!!!!', 'not base64'],
    ['base64 of the wrong length', 'abc', 'not base64'],
    [
      'a JPEG',
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Array<number>(40).fill(0)]).toString('base64'),
      'no PNG signature',
    ],
    ['too short', good.subarray(0, 20).toString('base64'), 'no PNG signature'],
    ['a chunk other than IHDR first', withByte(12, 0x69), 'no IHDR first'],
    ['a bad IHDR CRC', withByte(29, (good[29] ?? 0) ^ 1), 'IHDR CRC'],
    ['zero width', sized(0, 4), 'size'],
    ['a side over 16384', sized(20_000, 4), 'size'],
    [
      'over the size cap',
      Buffer.concat([good, Buffer.alloc(MAX_SNAPSHOT_BYTES)]).toString('base64'),
      'too large',
    ],
  ])('refuses %s', (_name, base64, detail) => {
    expect(reason(() => checkedPng(base64))).toBe(`INVALID_ARGUMENT: ${detail}`);
  });
});

describe('snapshot file name', () => {
  const at = new Date(2026, 10, 27, 9, 5, 3);
  it.each([
    ['Front Door', 'Front Door 2026-11-27 09.05.03.png'],
    ['../../etc/passwd', '.. .. etc passwd 2026-11-27 09.05.03.png'],
    ['C:\\Users\\x', 'C Users x 2026-11-27 09.05.03.png'],
    ['a<b>c:"d|e?f*', 'a b c d e f 2026-11-27 09.05.03.png'],
    ['line\nbreak\u202eevil', 'line breakevil 2026-11-27 09.05.03.png'],
    ['trailing dots...', 'trailing dots 2026-11-27 09.05.03.png'],
    ['', 'Camera 2026-11-27 09.05.03.png'],
    ['???', 'Camera 2026-11-27 09.05.03.png'],
    ['x'.repeat(300), `${'x'.repeat(80)} 2026-11-27 09.05.03.png`],
  ])('%j → %j', (name, expected) => {
    expect(snapshotFileName(name, at)).toBe(expected);
  });
});

describe('saving with the dialog', () => {
  it('writes the bytes where the user chose and says the file name', async () => {
    const writes: [string, Buffer][] = [];
    const save = saveSnapshotWithDialog({
      choosePath: async (name) => `/home/u/Pictures/${name}`,
      write: async (path, bytes) => void writes.push([path, bytes]),
    });
    const bytes = png(2, 2);
    expect(await save({ suggestedName: 'Front Door.png', bytes })).toEqual({
      kind: 'saved',
      fileName: 'Front Door.png',
    });
    expect(writes).toEqual([['/home/u/Pictures/Front Door.png', bytes]]);
  });

  it('writes nothing when the user cancels', async () => {
    const save = saveSnapshotWithDialog({
      choosePath: async () => null,
      write: () => Promise.reject(new Error('must not write')),
    });
    expect(await save({ suggestedName: 'x.png', bytes: png(1, 1) })).toEqual({ kind: 'cancelled' });
  });

  it('a failed write is a plain message, not a stack', async () => {
    const save = saveSnapshotWithDialog({
      choosePath: async () => '/ro/x.png',
      write: () => Promise.reject(Object.assign(new Error('EROFS'), { code: 'EROFS' })),
    });
    await expect(save({ suggestedName: 'x.png', bytes: png(1, 1) })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('this disk is read-only'),
    });
  });
});
