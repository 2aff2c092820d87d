/**
 * Test-only fakes for live view: signalling sockets the test opens, feeds and drops by hand, and
 * a scheduler whose time moves only when the test says. Not part of the app.
 */
import type { Scheduler } from '../cameras/refresh-pace';
import type { SignallingSocket, SocketFactory, SocketHandlers } from './socket';

export interface FakeSocket extends SignallingSocket {
  url: string;
  sent: string[];
  closed: boolean;
  /** The handshake succeeds. */
  open(): void;
  /** The service sends a text frame. */
  receive(text: string): void;
  /** The connection drops (or the handshake fails, before `open`). */
  drop(why?: string): void;
}

/** A socket factory that records every socket; `autoOpen` opens each one at once. */
export function fakeSockets(opts: { autoOpen?: boolean } = {}) {
  const sockets: FakeSocket[] = [];
  const factory: SocketFactory = (url: string, handlers: SocketHandlers) => {
    const socket: FakeSocket = {
      url,
      sent: [],
      closed: false,
      send: (text) => {
        if (!socket.closed) socket.sent.push(text);
      },
      close: () => {
        socket.closed = true;
      },
      open: () => {
        if (!socket.closed) handlers.onOpen();
      },
      receive: (text) => {
        if (!socket.closed) handlers.onMessage(text);
      },
      drop: (why = 'socket closed: 1006') => {
        if (socket.closed) return;
        socket.closed = true;
        handlers.onClose(why);
      },
    };
    sockets.push(socket);
    if (opts.autoOpen) queueMicrotask(() => socket.open());
    return socket;
  };
  return { factory, sockets, last: (): FakeSocket | undefined => sockets.at(-1) };
}

/** A scheduler driven by `advance(ms)`; `pending()` lists the waits not yet run. */
export function fakeScheduler() {
  let now = 0;
  let timers: { at: number; fn: () => void; ms: number }[] = [];
  const scheduler: Scheduler = {
    schedule(fn, ms) {
      const timer = { at: now + ms, fn, ms };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
  };
  return {
    scheduler,
    now: (): number => now,
    pending: (): number[] => timers.map((t) => t.ms),
    advance(ms: number): void {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
  };
}

/** Lets every pending promise callback run (no timers involved). */
export const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};
