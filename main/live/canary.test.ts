import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../common/live';
import type { DeviceDto, SessionView } from '../../common/view';
import type { Inventory } from '../cameras/inventory';
import { createHandlers } from '../ipc/handlers';
import { createIpcRouter } from '../ipc/router';
import { createLogger } from '../logging/logger';
import type { LogRecord } from '../logging/logger';
import type { SessionService } from '../session/session';
import type { SettingsStore } from '../session/settings';
import { createWyzeClient } from '../wyze/client';
import { createLiveService } from './create';
import { fakeScheduler, fakeSockets, settle } from './test-fakes';

/**
 * docs/security.md, S25: the access token and the signed signalling URL stay in main. The whole
 * flow runs (a real client signing get_streams against a local server, the IPC router, a fake
 * socket) with canaries in the token, the URL's signature and security token, and the cloud's
 * own `auth_token`; every IPC answer, every event and every log line is searched for them.
 */
const TOKEN = 'CANARY-access-token-7f3a';
const URL_SECRET = 'CANARY-amz-signature-91bd';
const URL_TOKEN = 'CANARY-amz-security-token-c04e';
const AUTH_TOKEN = 'CANARY-auth-token-5e21';
const SIGNED_URL =
  `wss://v-1a2b3c4d.kinesisvideo.us-west-2.amazonaws.com/?X-Amz-ChannelARN=arn%3Aaws%3Ak` +
  `&X-Amz-Security-Token=${URL_TOKEN}&X-Amz-Signature=${URL_SECRET}`;
const CANARIES = [TOKEN, URL_SECRET, URL_TOKEN, AUTH_TOKEN, 'kinesisvideo', 'X-Amz-'];

let server: Server | null = null;
afterEach(async () => {
  const running = server;
  server = null;
  if (running) await new Promise((done) => running.close(done));
});

async function cloud(): Promise<string> {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          code: '1',
          msg: 'SUCCESS',
          data: [
            {
              device_id: 'CAM1',
              property: { 'iot-device::iot-state': 1, 'iot-device::iot-power': 1 },
              params: {
                signaling_url: SIGNED_URL,
                auth_token: AUTH_TOKEN,
                ice_servers: [{ url: 'turn:t.example:443', username: 'u', credential: 'c' }],
              },
            },
          ],
        }),
      );
    });
  });
  await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const camera = { mac: 'CAM1', name: 'Front Door', model: 'HL_CAM4', isCamera: true } as DeviceDto;
const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64');

describe('the access token and the signed URL never leave main (S25)', () => {
  it('holds across start, relay, reconnect, restart, stop and errors', async () => {
    const url = await cloud();
    const logs: LogRecord[] = [];
    const logger = createLogger({ level: 'debug', sink: (r) => logs.push(r) });
    const client = createWyzeClient({
      baseUrls: { auth: url, api: url },
      phoneId: '3f2a6c1e-8b4d-4e2f-9a7c-5d1e0b9f8a21',
      appVersion: '0.1.0-test',
      logger,
    });
    client.restore({ accessToken: TOKEN, refreshToken: 'CANARY-refresh' });
    const view = { status: 'signedIn', demo: false } as SessionView;
    const clock = fakeScheduler();
    const sockets = fakeSockets({ autoOpen: true });
    const live = createLiveService({
      session: { view: () => view, client: () => client, onChange: () => () => undefined },
      cameras: () => [camera],
      baseUrls: { auth: url, api: url },
      logger,
      openSocket: sockets.factory,
      scheduler: clock.scheduler,
      now: clock.now,
    });
    const events: LiveEvent[] = [];
    live.onEvent((e) => events.push(e));
    const router = createIpcRouter({
      handlers: createHandlers({
        session: {} as SessionService,
        inventory: {} as Inventory,
        settings: {} as SettingsStore,
        openExternal: async () => undefined,
        live,
      }),
      isTrustedSender: () => true,
      logger,
    });
    const app = { url: 'app://wyzecam/index.html', isMainFrame: true };
    const answers: unknown[] = [];
    const call = async (channel: string, arg: unknown): Promise<unknown> => {
      const result = await router.dispatch(app, channel, arg);
      answers.push(result);
      return result;
    };

    const started = (await call('live:start', { mac: 'CAM1' })) as {
      value: { sessionId: string };
    };
    const { sessionId } = started.value;
    expect(sockets.last()?.url).toBe(SIGNED_URL); // main did use them
    await call('live:send-offer', { sessionId, sdp: 'v=0' });
    await call('live:send-candidate', {
      sessionId,
      candidate: { candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0 },
    });
    sockets
      .last()
      ?.receive(
        JSON.stringify({ messageType: 'SDP_ANSWER', messagePayload: b64({ sdp: 'v=0 a' }) }),
      );
    sockets.last()?.receive(JSON.stringify({ messageType: 'GO_AWAY' }));
    clock.advance(500);
    await settle();
    await expect.poll(() => events.at(-1)?.kind).toBe('ready');
    sockets.last()?.drop('handshake refused: HTTP 403');
    await call('live:restart', { sessionId });
    await call('live:restart', { sessionId });
    await call('live:start', { mac: 'NOPE' });
    await call('live:send-offer', { sessionId, sdp: 'v=0' });
    await call('live:save-snapshot', { mac: 'CAM1', pngBase64: 'AAAA' });
    await call('live:start', { mac: 'CAM1' });
    live.endAll('signed-out');

    expect(events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['answer', 'reconnecting', 'ready', 'ended']),
    );
    const seen = JSON.stringify({ answers, events, logs });
    for (const canary of CANARIES) expect(seen).not.toContain(canary);
  });
});
