import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { readCappedText } from '../common/capped-text';
import { formatResetBy } from './ratelimit';
import type { BudgetState } from './ratelimit';
import { appError, authError } from './reply';
import type { Reply, RequestContext, Route } from './reply';
import * as app from './routes/app';
import { login, sendEmailCode, sendSmsCode } from './routes/auth';
import { control } from './routes/control';
import { getEventListV2, getEventListV4 } from './routes/events';
import { getStreams } from './routes/streams';
import type { RawRoute } from './routes/streams';
import { createEmulatedCamera } from './live/camera';
import { CameraRegistry } from './live/registry';
import type { CameraFactory } from './live/registry';
import { SignallingHub } from './live/signalling';
import type { Scheduler } from './live/viewer';
import { newControlToken, refuseControl } from './routes/control-access';
import { PICTURE_PREFIX, servePicture } from './routes/pictures';
import { EVENT_FILE_PREFIX, serveEventFile } from './events/media';
import { renderEventClip } from './events/clip';
import type { ControlAccess } from './routes/control-access';
import { EmulatorState } from './state';
import { loadWorld, parseWorld } from './world';
import type { FaultSpec, World, WorldInput } from './world';

const ROUTES: Record<string, Route> = {
  '/api/user/login': login,
  '/user/login': login,
  '/user/login/sendSmsCode': sendSmsCode,
  '/v2/user/login/sendEmailCode': sendEmailCode,
  '/app/user/refresh_token': app.refreshToken,
  '/app/user/get_user_info': app.getUserInfo,
  '/app/v2/home_page/get_object_list': app.getObjectList,
  '/app/device/get_device_list': app.getDeviceList,
  '/app/v2/device/get_device_Info': app.getDeviceInfo,
  '/app/v2/device/get_device_info': app.getDeviceInfo,
  '/app/v2/device/get_property_list': app.getPropertyList,
  '/app/v2/device/get_event_list': getEventListV2,
};

/** Routes whose signature is over the exact body bytes (docs/protocol.md, "Live view"). */
const RAW_ROUTES: Record<string, RawRoute> = {
  '/app/v4/camera/get_streams': getStreams,
  '/app/v4/camera/get-streams': getStreams,
  '/app/v4/device/get_event_list': getEventListV4,
};

const CONTROL_PREFIX = '/__emulator/';
const MAX_REQUEST_BYTES = 1024 * 1024;

export interface EmulatorOptions {
  /** A world object, or the path of a world JSON file. */
  world: World | WorldInput | string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The emulator's clock; tests pass a fake one to move through token lifetimes and rate windows. */
  now?: () => number;
  /**
   * Serve the `/__emulator/*` control API (the default). false: no control API at all (404),
   * for the app's demo cloud, which nothing outside the process should steer.
   */
  control?: boolean;
  /** Live view: how emulated cameras are made, and the timer the signalling faults run on. */
  live?: { cameras?: CameraFactory; schedule?: Scheduler };
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:41234 — serves both the auth host and the app host paths. */
  url: string;
  /** The running world: change it in-process, or over HTTP at `${url}/__emulator/…`. */
  state: EmulatorState;
  /**
   * This run's secret for the control API, sent as `x-emulator-token`; null when it was started
   * with `control: false`.
   */
  controlToken: string | null;
  close(): Promise<void>;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function serialise(reply: Reply): string {
  if (reply.body === null) return '';
  return typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
}

/** Writes a reply, misbehaving on the wire the way a body fault asks. */
async function send(res: ServerResponse, reply: Reply, fault: FaultSpec | null): Promise<void> {
  const text = serialise(reply);
  const bytes = Buffer.from(text, 'utf8');
  const isJson = reply.body !== null && typeof reply.body !== 'string';
  res.statusCode = reply.status;
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  if (isJson) res.setHeader('content-type', 'application/json');
  if (fault?.kind === 'truncated') {
    res.setHeader('content-length', String(bytes.length));
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
    res.destroy();
    return;
  }
  if (fault?.kind === 'trickle') {
    res.setHeader('content-length', String(bytes.length));
    for (let i = 0; i < bytes.length && !res.destroyed; i += 16) {
      res.write(bytes.subarray(i, i + 16));
      await delay(fault.ms || 200);
    }
    res.end();
    return;
  }
  res.setHeader('content-length', String(bytes.length));
  res.end(bytes);
}

async function sendHuge(res: ServerResponse, bytes: number): Promise<void> {
  res.statusCode = 200;
  res.setHeader('content-type', 'application/json');
  res.write('{"code":"1","msg":"SUCCESS","data":{"padding":"');
  const chunk = Buffer.alloc(64 * 1024, 'a');
  for (let sent = 0; sent < bytes && !res.destroyed; sent += chunk.length) {
    if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
  }
  if (!res.destroyed) res.end('"}}');
}

function rateHeaders(res: ServerResponse, budget: BudgetState): void {
  res.setHeader('X-RateLimit-Remaining', String(budget.remaining));
  res.setHeader('X-RateLimit-Reset-By', formatResetBy(budget.resetBy));
}

/** Replies that a fault produces instead of the route's answer; null to route normally. */
function faultReply(fault: FaultSpec | null, ctx: RequestContext): Reply | null {
  switch (fault?.kind) {
    case 'status':
      return fault.status === 429
        ? { status: 429, body: null }
        : {
            status: fault.status,
            body: `<html><body>${fault.status} upstream error</body></html>`,
          };
    case 'malformed':
      return {
        status: 200,
        body: `{"code":"1","ts":${ctx.state.now()},"data":{"device_list":[<html>`,
      };
    case 'rateLimit1011':
      return appError('1011', 'system limit exceeded, please try again later.');
    case 'appCode':
      return appError(fault.code, fault.msg);
    case 'authError':
      return authError(fault.description);
    default:
      return null;
  }
}

async function handle(
  state: EmulatorState,
  access: ControlAccess | null,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname;
  const text = await readCappedText(req, MAX_REQUEST_BYTES);
  if (text === null) {
    res.writeHead(413).end();
    return;
  }
  if (path.startsWith(CONTROL_PREFIX)) {
    const method = req.method ?? 'GET';
    const reply = !access
      ? { status: 404, body: { message: 'Not Found' } }
      : (refuseControl(method, req.headers, access) ??
        control(state, method, path.slice(CONTROL_PREFIX.length), parseJson(text)));
    await send(res, reply, null);
    return;
  }
  state.countRequest(path);
  if (path.startsWith(PICTURE_PREFIX)) {
    const picture = servePicture(state, req.method ?? 'GET', path, url.searchParams);
    res.writeHead(picture.status, picture.headers).end(picture.body);
    return;
  }
  if (path.startsWith(EVENT_FILE_PREFIX)) {
    const file = serveEventFile(
      state,
      req.method ?? 'GET',
      path,
      url.searchParams,
      renderEventClip,
    );
    res.writeHead(file.status, file.headers).end(file.body);
    return;
  }
  const raw = RAW_ROUTES[path];
  const route: Route | undefined = raw ? (ctx) => raw(ctx, text) : ROUTES[path];
  if (!route) {
    await send(res, { status: 404, body: { message: 'Not Found' } }, null);
    return;
  }
  if (req.method !== 'POST') {
    await send(res, { status: 405, body: { message: 'Method Not Allowed' } }, null);
    return;
  }
  const family = path.startsWith('/app/') ? 'app' : 'auth';
  const budget = state.budgets[family].take();
  rateHeaders(res, budget);
  if (!budget.allowed) {
    const exhausted =
      family === 'app' && state.world.rateLimits.app.whenExhausted === 'code1011'
        ? appError('1011', 'system limit exceeded, please try again later.')
        : { status: 429, body: null };
    await send(res, exhausted, null);
    return;
  }
  const fault = state.faults.match(path);
  if (fault?.kind === 'latency') await delay(fault.ms);
  if (fault?.kind === 'hang') return; // never answers; close() ends the socket
  if (fault?.kind === 'huge') {
    await sendHuge(res, fault.bytes);
    return;
  }
  const ctx: RequestContext = {
    state,
    path,
    query: url.searchParams,
    headers: req.headers,
    body: parseJson(text),
    fault,
  };
  await send(res, faultReply(fault, ctx) ?? route(ctx), fault);
}

/** Starts the emulator on 127.0.0.1; only loopback is ever bound. */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const world =
    typeof options.world === 'string'
      ? loadWorld(options.world)
      : parseWorld(structuredClone(options.world));
  const state = new EmulatorState(world, options.now ?? Date.now);
  let access: ControlAccess | null = null;
  const hub = new SignallingHub(
    state,
    new CameraRegistry(options.live?.cameras ?? ((settings) => createEmulatedCamera(settings))),
    options.live?.schedule,
  );
  state.liveSockets = hub;
  const server = createServer((req, res) => {
    handle(state, access, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
    hub.handleUpgrade(req, socket, head),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  state.origin = url;
  if (options.control !== false) {
    access = { host: `127.0.0.1:${port}`, origin: url, token: newControlToken() };
  }
  return {
    url,
    state,
    controlToken: access?.token ?? null,
    close: async () => {
      await hub.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
