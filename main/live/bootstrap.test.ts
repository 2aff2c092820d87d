import { describe, expect, it } from 'vitest';
import { WyzeError, wyzeError } from '../wyze/errors';
import type { StreamItem } from '../wyze/schemas';
import { bootstrapFailure, bootstrapOf, signallingUrlOf } from './bootstrap';

const KVS =
  'wss://v-1a2b3c4d.kinesisvideo.us-west-2.amazonaws.com/?X-Amz-ChannelARN=arn%3Aaws%3Akinesisvideo' +
  '%3Aus-west-2%3A123%3Achannel%2Fcam%2F1&X-Amz-ClientId=viewer-1&X-Amz-Signature=abc123';

const item = (over: Partial<StreamItem> = {}): StreamItem => ({
  device_id: 'AABBCCDDEEFF',
  provider: 'webrtc',
  property: { 'iot-device::iot-state': 1, 'iot-device::iot-power': 1 },
  params: {
    signaling_url: KVS,
    ice_servers: [
      { url: 'turn:turn.example:443?transport=udp', username: 'u', credential: 'c' },
      { url: 'stun:stun.example:443' },
    ],
  },
  ...over,
});

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return err instanceof WyzeError ? err.code : 'thrown';
  }
};

describe('signalling URL rule (docs/protocol.md, "Live view")', () => {
  it('keeps a Kinesis URL byte for byte, its own percent-encoding included', () => {
    expect(signallingUrlOf(KVS, false)).toBe(KVS);
  });

  it('decodes exactly one layer when the URL holds a literal %25 (double-encoded)', () => {
    const double = KVS.replaceAll('%', '%25');
    expect(signallingUrlOf(double, false)).toBe(KVS);
    const triple = double.replaceAll('%', '%25');
    expect(signallingUrlOf(triple, false)).toBe(double);
  });

  it.each([
    ['the Wyze-run signalling host', 'wss://wyze-mars-webcsrv.wyzecam.com?token=abc'],
    ['plain ws to Kinesis', KVS.replace('wss:', 'ws:')],
    ['https', KVS.replace('wss:', 'https:')],
    ['a look-alike host', 'wss://kinesisvideo.us-west-2.amazonaws.com.evil.example/?X=1'],
    ['credentials in the URL', 'wss://u:p@v-1.kinesisvideo.us-west-2.amazonaws.com/?X=1'],
    ['a fragment', `${KVS}#x`],
    ['a space', `${KVS} x`],
    ['a control character', `${KVS}\n`],
    ['bad percent-encoding with %25', `${KVS}%25%E0%A4%A`],
    ['not a URL', 'kinesis'],
    ['loopback when not allowed', 'ws://127.0.0.1:4010/signaling?X-Amz-Signature=1'],
    ['another port on the Kinesis host', KVS.replace('.com/', '.com:8443/')],
  ])('refuses %s', (_name, url) => {
    expect(signallingUrlOf(url, false)).toBeNull();
  });

  it.each([
    'ws://127.0.0.1:4010/signaling?X-Amz-Signature=1',
    'ws://localhost:4010/s',
    'wss://[::1]:4010/s',
  ])('accepts loopback %s when allowed (the emulator)', (url) => {
    expect(signallingUrlOf(url, true)).toBe(url);
  });

  it('refuses a non-websocket scheme on loopback even when allowed', () => {
    expect(signallingUrlOf('http://127.0.0.1:4010/s', true)).toBeNull();
  });
});

describe('get_streams outcomes', () => {
  it('is streamable: the URL, and ICE servers with `urls` as RTCPeerConnection wants', () => {
    expect(bootstrapOf([item()], 'AABBCCDDEEFF', false)).toEqual({
      signallingUrl: KVS,
      iceServers: [
        { urls: ['turn:turn.example:443?transport=udp'], username: 'u', credential: 'c' },
        { urls: ['stun:stun.example:443'] },
      ],
    });
  });

  it('drops ICE servers that are not stun/turn (RTCPeerConnection would throw on them)', () => {
    const odd = item({
      params: {
        signaling_url: KVS,
        ice_servers: [{ url: 'javascript:alert(1)' }, { url: 'turns:t.example:443' }],
      },
    });
    expect(bootstrapOf([odd], 'AABBCCDDEEFF', false).iceServers).toEqual([
      { urls: ['turns:t.example:443'] },
    ]);
  });

  it.each<[string, StreamItem[], string]>([
    ['iot-state 0', [item({ property: { 'iot-device::iot-state': 0 } })], 'DEVICE_OFFLINE'],
    ['iot-state "2"', [item({ property: { 'iot-device::iot-state': '2' } })], 'DEVICE_OFFLINE'],
    [
      'iot-power 0',
      [item({ property: { 'iot-device::iot-state': 1, 'iot-device::iot-power': 0 } })],
      'PRIVACY_MODE',
    ],
    ['no params', [item({ params: null })], 'LIVE_NOT_SUPPORTED'],
    ['an empty URL', [item({ params: { signaling_url: '' } })], 'LIVE_NOT_SUPPORTED'],
    [
      'the Wyze-run host',
      [item({ params: { signaling_url: 'wss://wyze-mars-webcsrv.wyzecam.com?token=t' } })],
      'LIVE_NOT_SUPPORTED',
    ],
    ['no item', [], 'LIVE_REFUSED'],
    ['only other cameras', [item({ device_id: 'X' }), item({ device_id: 'Y' })], 'LIVE_REFUSED'],
    // One item is this camera's only when it names no other: never another camera's stream.
    ['one item, for another camera', [item({ device_id: 'X' })], 'LIVE_REFUSED'],
    ['one item that names no camera', [item({ device_id: undefined })], 'ok'],
    ['one item whose camera is null', [item({ device_id: null })], 'ok'],
    ['string 1s', [item({ property: { 'iot-device::iot-state': '1' } })], 'ok'],
    ['no property at all', [item({ property: undefined })], 'ok'],
  ])('%s → %s', (_name, items, code) => {
    expect(codeOf(() => bootstrapOf(items, 'AABBCCDDEEFF', false))).toBe(code);
  });

  it('gives each outcome a plain message', () => {
    for (const code of [
      'DEVICE_OFFLINE',
      'PRIVACY_MODE',
      'LIVE_NOT_SUPPORTED',
      'LIVE_REFUSED',
    ] as const) {
      expect(wyzeError(code).message).toMatch(/^[A-Z][^{}]{20,}\.$/);
    }
  });

  it.each([
    ['UNKNOWN_CODE', 'LIVE_REFUSED'],
    ['PARAMETER_ERROR', 'LIVE_REFUSED'],
    ['DEVICE_OFFLINE', 'DEVICE_OFFLINE'],
    ['RATE_LIMITED', 'RATE_LIMITED'],
    ['NETWORK', 'NETWORK'],
  ] as const)('a get_streams failure %s is %s', (code, expected) => {
    expect((bootstrapFailure(wyzeError(code)) as WyzeError).code).toBe(expected);
  });
});
