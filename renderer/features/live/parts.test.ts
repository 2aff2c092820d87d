import { describe, expect, it } from 'vitest';
import { preferH264 } from './peer';
import { figuresOf } from './stats';
import { VIDEO_CODECS } from './live-fakes';

// Every module's source, read at build time (no Node in the renderer, even in tests), by its path
// under renderer/.
const sources = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>(['../../**/*.{ts,tsx}', '!../../**/*.test.{ts,tsx}'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }),
  ).map(([path, source]) => [new URL(path, 'file:///r/features/live/').pathname.slice(3), source]),
);

describe('preferH264 (a real camera answers with H.264 only)', () => {
  const codec = (mimeType: string, sdpFmtpLine?: string): RTCRtpCodec => ({
    mimeType,
    clockRate: 90000,
    ...(sdpFmtpLine === undefined ? {} : { sdpFmtpLine }),
  });

  it('puts constrained baseline with packetization-mode 1 first, other H.264 next, the rest after in order', () => {
    expect(preferH264(VIDEO_CODECS).map((c) => `${c.mimeType} ${c.sdpFmtpLine ?? ''}`)).toEqual([
      'video/H264 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f',
      'video/H264 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=640c1f',
      'video/H264 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42e01f',
      'video/VP8 ',
      'video/VP9 profile-id=0',
      'video/rtx ',
    ]);
  });

  it.each([
    ['42001f', 'packetization-mode=1;profile-level-id=42001f', 0],
    ['42e01f upper case', 'packetization-mode=1;profile-level-id=42E01F', 0],
    ['no fmtp line', undefined, 1],
    ['main profile', 'packetization-mode=1;profile-level-id=4d001f', 0],
  ])('%s', (_label, fmtp, index) => {
    const list = [
      codec('video/VP8'),
      codec('video/H264', 'packetization-mode=0'),
      codec('video/h264', fmtp),
    ];
    const ordered = preferH264(list);
    expect(ordered).toHaveLength(3);
    expect(ordered.indexOf(list[2] as RTCRtpCodec)).toBe(index);
    expect(ordered.at(-1)?.mimeType).toBe('video/VP8');
  });

  it('leaves a list without H.264 as it was', () => {
    const list = [codec('video/VP8'), codec('video/AV1')];
    expect(preferH264(list)).toEqual(list);
  });
});

describe('figuresOf (getStats)', () => {
  const report = (...stats: Record<string, unknown>[]) =>
    new Map(stats.map((s, i) => [String(s.id ?? i), s]));

  it.each([
    ['nothing yet', report(), { framesPerSecond: null, roundTripMs: null }],
    [
      'the transport’s selected pair',
      report(
        { type: 'transport', selectedCandidatePairId: 'B' },
        {
          type: 'candidate-pair',
          id: 'A',
          nominated: true,
          state: 'succeeded',
          currentRoundTripTime: 0.5,
        },
        { type: 'candidate-pair', id: 'B', currentRoundTripTime: 0.0126 },
        { type: 'inbound-rtp', kind: 'audio', framesPerSecond: 50 },
        { type: 'inbound-rtp', kind: 'video', framesPerSecond: 29.6 },
      ),
      { framesPerSecond: 30, roundTripMs: 13 },
    ],
    [
      'a nominated, succeeded pair when no transport names one',
      report({
        type: 'candidate-pair',
        id: 'A',
        nominated: true,
        state: 'succeeded',
        currentRoundTripTime: 0.002,
      }),
      { framesPerSecond: null, roundTripMs: 2 },
    ],
    [
      'hostile values are not shown',
      report(
        {
          type: 'candidate-pair',
          id: 'A',
          nominated: true,
          state: 'succeeded',
          currentRoundTripTime: -1,
        },
        { type: 'inbound-rtp', kind: 'video', framesPerSecond: Number.NaN },
        { type: 'inbound-rtp', kind: 'video', framesPerSecond: '30' },
      ),
      { framesPerSecond: null, roundTripMs: null },
    ],
  ])('%s', (_label, stats, figures) => {
    expect(figuresOf(stats)).toEqual(figures);
  });
});

describe('live view stays out of the first screen’s script (renderer/README.md, "Bundle budget")', () => {
  const staticImporters = (name: string) => {
    const staticImport = new RegExp(`^import[^;]*from ['"][./]+(?:[\\w-]+/)*${name}['"]`, 'm');
    return Object.entries(sources)
      .filter(([, source]) => staticImport.test(source))
      .map(([path]) => path);
  };

  it('finds the modules it checks', () => {
    expect(Object.keys(sources)).toContain('features/live/openers.tsx');
    expect(Object.keys(sources)).toContain('store/live-sessions.ts');
  });

  it('the viewer and wall are only imported dynamically, by the openers', () => {
    expect(staticImporters('LiveViews')).toEqual([]);
    expect(sources['features/live/openers.tsx']).toMatch(
      /lazy\(\(\) => import\('\.\/LiveViews'\)\)/,
    );
  });

  it('the sessions (and the peer connection) are imported only by the lazily loaded part', () => {
    const importers = staticImporters('live-sessions');
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.every((p) => /features\/live\/(Live\w+|stats)\.tsx?$/.test(p))).toBe(true);
    // Their parts, by the sessions alone.
    expect(staticImporters('live-connection')).toEqual(['store/live-sessions.ts']);
    expect(staticImporters('live-entries').sort()).toEqual([
      'store/live-connection.ts',
      'store/live-sessions.ts',
    ]);
    expect(staticImporters('peer')).toEqual(['store/live-connection.ts']);
  });
});
