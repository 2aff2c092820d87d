import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { EmulatorState } from '../state';
import type { DeviceSpec } from '../world';
import type { EmulatedCamera } from './camera-types';
import type { CameraRegistry } from './registry';
import { SIGNALLING_PATH } from './signed-url';
import { ViewerConnection, realScheduler } from './viewer';
import type { Scheduler } from './viewer';

/** What the control API and tests see of the open signalling sockets. */
export interface LiveSockets {
  /** Open sockets per camera MAC (cameras without one are left out). */
  counts(): Record<string, number>;
  /** Closes the sockets of one camera, or all of them, abruptly (no close frame). */
  drop(mac?: string): number;
}

/** ws closes a socket (1009) past this; anything smaller is read and answered. */
const MAX_WS_FRAME = 256 * 1024;

interface OpenSocket {
  mac: string;
  viewer: ViewerConnection;
}

/** A plain HTTP refusal written on the raw socket before any upgrade. */
function refuse(socket: Duplex, status: 403 | 404, reason: string): void {
  const body = `${reason}\n`;
  const title = status === 403 ? 'Forbidden' : 'Not Found';
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function unavailable(device: DeviceSpec): string | null {
  if (!device.online) return 'the camera is offline';
  if (!device.powerOn) return 'the camera is in privacy mode';
  return null;
}

/**
 * The emulator's Kinesis-shaped signalling endpoint (emulator/README.md, "Live view"): checks a
 * signed URL at the handshake (403 when tampered with, expired or for a camera that does not
 * stream this way), then gives each socket a viewer connection to the camera's emulated master.
 */
export class SignallingHub implements LiveSockets {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_FRAME });
  private readonly sockets = new Map<WebSocket, OpenSocket>();

  constructor(
    private readonly state: EmulatorState,
    private readonly cameras: CameraRegistry,
    private readonly schedule: Scheduler = realScheduler,
  ) {}

  /** The server's `upgrade` event: signalling sockets only, signed URLs only. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const target = req.url ?? '';
    if (!target.startsWith(SIGNALLING_PATH)) return refuse(socket, 404, 'no such socket');
    const verdict = this.state.signalling.verify(target);
    if (!verdict.ok) return refuse(socket, 403, verdict.reason);
    const device = this.state.findDevice(verdict.grant.mac);
    if (!device || this.state.streamSpec(device).kind !== 'kvs') {
      return refuse(socket, 403, 'no such channel');
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.attach(ws, device));
  }

  private attach(ws: WebSocket, device: DeviceSpec): void {
    const spec = this.state.streamSpec(device);
    let camera: EmulatedCamera;
    try {
      camera = this.cameras.acquire(device.mac, {
        width: spec.width,
        height: spec.height,
        fps: spec.fps,
        label: device.nickname,
      });
    } catch {
      ws.close(1011, 'camera unavailable');
      return;
    }
    const viewer = new ViewerConnection(ws, {
      camera,
      faults: spec.faults,
      schedule: this.schedule,
      unavailable: () => unavailable(device),
    });
    this.sockets.set(ws, { mac: device.mac, viewer });
    ws.on('message', (data, isBinary) => {
      const bytes = Buffer.isBuffer(data)
        ? data
        : Array.isArray(data)
          ? Buffer.concat(data)
          : Buffer.from(data);
      void viewer.receive(bytes, isBinary);
    });
    ws.on('error', () => ws.terminate());
    ws.once('close', () => void this.forget(ws));
    viewer.start();
  }

  private async forget(ws: WebSocket): Promise<void> {
    const open = this.sockets.get(ws);
    if (!open) return;
    this.sockets.delete(ws);
    await open.viewer.close();
    await this.cameras.release(open.mac);
  }

  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const { mac } of this.sockets.values()) counts[mac] = (counts[mac] ?? 0) + 1;
    return counts;
  }

  drop(mac?: string): number {
    let dropped = 0;
    for (const [ws, open] of [...this.sockets]) {
      if (mac !== undefined && open.mac !== mac) continue;
      ws.terminate();
      void this.forget(ws);
      dropped++;
    }
    return dropped;
  }

  /** Ends every socket, session and camera (the emulator is stopping). */
  async close(): Promise<void> {
    const sockets = [...this.sockets.keys()];
    for (const ws of sockets) ws.terminate();
    await Promise.all(sockets.map((ws) => this.forget(ws)));
    await this.cameras.closeAll();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
