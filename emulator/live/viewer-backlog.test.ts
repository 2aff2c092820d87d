import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { EmulatedCamera, MasterSession } from './camera-types';
import { MAX_WAITING_FRAMES, ViewerConnection } from './viewer';

const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64');
const frame = (action: string, payload: unknown): Buffer =>
  Buffer.from(JSON.stringify({ action, messagePayload: b64(payload) }));

/** A socket that records what the connection sends. */
function recordingSocket() {
  const sent: string[] = [];
  const ws = {
    OPEN: 1,
    readyState: 1,
    send: (text: string) => sent.push(text),
    close: () => undefined,
    terminate: () => undefined,
  };
  return { ws: ws as unknown as WebSocket, sent };
}

/** A camera whose sessions take an offer and never answer it (a slow camera). */
function stuckCamera(): EmulatedCamera {
  const session: MasterSession = {
    answer: () => new Promise<string>(() => undefined),
    addRemoteCandidate: () => Promise.resolve(),
    onLocalCandidate: () => () => undefined,
    close: () => Promise.resolve(),
  };
  return {
    settings: { width: 320, height: 240, fps: 10, label: 'Porch' },
    openSession: () => session,
    close: () => Promise.resolve(),
  };
}

describe('a viewer that floods its signalling socket', () => {
  it(`keeps at most ${MAX_WAITING_FRAMES} frames waiting and refuses the rest with a status`, () => {
    const { ws, sent } = recordingSocket();
    const viewer = new ViewerConnection(ws, {
      camera: stuckCamera(),
      faults: { neverAnswer: false, statusError: false },
      schedule: () => () => undefined,
      unavailable: () => null,
    });
    void viewer.receive(frame('SDP_OFFER', { type: 'offer', sdp: 'v=0 H264' }), false);
    const flood = 1_000;
    for (let n = 0; n < flood; n++) {
      const candidate = { candidate: `candidate:${n} 1 udp 1 10.0.0.1 ${n} typ host` };
      void viewer.receive(frame('ICE_CANDIDATE', candidate), false);
    }
    const refused = sent.filter((text) => text.includes('too many messages at once'));
    expect(refused).toHaveLength(flood + 1 - MAX_WAITING_FRAMES);
    expect(JSON.parse(refused[0] ?? '{}')).toMatchObject({
      messageType: 'STATUS_RESPONSE',
      statusResponse: { statusCode: '400' },
    });
  });
});
