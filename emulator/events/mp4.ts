/**
 * A minimal MP4 (ISO/IEC 14496-12 and 14496-15) writer for one H.264 video track: ftyp, then
 * moov, then mdat ("faststart": a player can start before the whole file is in), every sample
 * in one chunk. Enough for a browser's <video> to play an event clip.
 */

/** One access unit: its NAL units without start codes (SPS and PPS are left out of samples). */
export interface Mp4Sample {
  keyframe: boolean;
  nalUnits: readonly Uint8Array[];
}

export interface Mp4Track {
  width: number;
  height: number;
  /** Frames per second; every sample lasts 1/fps. */
  fps: number;
  sps: Uint8Array;
  pps: Uint8Array;
  samples: readonly Mp4Sample[];
}

/** The media timescale: 90 kHz, the usual clock of video. */
const TIMESCALE = 90_000;
/** The movie timescale: milliseconds. */
const MOVIE_TIMESCALE = 1000;
const NAL_SPS = 7;
const NAL_PPS = 8;

const u8 = (v: number): Buffer => Buffer.from([v & 0xff]);
const u16 = (v: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(v);
  return b;
};
const u32 = (v: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(v >>> 0);
  return b;
};
const zeros = (n: number): Buffer => Buffer.alloc(n);

/** A box: 32-bit size, four-character type, payload. */
function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  return Buffer.concat([u32(8 + body.length), Buffer.from(type, 'latin1'), body]);
}

/** A full box: a box whose payload starts with a version byte and 24 bits of flags. */
const fullBox = (type: string, version: number, flags: number, ...payload: Buffer[]): Buffer =>
  box(type, u32(((version & 0xff) << 24) | (flags & 0xffffff)), ...payload);

/** The identity matrix of mvhd and tkhd (16.16 and 2.30 fixed point). */
const MATRIX = Buffer.concat(
  [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000].map((v) => u32(v)),
);

function avcC(track: Mp4Track): Buffer {
  const { sps, pps } = track;
  return box(
    'avcC',
    u8(1), // configurationVersion
    u8(sps[1] ?? 0), // AVCProfileIndication
    u8(sps[2] ?? 0), // profile_compatibility
    u8(sps[3] ?? 0), // AVCLevelIndication
    u8(0xff), // reserved 6 bits, lengthSizeMinusOne = 3
    u8(0xe1), // reserved 3 bits, one SPS
    u16(sps.length),
    Buffer.from(sps),
    u8(1), // one PPS
    u16(pps.length),
    Buffer.from(pps),
  );
}

function avc1(track: Mp4Track): Buffer {
  return box(
    'avc1',
    zeros(6), // reserved
    u16(1), // data_reference_index
    zeros(16), // pre_defined, reserved, pre_defined[3]
    u16(track.width),
    u16(track.height),
    u32(0x00480000), // 72 dpi
    u32(0x00480000),
    zeros(4), // reserved
    u16(1), // frame_count
    zeros(32), // compressorname
    u16(0x0018), // depth
    u16(0xffff), // pre_defined = -1
    avcC(track),
  );
}

/** The samples' bytes: each NAL unit behind its 4-byte length (no SPS/PPS: they are in avcC). */
function sampleBytes(sample: Mp4Sample): Buffer {
  const parts: Buffer[] = [];
  for (const nal of sample.nalUnits) {
    const type = (nal[0] ?? 0) & 0x1f;
    if (type === NAL_SPS || type === NAL_PPS) continue;
    parts.push(u32(nal.length), Buffer.from(nal));
  }
  return Buffer.concat(parts);
}

function stbl(track: Mp4Track, sizes: number[], mdatOffset: number): Buffer {
  const count = sizes.length;
  const delta = Math.round(TIMESCALE / track.fps);
  const keyframes = track.samples.flatMap((s, i) => (s.keyframe ? [i + 1] : []));
  return box(
    'stbl',
    fullBox('stsd', 0, 0, u32(1), avc1(track)),
    fullBox('stts', 0, 0, u32(1), u32(count), u32(delta)),
    fullBox('stss', 0, 0, u32(keyframes.length), ...keyframes.map((n) => u32(n))),
    fullBox('stsc', 0, 0, u32(1), u32(1), u32(count), u32(1)),
    fullBox('stsz', 0, 0, u32(0), u32(count), ...sizes.map((n) => u32(n))),
    fullBox('stco', 0, 0, u32(1), u32(mdatOffset)),
  );
}

function moov(track: Mp4Track, sizes: number[], mdatOffset: number): Buffer {
  const mediaDuration = sizes.length * Math.round(TIMESCALE / track.fps);
  const movieDuration = Math.round((mediaDuration * MOVIE_TIMESCALE) / TIMESCALE);
  const mvhd = fullBox(
    'mvhd',
    0,
    0,
    u32(0), // creation_time
    u32(0), // modification_time
    u32(MOVIE_TIMESCALE),
    u32(movieDuration),
    u32(0x00010000), // rate 1.0
    u16(0x0100), // volume 1.0
    zeros(10), // reserved
    MATRIX,
    zeros(24), // pre_defined
    u32(2), // next_track_ID
  );
  const tkhd = fullBox(
    'tkhd',
    0,
    3, // enabled, in movie
    u32(0),
    u32(0),
    u32(1), // track_ID
    zeros(4),
    u32(movieDuration),
    zeros(8),
    u16(0), // layer
    u16(0), // alternate_group
    u16(0), // volume (video: 0)
    zeros(2),
    MATRIX,
    u32(track.width << 16),
    u32(track.height << 16),
  );
  const mdhd = fullBox(
    'mdhd',
    0,
    0,
    u32(0),
    u32(0),
    u32(TIMESCALE),
    u32(mediaDuration),
    u16(0x55c4), // language "und"
    u16(0),
  );
  const hdlr = fullBox(
    'hdlr',
    0,
    0,
    u32(0),
    Buffer.from('vide', 'latin1'),
    zeros(12),
    Buffer.from('VideoHandler\0', 'latin1'),
  );
  const vmhd = fullBox('vmhd', 0, 1, zeros(8));
  const dinf = box('dinf', fullBox('dref', 0, 0, u32(1), fullBox('url ', 0, 1)));
  const minf = box('minf', vmhd, dinf, stbl(track, sizes, mdatOffset));
  return box('moov', mvhd, box('trak', tkhd, box('mdia', mdhd, hdlr, minf)));
}

/** The whole file: ftyp, moov, mdat. */
export function muxMp4(track: Mp4Track): Buffer {
  if (track.samples.length === 0) throw new RangeError('an MP4 needs at least one sample');
  if (!track.samples[0]?.keyframe) throw new RangeError('the first sample must be a keyframe');
  const ftyp = box(
    'ftyp',
    Buffer.from('isom', 'latin1'),
    u32(0x200),
    Buffer.from('isomiso2avc1mp41', 'latin1'),
  );
  const samples = track.samples.map(sampleBytes);
  const sizes = samples.map((s) => s.length);
  // moov's size does not depend on the offset's value, so measure it once with a stand-in.
  const moovSize = moov(track, sizes, 0).length;
  const mdatOffset = ftyp.length + moovSize + 8;
  return Buffer.concat([ftyp, moov(track, sizes, mdatOffset), box('mdat', ...samples)]);
}
