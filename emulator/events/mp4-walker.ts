/**
 * Test-only: a tiny reader of the MP4s emulator/events/mp4.ts writes, independent of the
 * writer: walks the boxes and reads the few fields the tests check.
 */

export interface Mp4Summary {
  topLevel: string[];
  width: number;
  height: number;
  durationMs: number;
  sampleSizes: number[];
  /** 1-based sample numbers stss lists. */
  keyframes: number[];
  /** Whether stco's chunk, with stsz's sizes, lies inside mdat's payload. */
  samplesFitMdat: boolean;
  /** The NAL type of each sample's first NAL unit. */
  sliceTypes: number[];
}

interface Box {
  type: string;
  start: number;
  /** Where the payload starts. */
  body: number;
  end: number;
}

function children(buf: Buffer, from: number, to: number): Box[] {
  const boxes: Box[] = [];
  for (let at = from; at < to;) {
    const size = buf.readUInt32BE(at);
    if (size < 8 || at + size > to) throw new Error(`bad box size ${size} at ${at}`);
    boxes.push({
      type: buf.toString('latin1', at + 4, at + 8),
      start: at,
      body: at + 8,
      end: at + size,
    });
    at += size;
  }
  return boxes;
}

function find(buf: Buffer, parent: Box, path: string[]): Box {
  let box = parent;
  for (const type of path) {
    const next = children(buf, box.body, box.end).find((b) => b.type === type);
    if (!next) throw new Error(`no ${type} in ${box.type}`);
    box = next;
  }
  return box;
}

/** Reads an MP4 with one video track, throwing on any box that does not add up. */
export function walkMp4(buf: Buffer): Mp4Summary {
  const top = children(buf, 0, buf.length);
  const root: Box = { type: 'root', start: 0, body: 0, end: buf.length };
  const moov = find(buf, root, ['moov']);
  const mdat = find(buf, root, ['mdat']);
  const mvhd = find(buf, moov, ['mvhd']);
  const timescale = buf.readUInt32BE(mvhd.body + 12);
  const duration = buf.readUInt32BE(mvhd.body + 16);
  const tkhd = find(buf, moov, ['trak', 'tkhd']);
  const stbl = find(buf, moov, ['trak', 'mdia', 'minf', 'stbl']);
  const stsd = find(buf, stbl, ['stsd']);
  const avc1 = children(buf, stsd.body + 8, stsd.end)[0];
  if (avc1?.type !== 'avc1') throw new Error('no avc1 sample entry');
  const avcC = children(buf, avc1.body + 78, avc1.end).find((b) => b.type === 'avcC');
  if (!avcC || buf[avcC.body] !== 1) throw new Error('no avcC version 1');
  const stsz = find(buf, stbl, ['stsz']);
  const count = buf.readUInt32BE(stsz.body + 8);
  const sampleSizes = Array.from({ length: count }, (_, i) =>
    buf.readUInt32BE(stsz.body + 12 + i * 4),
  );
  const stss = find(buf, stbl, ['stss']);
  const keyframes = Array.from({ length: buf.readUInt32BE(stss.body + 4) }, (_, i) =>
    buf.readUInt32BE(stss.body + 8 + i * 4),
  );
  const stco = find(buf, stbl, ['stco']);
  const offset = buf.readUInt32BE(stco.body + 8);
  const total = sampleSizes.reduce((a, b) => a + b, 0);
  const sliceTypes: number[] = [];
  let at = offset;
  for (const size of sampleSizes) {
    sliceTypes.push((buf[at + 4] ?? 0) & 0x1f);
    let inside = at;
    while (inside < at + size) inside += 4 + buf.readUInt32BE(inside);
    if (inside !== at + size) throw new Error('a sample is not whole NAL units');
    at += size;
  }
  return {
    topLevel: top.map((b) => b.type),
    width: buf.readUInt32BE(tkhd.body + 76) >>> 16,
    height: buf.readUInt32BE(tkhd.body + 80) >>> 16,
    durationMs: Math.round((duration * 1000) / timescale),
    sampleSizes,
    keyframes,
    samplesFitMdat: offset === mdat.body && offset + total === mdat.end,
    sliceTypes,
  };
}
