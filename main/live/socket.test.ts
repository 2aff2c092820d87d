import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { openWebSocket } from './socket';
import type { SignallingSocket } from './socket';

/** A local signalling server that records each handshake's request target, byte for byte. */
let server: WebSocketServer | null = null;
const opened: SignallingSocket[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) s.close();
  const running = server;
  server = null;
  if (running) await new Promise((done) => running.close(done));
});

async function listen(opts: { refuse?: number } = {}) {
  const targets: string[] = [];
  const received: string[] = [];
  const peers: WebSocket[] = [];
  server = new WebSocketServer({
    port: 0,
    host: '127.0.0.1',
    verifyClient: (info, done) => {
      targets.push(info.req.url ?? '');
      if (opts.refuse) done(false, opts.refuse);
      else done(true);
    },
  });
  server.on('connection', (peer) => {
    peers.push(peer);
    peer.on('message', (data) => received.push(String(data)));
  });
  await new Promise((done) => server?.once('listening', done));
  const { port } = server.address() as AddressInfo;
  return { base: `ws://127.0.0.1:${port}`, targets, received, peers };
}

function open(url: string) {
  const events: string[] = [];
  let ready!: () => void;
  let closedWith!: (why: string) => void;
  const isOpen = new Promise<void>((resolve) => (ready = resolve));
  const isClosed = new Promise<string>((resolve) => (closedWith = resolve));
  const socket = openWebSocket(url, {
    onOpen: () => ready(),
    onMessage: (text) => events.push(text),
    onClose: (why) => closedWith(why),
  });
  opened.push(socket);
  return { socket, events, isOpen, isClosed };
}

// What a URL parser would rewrite: quotes, dot segments, an empty path before the query.
const TARGETS = [
  "/?X-Amz-ChannelARN=arn%3Aaws%3Akinesisvideo%3Aus-west-2%3A1%3Achannel%2Fc%2F1&X-Amz-ClientId=it's&X-Amz-Signature=ab",
  '/a/./b/../c?x=%7e%7E|^{}`',
];

describe('the signalling socket opens the URL byte for byte (docs/protocol.md, "Live view")', () => {
  it.each(TARGETS)('request target %s', async (target) => {
    const { base, targets } = await listen();
    const { isOpen } = open(`${base}${target}`);
    await isOpen;
    expect(targets).toEqual([target]);
  });

  it('a URL with the query right after the host gets "/" before it and nothing else changed', async () => {
    const { base, targets } = await listen();
    const { isOpen } = open(`${base}?token=a'b`);
    await isOpen;
    expect(targets).toEqual(["/?token=a'b"]);
  });

  it('(why this matters) ws given the plain string would have rewritten the target', async () => {
    const { base, targets } = await listen();
    const plain = new WebSocket(`${base}${TARGETS[1]}`);
    await new Promise((done) => plain.once('open', done));
    plain.close();
    expect(targets[0]).not.toBe(TARGETS[1]);
  });

  it('carries text frames both ways and reports the close once', async () => {
    const { base, received, peers } = await listen();
    const { socket, events, isOpen, isClosed } = open(`${base}/s`);
    await isOpen;
    socket.send('{"action":"SDP_OFFER"}');
    await expect.poll(() => received).toEqual(['{"action":"SDP_OFFER"}']);
    peers[0]?.send('{"messageType":"SDP_ANSWER"}');
    peers[0]?.send(Buffer.from([1, 2, 3]), { binary: true });
    peers[0]?.send('');
    await expect.poll(() => events).toEqual(['{"messageType":"SDP_ANSWER"}', '']);
    peers[0]?.close(1001);
    expect(await isClosed).toBe('socket closed: 1001');
  });

  it('a refused handshake (a tampered or expired URL) is a close with the status, not a throw', async () => {
    const { base } = await listen({ refuse: 403 });
    const { isClosed } = open(`${base}/s`);
    expect(await isClosed).toBe('handshake refused: HTTP 403');
  });

  it('a frame over the cap closes the socket instead of being read', async () => {
    const { base, peers } = await listen();
    const { events, isOpen, isClosed } = open(`${base}/s`);
    await isOpen;
    peers[0]?.send('x'.repeat(1024 * 1024));
    expect(await isClosed).toMatch(/^socket (error|closed)/);
    expect(events).toEqual([]);
  });
});
