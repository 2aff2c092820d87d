import { WebSocket } from 'ws';
import type {
  CameraStreamSettings,
  EmulatedCamera,
  MasterCandidate,
  MasterSession,
} from './camera-types';
import type { Scheduler } from './viewer';

/**
 * Test doubles for the signalling tests: a camera that answers any offer naming H.264 (and
 * rejects others, as the real one does) and trickles one candidate while it answers, a timer
 * the test fires by hand, and a socket client with an inbox.
 */

export const CAMERA_CANDIDATE: MasterCandidate = {
  candidate: 'candidate:1 1 udp 2122260223 10.233.0.1 50000 typ host',
  sdpMid: '0',
  sdpMLineIndex: 0,
};

export class FakeSession implements MasterSession {
  readonly remote: MasterCandidate[] = [];
  closed = false;
  private offered = false;
  private readonly listeners = new Set<(candidate: MasterCandidate) => void>();

  constructor(private readonly label: string) {}

  answer(offerSdp: string): Promise<string> {
    // As the real session: closed ones and ones that already took an offer refuse another.
    if (this.closed || this.offered) return Promise.reject(new Error('the session is spent'));
    this.offered = true;
    if (!offerSdp.includes('H264')) {
      this.closed = true;
      return Promise.reject(new Error('the offer has no H.264'));
    }
    // Emitted before the answer is sent: the connection must hold it until then.
    for (const listener of this.listeners) listener(CAMERA_CANDIDATE);
    return Promise.resolve(`answer from ${this.label}`);
  }

  addRemoteCandidate(candidate: MasterCandidate): Promise<void> {
    this.remote.push(candidate);
    return Promise.resolve();
  }

  onLocalCandidate(listener: (candidate: MasterCandidate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

export class FakeCamera implements EmulatedCamera {
  readonly sessions: FakeSession[] = [];
  /** Resolves when the camera is closed. */
  readonly closed: Promise<void>;
  private markClosed: () => void = () => undefined;

  constructor(readonly settings: CameraStreamSettings) {
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
  }

  openSession(): FakeSession {
    const session = new FakeSession(this.settings.label);
    this.sessions.push(session);
    return session;
  }

  close(): Promise<void> {
    this.markClosed();
    return Promise.resolve();
  }
}

/** A camera factory that keeps what it made. */
export function fakeCameras(): {
  made: FakeCamera[];
  factory: (s: CameraStreamSettings) => FakeCamera;
} {
  const made: FakeCamera[] = [];
  return {
    made,
    factory: (settings) => {
      const camera = new FakeCamera(settings);
      made.push(camera);
      return camera;
    },
  };
}

/** Timers that fire only when the test says so. */
export function manualScheduler(): {
  schedule: Scheduler;
  pending: () => number[];
  fire: () => void;
} {
  const timers: { ms: number; fn: () => void; live: boolean }[] = [];
  return {
    schedule: (fn, ms) => {
      const timer = { ms, fn, live: true };
      timers.push(timer);
      return () => (timer.live = false);
    },
    pending: () => timers.filter((t) => t.live).map((t) => t.ms),
    fire: () => {
      for (const timer of timers.splice(0)) if (timer.live) timer.fn();
    },
  };
}

/** A signalling client that keeps every text frame it receives, in order. */
export class Client {
  readonly ws: WebSocket;
  private readonly inbox: string[] = [];
  private waiter: (() => void) | null = null;
  readonly closed: Promise<number>;

  constructor(url: string) {
    this.ws = new WebSocket(url);
    this.ws.on('message', (data) => {
      this.inbox.push(String(data));
      this.waiter?.();
    });
    this.closed = new Promise((resolve) => this.ws.on('close', (code) => resolve(code)));
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
  }

  /** The next frame, as text. */
  async next(): Promise<string> {
    while (this.inbox.length === 0) {
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
    return this.inbox.shift() ?? '';
  }

  /** The next frame parsed, with its payload decoded. */
  async nextMessage(): Promise<{
    messageType: string;
    payload: unknown;
    raw: Record<string, unknown>;
  }> {
    const raw = JSON.parse(await this.next()) as Record<string, unknown>;
    const text = typeof raw.messagePayload === 'string' ? raw.messagePayload : '';
    const payload = text ? JSON.parse(Buffer.from(text, 'base64').toString('utf8')) : null;
    return { messageType: String(raw.messageType), payload, raw };
  }

  send(action: string, payload: unknown, correlationId?: string): void {
    const messagePayload = Buffer.from(JSON.stringify(payload)).toString('base64');
    this.ws.send(
      JSON.stringify({ action, recipientClientId: 'MASTER', messagePayload, correlationId }),
    );
  }
}

/** The HTTP status a handshake was refused with. */
export function refusedWith(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => reject(new Error('the handshake was accepted')));
    ws.on('error', () => undefined);
  });
}
