import type { WebSocket } from 'ws';
import type { LiveFaults } from '../world';
import type { EmulatedCamera, MasterCandidate, MasterSession } from './camera-types';

/**
 * One viewer's signalling socket, speaking Kinesis Video's WebSocket API as the service does for
 * a viewer (docs/protocol.md, "Live view"): text frames `{action, recipientClientId,
 * messagePayload: base64(JSON), correlationId?}` in; `{senderClientId, messageType,
 * messagePayload}` out, with STATUS_RESPONSE for messages it cannot take. Nothing a viewer sends
 * can throw out of here.
 */

/** Kinesis caps a message payload at 10 KB. */
export const MAX_PAYLOAD_BYTES = 10 * 1024;
/** A frame longer than this cannot hold a valid payload (base64 plus the envelope). */
const MAX_FRAME_CHARS = 16 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/**
 * Frames waiting behind one still being handled (an offer takes milliseconds to answer); past
 * this a frame is refused with a STATUS_RESPONSE, so a client that floods the socket cannot grow
 * the queue, and the emulator's memory, without bound.
 */
export const MAX_WAITING_FRAMES = 32;

/** Runs fn after ms; returns a cancel. Tests pass a hand-driven one. */
export type Scheduler = (fn: () => void, ms: number) => () => void;

/** The emulator's own timers; unref'd, so a pending fault never keeps the process alive. */
export const realScheduler: Scheduler = (fn, ms) => {
  const timer = setTimeout(fn, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const encode = (payload: unknown): string =>
  Buffer.from(JSON.stringify(payload), 'utf8').toString('base64');

class BadMessage extends Error {}

function decodePayload(text: unknown): Json {
  if (typeof text !== 'string' || !BASE64.test(text) || text.length % 4 !== 0) {
    throw new BadMessage('messagePayload is not base64');
  }
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length > MAX_PAYLOAD_BYTES) throw new BadMessage('messagePayload is over 10 KB');
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new BadMessage('messagePayload is not JSON');
  }
  if (!isObject(parsed)) throw new BadMessage('messagePayload is not an object');
  return parsed;
}

function candidateOf(payload: Json): MasterCandidate {
  const { candidate, sdpMid, sdpMLineIndex } = payload;
  if (typeof candidate !== 'string') throw new BadMessage('candidate is not a string');
  const mid = sdpMid === undefined || sdpMid === null ? null : sdpMid;
  const index = sdpMLineIndex === undefined || sdpMLineIndex === null ? null : sdpMLineIndex;
  if (mid !== null && typeof mid !== 'string') throw new BadMessage('sdpMid is not a string');
  if (index !== null && (typeof index !== 'number' || !Number.isInteger(index) || index < 0)) {
    throw new BadMessage('sdpMLineIndex is not an index');
  }
  return { candidate, sdpMid: mid, sdpMLineIndex: index };
}

export interface ViewerOptions {
  camera: EmulatedCamera;
  faults: LiveFaults;
  schedule: Scheduler;
  /** Why the camera cannot stream right now (offline, privacy mode), or null. */
  unavailable: () => string | null;
}

/** The camera end of one viewer's socket. */
export class ViewerConnection {
  private session: MasterSession | null = null;
  private answered = false;
  private pendingLocal: MasterCandidate[] = [];
  private unsubscribe: (() => void) | null = null;
  private readonly cancels: (() => void)[] = [];
  private queue: Promise<void> = Promise.resolve();
  private waiting = 0;
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly options: ViewerOptions,
  ) {}

  /** Starts the socket's life: an empty frame (the service sends some), and any timed faults. */
  start(): void {
    this.ws.send('');
    const { dropAfterSeconds, goAwayAfterSeconds, reconnectIceServerAfterSeconds } =
      this.options.faults;
    if (reconnectIceServerAfterSeconds !== undefined) {
      this.cancels.push(
        this.options.schedule(
          () =>
            this.send({
              senderClientId: '',
              messageType: 'RECONNECT_ICE_SERVER',
              messagePayload: '',
            }),
          reconnectIceServerAfterSeconds * 1000,
        ),
      );
    }
    if (dropAfterSeconds !== undefined) {
      this.cancels.push(this.options.schedule(() => this.ws.terminate(), dropAfterSeconds * 1000));
    }
    if (goAwayAfterSeconds !== undefined) {
      this.cancels.push(
        this.options.schedule(() => {
          this.send({ senderClientId: '', messageType: 'GO_AWAY', messagePayload: '' });
          this.ws.close(1001, 'GO_AWAY');
        }, goAwayAfterSeconds * 1000),
      );
    }
  }

  /** Takes one frame; frames are handled one after another, in the order they came. */
  receive(data: Buffer, isBinary: boolean): Promise<void> {
    if (this.waiting >= MAX_WAITING_FRAMES) {
      this.status('', 'too many messages at once: wait for the answers');
      return this.queue;
    }
    this.waiting++;
    this.queue = this.queue
      .then(() => this.handle(data, isBinary))
      .catch(() => undefined)
      .finally(() => {
        this.waiting--;
      });
    return this.queue;
  }

  /** The socket closed: the session ends and no timer fires. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const cancel of this.cancels) cancel();
    await this.endSession();
  }

  private send(message: Json): void {
    if (!this.closed && this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(message));
  }

  private status(
    correlationId: string,
    description: string,
    errorType = 'InvalidArgumentException',
  ): void {
    this.send({
      senderClientId: '',
      messageType: 'STATUS_RESPONSE',
      messagePayload: '',
      statusResponse: { correlationId, errorType, statusCode: '400', description },
    });
  }

  private async handle(data: Buffer, isBinary: boolean): Promise<void> {
    if (this.closed) return;
    if (isBinary) return this.status('', 'binary frames are not accepted');
    if (data.length > MAX_FRAME_CHARS) return this.status('', 'message is too large');
    const text = data.toString('utf8');
    if (text.trim() === '') return;
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return this.status('', 'message is not JSON');
    }
    if (!isObject(message)) return this.status('', 'message is not an object');
    const correlationId =
      typeof message.correlationId === 'string' ? message.correlationId.slice(0, 256) : '';
    try {
      if (message.action === 'SDP_OFFER')
        await this.offer(decodePayload(message.messagePayload), correlationId);
      else if (message.action === 'ICE_CANDIDATE')
        await this.candidate(decodePayload(message.messagePayload));
      else throw new BadMessage('action must be SDP_OFFER or ICE_CANDIDATE');
    } catch (err) {
      const description = err instanceof Error ? err.message : 'message refused';
      this.status(correlationId, description);
    }
  }

  private openSession(): MasterSession {
    const session = this.options.camera.openSession();
    this.session = session;
    this.answered = false;
    this.pendingLocal = [];
    this.unsubscribe = session.onLocalCandidate((candidate) => {
      if (this.session !== session) return;
      if (this.answered) this.sendCandidate(candidate);
      else this.pendingLocal.push(candidate);
    });
    return session;
  }

  private async endSession(): Promise<void> {
    const session = this.session;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.session = null;
    await session?.close().catch(() => undefined);
  }

  private sendCandidate(candidate: MasterCandidate): void {
    this.send({
      senderClientId: 'MASTER',
      messageType: 'ICE_CANDIDATE',
      messagePayload: encode(candidate),
    });
  }

  private async offer(payload: Json, correlationId: string): Promise<void> {
    if (payload.type !== 'offer' || typeof payload.sdp !== 'string') {
      throw new BadMessage('an offer payload is {type: "offer", sdp}');
    }
    const { neverAnswer, statusError } = this.options.faults;
    if (neverAnswer) return;
    if (statusError)
      return this.status(correlationId, 'the camera did not take the offer', 'InternalFailure');
    const unavailable = this.options.unavailable();
    if (unavailable) return this.status(correlationId, unavailable, 'ResourceNotFoundException');
    // A new offer on the same socket (an ICE restart) starts a new session.
    if (this.answered) await this.endSession();
    const session = this.session ?? this.openSession();
    let sdp: string;
    try {
      sdp = await session.answer(payload.sdp);
    } catch (err) {
      // A session that refused an offer is spent: the next offer gets a fresh one.
      if (this.session === session) await this.endSession();
      throw err;
    }
    if (this.session !== session || this.closed) return;
    this.send({
      senderClientId: 'MASTER',
      messageType: 'SDP_ANSWER',
      messagePayload: encode({ type: 'answer', sdp }),
    });
    this.answered = true;
    for (const candidate of this.pendingLocal.splice(0)) this.sendCandidate(candidate);
  }

  private async candidate(payload: Json): Promise<void> {
    const candidate = candidateOf(payload);
    const session = this.session ?? this.openSession();
    await session.addRemoteCandidate(candidate);
  }
}
