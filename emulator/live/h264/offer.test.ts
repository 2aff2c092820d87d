import { describe, expect, it } from 'vitest';
import { findOfferedH264 } from './offer';

const video = (payloads: string, attributes: string[]) =>
  ['v=0', 's=-', `m=video 9 UDP/TLS/RTP/SAVPF ${payloads}`, ...attributes].join('\r\n') + '\r\n';

describe('findOfferedH264', () => {
  it('picks the first acceptable H.264 payload in the m-line order', () => {
    const sdp = video('96 102 106 108', [
      'a=rtpmap:96 VP8/90000',
      'a=rtpmap:102 H264/90000',
      'a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42001f',
      'a=rtpmap:106 H264/90000',
      'a=fmtp:106 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42E01F',
      'a=rtpmap:108 H264/90000',
      'a=fmtp:108 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f',
    ]);
    expect(findOfferedH264(sdp)).toEqual({
      payloadType: 106,
      profileLevelId: '42e01f',
      fmtp: 'level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42E01F',
    });
  });

  it('skips an audio section and takes the video one, with LF line ends', () => {
    const sdp = [
      'v=0',
      'm=audio 9 UDP/TLS/RTP/SAVPF 111 102',
      'a=rtpmap:102 H264/90000',
      'a=fmtp:102 packetization-mode=1;profile-level-id=42e01f',
      'm=video 9 UDP/TLS/RTP/SAVPF 127',
      'a=rtpmap:127 h264/90000',
      'a=fmtp:127 profile-level-id=42001f; packetization-mode=1',
    ].join('\n');
    expect(findOfferedH264(sdp)?.payloadType).toBe(127);
  });

  it.each([
    ['an empty string', ''],
    ['garbage', '\u0000\u0001 not sdp at all m=video'],
    ['VP8 only', video('96', ['a=rtpmap:96 VP8/90000'])],
    ['H.264 without fmtp', video('102', ['a=rtpmap:102 H264/90000'])],
    [
      'High profile',
      video('102', [
        'a=rtpmap:102 H264/90000',
        'a=fmtp:102 packetization-mode=1;profile-level-id=640c1f',
      ]),
    ],
    [
      'packetization-mode 0',
      video('102', [
        'a=rtpmap:102 H264/90000',
        'a=fmtp:102 packetization-mode=0;profile-level-id=42e01f',
      ]),
    ],
    [
      'an H.264 rtpmap whose payload is not in the m-line',
      video('96', [
        'a=rtpmap:102 H264/90000',
        'a=fmtp:102 packetization-mode=1;profile-level-id=42e01f',
      ]),
    ],
    [
      'H.264 at another clock rate',
      video('102', [
        'a=rtpmap:102 H264/48000',
        'a=fmtp:102 packetization-mode=1;profile-level-id=42e01f',
      ]),
    ],
  ])('finds nothing in %s', (_name, sdp) => {
    expect(findOfferedH264(sdp)).toBeUndefined();
  });
});
