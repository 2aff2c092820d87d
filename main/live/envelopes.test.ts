import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SIGNALLING_TEXT } from '../../common/live';
import { MAX_FRAME_CHARS, candidateFrame, offerFrame, readFrame } from './envelopes';

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64');
const inbound = (messageType: string, payload?: unknown, extra: object = {}): string =>
  JSON.stringify({
    senderClientId: 'MASTER',
    messageType,
    ...(payload === undefined ? {} : { messagePayload: b64(payload) }),
    ...extra,
  });

describe('outbound envelopes (Kinesis viewer protocol)', () => {
  it('sends an offer as SDP_OFFER to MASTER with a base64 JSON payload', () => {
    const frame = JSON.parse(offerFrame('v=0\r\n')) as Record<string, string>;
    expect(Object.keys(frame).sort()).toEqual(['action', 'messagePayload', 'recipientClientId']);
    expect(frame).toMatchObject({ action: 'SDP_OFFER', recipientClientId: 'MASTER' });
    expect(JSON.parse(Buffer.from(frame.messagePayload ?? '', 'base64').toString())).toEqual({
      type: 'offer',
      sdp: 'v=0\r\n',
    });
  });

  it('sends a candidate as ICE_CANDIDATE with RTCIceCandidateInit fields only', () => {
    const c = {
      candidate: 'candidate:1 1 udp 1 10.0.0.1 5000 typ host',
      sdpMid: '0',
      sdpMLineIndex: 0,
    };
    const frame = JSON.parse(candidateFrame(c)) as Record<string, string>;
    expect(frame.action).toBe('ICE_CANDIDATE');
    expect(JSON.parse(Buffer.from(frame.messagePayload ?? '', 'base64').toString())).toEqual(c);
  });
});

describe('inbound frames', () => {
  it.each([
    [
      'an answer',
      inbound('SDP_ANSWER', { type: 'answer', sdp: 'v=0' }),
      { kind: 'answer', sdp: 'v=0' },
    ],
    [
      'a candidate',
      inbound('ICE_CANDIDATE', { candidate: 'candidate:x', sdpMid: '0', sdpMLineIndex: 0 }),
      { kind: 'candidate', candidate: { candidate: 'candidate:x', sdpMid: '0', sdpMLineIndex: 0 } },
    ],
    [
      'a candidate without mid or index',
      inbound('ICE_CANDIDATE', { candidate: 'candidate:x' }),
      {
        kind: 'candidate',
        candidate: { candidate: 'candidate:x', sdpMid: null, sdpMLineIndex: null },
      },
    ],
    ['GO_AWAY', inbound('GO_AWAY'), { kind: 'go-away' }],
    ['RECONNECT_ICE_SERVER', inbound('RECONNECT_ICE_SERVER'), { kind: 'reconnect-ice-server' }],
    [
      'STATUS_RESPONSE',
      inbound('STATUS_RESPONSE', undefined, {
        statusResponse: {
          correlationId: '1',
          errorType: 'InvalidArgumentException',
          statusCode: '400',
          description: 'bad',
        },
      }),
      {
        kind: 'status',
        statusCode: '400',
        errorType: 'InvalidArgumentException',
        description: 'bad',
      },
    ],
    ['an empty frame', '', { kind: 'ignored' }],
    ['a whitespace frame', ' \n', { kind: 'ignored' }],
    ['an unknown type', inbound('SOMETHING_NEW'), { kind: 'ignored' }],
  ])('%s', (_name, text, expected) => {
    expect(readFrame(text)).toEqual(expected);
  });

  it.each([
    ['not JSON', '{'],
    ['JSON null', 'null'],
    ['an array', '[]'],
    ['no type', JSON.stringify({ messagePayload: b64({}) })],
    [
      'an answer payload that is not base64',
      JSON.stringify({ messageType: 'SDP_ANSWER', messagePayload: '!!' }),
    ],
    [
      'an answer payload that is not JSON',
      JSON.stringify({ messageType: 'SDP_ANSWER', messagePayload: 'aGVsbG8=' }),
    ],
    ['an answer without sdp', inbound('SDP_ANSWER', { type: 'answer' })],
    ['an answer with a numeric sdp', inbound('SDP_ANSWER', { type: 'answer', sdp: 5 })],
    ['an offer where an answer belongs', inbound('SDP_ANSWER', { type: 'offer', sdp: 'v=0' })],
    ['an answer over 10 KB', inbound('SDP_ANSWER', { sdp: 'a'.repeat(MAX_SIGNALLING_TEXT + 1) })],
    ['a candidate index of 1e9', inbound('ICE_CANDIDATE', { candidate: 'c', sdpMLineIndex: 1e9 })],
    ['a candidate that is a number', inbound('ICE_CANDIDATE', { candidate: 1 })],
    ['a frame over the cap', ' '.repeat(MAX_FRAME_CHARS) + '{}'],
    ['a __proto__ payload', inbound('SDP_ANSWER', JSON.parse('{"__proto__":{"sdp":"x"}}'))],
  ])('drops %s as invalid', (_name, text) => {
    expect(readFrame(text).kind).toBe('invalid');
    expect(({} as Record<string, unknown>).sdp).toBeUndefined();
  });

  it('property: no frame, however hostile, makes it throw', () => {
    const frames = fc.oneof(
      fc.string(),
      fc.json(),
      fc
        .record({
          messageType: fc.constantFrom('SDP_ANSWER', 'ICE_CANDIDATE', 'STATUS_RESPONSE', 'GO_AWAY'),
          messagePayload: fc.oneof(
            fc.base64String(),
            fc.json().map((j) => Buffer.from(j).toString('base64')),
          ),
          statusResponse: fc.anything(),
        })
        .map((r) => JSON.stringify(r)),
    );
    fc.assert(
      fc.property(frames, (text) => {
        const result = readFrame(text);
        expect([
          'answer',
          'candidate',
          'go-away',
          'reconnect-ice-server',
          'status',
          'ignored',
          'invalid',
        ]).toContain(result.kind);
      }),
    );
  });
});
