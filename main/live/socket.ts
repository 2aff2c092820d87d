import WebSocket from 'ws';
import { MAX_FRAME_CHARS } from './envelopes';

/** What the session manager needs of a signalling socket (a fake in tests). */
export interface SignallingSocket {
  send(text: string): void;
  /** Closes the socket; no handler is called after this. */
  close(): void;
}

export interface SocketHandlers {
  /** The handshake succeeded: frames may be sent. */
  onOpen(): void;
  /** One text frame from the service (binary frames are dropped). */
  onMessage(text: string): void;
  /** The socket closed or failed, before or after it opened; called at most once. */
  onClose(why: string): void;
}

/** Opens a signalling socket to `url` exactly as given. */
export type SocketFactory = (url: string, handlers: SocketHandlers) => SignallingSocket;

/** How long the WebSocket handshake may take. */
const HANDSHAKE_TIMEOUT_MS = 10_000;

/**
 * A URL whose request target is the caller's bytes, not the URL parser's: the WHATWG parser
 * rewrites some (`'` becomes `%27`, `/./` and `/../` collapse), and a pre-signed URL is checked
 * over its exact query (docs/protocol.md, "Live view"). `ws` builds the request line from
 * `pathname + search`, so this URL's own `pathname` answers the original text and `search` is
 * empty. Only for URLs `signallingUrlOf` passed (printable ASCII, no fragment).
 */
export function exactTargetUrl(raw: string): URL {
  const url = new URL(raw);
  const afterScheme = raw.slice(raw.indexOf('//') + 2);
  const start = afterScheme.search(/[/?]/);
  const rest = start === -1 ? '' : afterScheme.slice(start);
  Object.defineProperties(url, {
    pathname: { value: rest.startsWith('/') ? rest : `/${rest}` },
    search: { value: '' },
  });
  return url;
}

/**
 * The real socket, over `ws`: the exact URL, a handshake timeout, no redirects, frames over
 * MAX_FRAME_CHARS refused by the socket itself, and every error turned into one `onClose`.
 */
export const openWebSocket: SocketFactory = (url, handlers) => {
  let closed = false;
  const finish = (why: string): void => {
    if (closed) return;
    closed = true;
    handlers.onClose(why);
  };
  const socket = new WebSocket(exactTargetUrl(url), {
    handshakeTimeout: HANDSHAKE_TIMEOUT_MS,
    maxPayload: MAX_FRAME_CHARS * 4,
    followRedirects: false,
    perMessageDeflate: false,
  });
  socket.on('open', () => {
    if (!closed) handlers.onOpen();
  });
  socket.on('message', (data, isBinary) => {
    if (closed || isBinary) return;
    const text = Buffer.isBuffer(data) ? data.toString('utf8') : '';
    handlers.onMessage(text);
  });
  socket.on('unexpected-response', (_req, res) => {
    finish(`handshake refused: HTTP ${res.statusCode ?? '?'}`);
    socket.terminate();
  });
  socket.on('error', (err) => finish(`socket error: ${err.name}`));
  socket.on('close', (code) => finish(`socket closed: ${code}`));
  return {
    send: (text) => {
      if (!closed && socket.readyState === WebSocket.OPEN) socket.send(text);
    },
    close: () => {
      closed = true;
      socket.removeAllListeners('message');
      socket.on('error', () => undefined); // a late error on a socket we gave up on is expected
      if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
      else socket.close(1000);
    },
  };
};
