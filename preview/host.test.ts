import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_EXPORT_MACS } from '../common/export';
import { MAX_SNAPSHOT_BYTES } from '../common/live';
import { BRIDGE_TAG, withBridge } from './requests';
import type { PreviewHost } from './host';
import { startTestPreviewHost } from './test-host';

let host: PreviewHost;
let close: () => Promise<void>;
let port: number;
let secret: string;

beforeAll(async () => {
  // Nothing here reaches a cloud: no test signs in.
  ({ host, close } = await startTestPreviewHost({
    auth: 'http://127.0.0.1:9',
    api: 'http://127.0.0.1:9',
  }));
  const url = new URL(host.url);
  port = Number(url.port);
  secret = new URLSearchParams(url.hash.slice(1)).get('launch') ?? '';
});

afterAll(() => close());

/** The body of an HTTP/1.1 response, joined back from chunked transfer encoding if need be. */
function bodyOf(response: string): string {
  const split = response.indexOf('\r\n\r\n');
  const head = response.slice(0, split);
  let rest = response.slice(split + 4);
  if (!/^transfer-encoding: chunked$/im.test(head)) return rest;
  let body = '';
  for (;;) {
    const eol = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, eol), 16);
    if (!size) return body;
    body += rest.slice(eol + 2, eol + 2 + size);
    rest = rest.slice(eol + 2 + size + 2);
  }
}

/**
 * Sends bytes exactly as written (no client library normalising them) and reads the answer; the
 * requests say `Connection: close`, so the server ends the socket when it has answered.
 */
function raw(request: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.on('error', reject);
    socket.on('end', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: bodyOf(text) });
    });
  });
}

const get = (target: string, hostHeader: string) =>
  raw(`GET ${target} HTTP/1.1\r\nHost: ${hostHeader}\r\nConnection: close\r\n\r\n`);

function ipc(channelPath: string, body = '{}'): Promise<{ status: number; body: string }> {
  return raw(
    [
      `POST /__ipc/${channelPath} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      `Origin: http://127.0.0.1:${port}`,
      'Content-Type: application/json',
      `X-Wyze-Launch: ${secret}`,
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}

describe('preview host: the bridge in index.html', () => {
  // As vite writes the built page: the app's scripts and its stylesheet in <head>.
  const BUILT = [
    '<!doctype html>',
    '<html lang="en">',
    '  <head>',
    '    <title>Wyzecam Desktop</title>',
    '    <script type="module" crossorigin src="./assets/index-a.js"></script>',
    '    <style>body{margin:0}</style>',
    '    <link rel="modulepreload" crossorigin href="./assets/app-c.js">',
    '  </head>',
    '  <body>',
    '    <div id="root"></div>',
    '  </body>',
    '</html>',
  ].join('\n');

  it("goes before the app's module script, deferred, once, and changes nothing else", () => {
    const page = withBridge(BUILT);
    expect(BRIDGE_TAG).toBe('<script defer src="./__preview/bridge.js"></script>');
    expect(page.split(BRIDGE_TAG)).toHaveLength(2);
    const at = page.indexOf(BRIDGE_TAG);
    expect(at).toBeGreaterThan(page.indexOf('<head>'));
    // Deferred and module scripts run in the page's order: the bridge first.
    expect(at).toBeLessThan(page.indexOf('<script type="module"'));
    expect(page.replace(`${BRIDGE_TAG}\n    `, '')).toBe(BUILT);
  });

  it('goes last in <head> when the page has no script there', () => {
    const page = withBridge('<!doctype html><head><title>t</title></head><body></body>');
    expect(page).toBe(
      `<!doctype html><head><title>t</title>${BRIDGE_TAG}\n    </head><body></body>`,
    );
  });

  it('refuses a page with no <head> end rather than serve it without the bridge', () => {
    expect(() => withBridge('<!doctype html><body><div id="root"></div></body>')).toThrow(
      /no <\/head>/,
    );
  });
});

describe('preview host: Host check against the address it listens on (DNS rebinding)', () => {
  it.each([
    ['the listening address', () => ['/', `127.0.0.1:${port}`]],
    ['localhost on the same port', () => ['/', `localhost:${port}`]],
    [
      'absolute-form naming the listening address',
      () => [`http://127.0.0.1:${port}/`, `127.0.0.1:${port}`],
    ],
  ])('serves %s', async (_name, request) => {
    const [target, hostHeader] = request() as [string, string];
    expect((await get(target, hostHeader)).status).toBe(200);
  });

  it.each([
    ['an absolute-form target with a matching foreign Host', () => ['http://evil:80/', 'evil']],
    ['an absolute-form target to a foreign host', () => ['http://evil/', `127.0.0.1:${port}`]],
    ['a foreign Host', () => ['/', 'evil.example']],
    ['the right name on another port', () => ['/', `127.0.0.1:${port + 1}`]],
    ['a rebinding name on our port', () => ['/', `attacker.example:${port}`]],
    ['no port', () => ['/', '127.0.0.1']],
    ['a scheme-relative target', () => ['//evil/', `127.0.0.1:${port}`]],
  ])('refuses %s', async (_name, request) => {
    const [target, hostHeader] = request() as [string, string];
    expect((await get(target, hostHeader)).status).toBe(421);
  });

  it('refuses the event stream for an absolute-form request to another host, even with the secret', async () => {
    const res = await get(`http://evil:80/__events?launch=${secret}`, 'evil');
    expect(res.status).toBe(421);
  });
});

describe('preview host: channel names', () => {
  it.each(['%E0%A4%A', '%', '%zz', 'session%3Aget%'])(
    'answers malformed percent-encoding (%s) with INVALID_ARGUMENT, not a bare 500',
    async (channel) => {
      const res = await ipc(channel);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
      });
    },
  );

  it('still answers a well-formed channel', async () => {
    const res = await ipc(encodeURIComponent('session:get'));
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { status: 'signedOut' } });
  });
});

describe('preview host: request size', () => {
  it('takes an export naming the most cameras an export may name', async () => {
    const macs = Array.from(
      { length: MAX_EXPORT_MACS },
      (_, i) => `A${String(i).padStart(11, '0')}`,
    );
    const res = await ipc(
      encodeURIComponent('cameras:export'),
      JSON.stringify({ arg: { format: 'csv', macs } }),
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { kind: 'download', count: 0 } });
  });

  it('still refuses a body past its cap', async () => {
    const res = await ipc(encodeURIComponent('session:get'), `{"arg":"${'x'.repeat(1_100_000)}"}`);
    expect(res.status).toBe(403);
  });

  it('reads a live view snapshot of up to 16 MB of base64 (that channel only)', async () => {
    const pngBase64 = 'A'.repeat(Math.ceil(MAX_SNAPSHOT_BYTES / 3) * 4);
    const body = JSON.stringify({ arg: { mac: 'NOT-ON-THE-LIST', pngBase64 } });
    const snapshot = await ipc(encodeURIComponent('live:save-snapshot'), body);
    expect(snapshot.status).toBe(200);
    // Read, checked and refused for what it is (no such camera), not for its size.
    expect(JSON.parse(snapshot.body)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    const other = await ipc(
      encodeURIComponent('live:start'),
      JSON.stringify({ arg: { mac: 'x'.repeat(1_100_000) } }),
    );
    expect(other.status).toBe(403);
  });
});
