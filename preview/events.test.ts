import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyCameraDelta } from '../common/camera-delta';
import type { CamerasEvent, CamerasSnapshot } from '../common/camera-delta';
import type { CameraListView } from '../common/view';
import { emptyCameraList } from '../common/view';
import { DEMO_ACCOUNT } from '../emulator/demo-account';
import { generateWorld } from '../emulator/generate';
import { startEmulator } from '../emulator/server';
import type { RunningEmulator } from '../emulator/server';
import { createLogger } from '../main/logging/logger';
import { startPreviewHost } from './host';
import type { PreviewHost } from './host';
import { writeStandInBuild } from './test-host';

let emulator: RunningEmulator;
let host: PreviewHost;
let dir: string;
let origin: string;
let secret: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wyzecam-preview-events-'));
  writeStandInBuild(dir);
  emulator = await startEmulator({ world: generateWorld(5000) });
  host = await startPreviewHost({
    baseUrls: { auth: emulator.url, api: emulator.url },
    userDataDir: join(dir, 'profile'),
    keychainService: 'unused',
    keytar: null,
    logger: createLogger({ sink: () => undefined }),
    appVersion: '0.0.0',
    distDir: join(dir, 'dist') + '/',
  });
  const url = new URL(host.url);
  origin = url.origin;
  secret = new URLSearchParams(url.hash.slice(1)).get('launch') ?? '';
}, 60_000);

afterAll(async () => {
  await host.close();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One IPC call the way the preview bridge makes it. */
function call(channel: string, arg?: unknown): Promise<{ ok: boolean; value?: unknown }> {
  const body = JSON.stringify({ arg });
  return new Promise((resolve, reject) => {
    const req = request(
      `${origin}/__ipc/${encodeURIComponent(channel)}`,
      {
        method: 'POST',
        headers: {
          origin,
          'content-type': 'application/json',
          'x-wyze-launch': secret,
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(JSON.parse(text) as { ok: boolean; value?: unknown }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** An open event stream: the camera events it carried, their bytes, and the list they build. */
interface Stream {
  camera: { event: CamerasEvent; bytes: number }[];
  list(): CameraListView;
  close(): void;
}

function openStream(): Promise<Stream> {
  const camera: Stream['camera'] = [];
  let buffer = '';
  return new Promise((resolve, reject) => {
    const req: ClientRequest = request(
      `${origin}/__events?launch=${encodeURIComponent(secret)}`,
      (res: IncomingMessage) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const name = /^event: (.*)$/m.exec(frame)?.[1];
            const data = /^data: (.*)$/m.exec(frame)?.[1];
            if (name === 'event:cameras-changed' && data) {
              camera.push({ event: JSON.parse(data) as CamerasEvent, bytes: frame.length + 2 });
            }
          }
        });
        resolve({
          camera,
          list() {
            let list = emptyCameraList();
            let revision: number | null = null;
            for (const { event } of camera) {
              if (event.kind === 'snapshot') list = event.list;
              else if (event.base === revision) list = applyCameraDelta(list, event);
              else throw new Error(`delta from ${event.base} on revision ${revision}`);
              revision = event.revision;
            }
            return list;
          },
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const snapshotNow = async () => (await call('cameras:get')).value as CamerasSnapshot;

describe('preview event stream at 5,000 cameras', () => {
  it('sends a snapshot, then a refresh of the unchanged list in under 5 KB; a new stream starts from a snapshot', async () => {
    const stream = await openStream();
    expect(await call('session:sign-in', { ...DEMO_ACCOUNT })).toMatchObject({ ok: true });
    await vi.waitFor(
      () => {
        const list = stream.list();
        expect(list.devices).toHaveLength(5000);
        expect(list.refreshing).toBe(false);
      },
      { timeout: 30_000, interval: 50 },
    );
    expect(stream.camera[0]?.event.kind).toBe('snapshot');

    const before = stream.camera.length;
    const firstFetch = stream.list().fetchedAt;
    expect(await call('cameras:refresh')).toMatchObject({ ok: true });
    await vi.waitFor(
      () => {
        const list = stream.list();
        expect(list.fetchedAt).not.toBe(firstFetch);
        expect(list.refreshing).toBe(false);
      },
      { timeout: 30_000, interval: 50 },
    );
    const refresh = stream.camera.slice(before);
    expect(refresh.map((e) => e.event.kind)).toEqual(refresh.map(() => 'delta'));
    expect(refresh.reduce((n, e) => n + e.bytes, 0)).toBeLessThan(5 * 1024);
    expect(stream.list()).toEqual((await snapshotNow()).list);

    // A reconnect (the bridge's resync) is a new stream: it starts from a whole list.
    stream.close();
    const again = await openStream();
    expect(await call('cameras:refresh')).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(again.camera.length).toBeGreaterThan(0), { interval: 50 });
    expect(again.camera[0]?.event.kind).toBe('snapshot');
    await vi.waitFor(() => expect(again.list().refreshing).toBe(false), { interval: 50 });
    expect(again.list()).toEqual((await snapshotNow()).list);
    again.close();
  }, 90_000);
});
