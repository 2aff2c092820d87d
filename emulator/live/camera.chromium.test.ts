import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulatedCamera } from './camera';
import type { CameraStreamSettings, EmulatedCamera, MasterCandidate } from './camera-types';
import { labelColour } from './h264/painter';

/**
 * Proof that the emulated camera really plays: Debian Chromium, in a network namespace of its own
 * (scripts/with-netns), receives two cameras at once and decodes their H.264. Run:
 *   scripts/with-netns npm run test:unit -- emulator/live/camera.chromium.test.ts
 */

const CHROMIUM = '/usr/bin/chromium';

function skipReason(): string | undefined {
  if (process.env.WYZECAM_NO_NETNS) return `no network namespace: ${process.env.WYZECAM_NO_NETNS}`;
  if (!process.env.WYZECAM_NETNS) return 'not inside scripts/with-netns';
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is not installed`;
  return undefined;
}

const reason = skipReason();
if (reason) console.warn(`camera.chromium.test.ts skipped: ${reason}`);

/** Runs in the page: a receive-only peer (video and audio offered, as the app's viewer does). */
const PAGE_SCRIPT = `
  window.viewers = {};
  window.startViewer = async (id) => {
    const video = document.createElement('video');
    video.id = id;
    video.muted = true;
    video.autoplay = true;
    video.playsInline = true;
    document.body.append(video);
    const pc = new RTCPeerConnection({ iceServers: [] });
    pc.addTransceiver('video', { direction: 'recvonly' });
    pc.addTransceiver('audio', { direction: 'recvonly' });
    pc.ontrack = (event) => {
      if (event.track.kind === 'video') video.srcObject = new MediaStream([event.track]);
    };
    let answered;
    const answerSet = new Promise((resolve) => (answered = resolve));
    pc.onicecandidate = (event) => {
      if (event.candidate) window.sendCandidate(id, event.candidate.toJSON());
    };
    window.viewers[id] = { pc, video, answered, answerSet };
    await pc.setLocalDescription(await pc.createOffer());
    return pc.localDescription.sdp;
  };
  window.applyAnswer = async (id, sdp) => {
    const viewer = window.viewers[id];
    await viewer.pc.setRemoteDescription({ type: 'answer', sdp });
    viewer.answered();
  };
  window.addCandidate = async (id, candidate) => {
    const viewer = window.viewers[id];
    await viewer.answerSet;
    await viewer.pc.addIceCandidate(candidate);
  };
  window.videoState = (id) => {
    const video = window.viewers[id].video;
    return {
      width: video.videoWidth,
      height: video.videoHeight,
      frames: video.getVideoPlaybackQuality().totalVideoFrames,
    };
  };
  window.inboundCodec = async (id) => {
    const stats = await window.viewers[id].pc.getStats();
    for (const report of stats.values()) {
      if (report.type === 'inbound-rtp' && report.kind === 'video' && report.codecId) {
        return stats.get(report.codecId).mimeType;
      }
    }
    return undefined;
  };
  window.pixels = (id, points) => {
    const video = window.viewers[id].video;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext('2d');
    context.drawImage(video, 0, 0);
    return points.map(([x, y]) => [...context.getImageData(x, y, 1, 1).data.slice(0, 3)]);
  };
`;

interface VideoState {
  width: number;
  height: number;
  frames: number;
}

/**
 * What PAGE_SCRIPT puts on the page's window. The Node tests have no DOM types, and functions
 * passed to page.evaluate run in the page, so each reaches it as `globalThis` cast to this.
 */
interface ViewerPage {
  startViewer(id: string): Promise<string>;
  applyAnswer(id: string, sdp: string): Promise<void>;
  addCandidate(id: string, candidate: MasterCandidate): Promise<void>;
  videoState(id: string): VideoState;
  inboundCodec(id: string): Promise<string | undefined>;
  pixels(id: string, points: readonly (readonly [number, number])[]): number[][];
}

describe.skipIf(reason !== undefined)('the emulated camera in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const cameras: EmulatedCamera[] = [];
  const remoteCandidates = new Map<string, (candidate: MasterCandidate) => void>();

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--allow-loopback-in-peer-connection',
        '--disable-features=WebRtcHideLocalIpsWithMdns',
      ],
    });
    page = await browser.newPage();
    await page.exposeFunction('sendCandidate', (id: string, candidate: MasterCandidate) => {
      remoteCandidates.get(id)?.(candidate);
    });
    await page.setContent('<!doctype html><title>viewer</title><body></body>');
    await page.addScriptTag({ content: PAGE_SCRIPT });
  }, 30_000);

  afterAll(async () => {
    await Promise.all(cameras.map((camera) => camera.close()));
    await browser?.close();
  });

  /** Offers from the page, answers from the camera, trickles both ways; answers when it started. */
  async function watch(id: string, settings: CameraStreamSettings): Promise<number> {
    const camera = createEmulatedCamera(settings);
    cameras.push(camera);
    const session = camera.openSession();
    remoteCandidates.set(id, (candidate) => void session.addRemoteCandidate(candidate));
    session.onLocalCandidate((candidate) => {
      void page.evaluate(([i, c]) => (globalThis as unknown as ViewerPage).addCandidate(i, c), [
        id,
        candidate,
      ] as const);
    });
    const started = performance.now();
    const offer = await page.evaluate(
      (i) => (globalThis as unknown as ViewerPage).startViewer(i),
      id,
    );
    const answer = await session.answer(offer);
    await page.evaluate(([i, sdp]) => (globalThis as unknown as ViewerPage).applyAnswer(i, sdp), [
      id,
      answer,
    ] as const);
    return started;
  }

  it('decodes two cameras at their own sizes and colours, with frames advancing, as H.264', async () => {
    const streams = [
      { id: 'porch', settings: { width: 320, height: 240, fps: 15, label: 'Porch' } },
      { id: 'garage', settings: { width: 640, height: 368, fps: 10, label: 'Garage' } },
    ];
    const started = await Promise.all(streams.map((s) => watch(s.id, s.settings)));
    const firstFrameMs = await Promise.all(
      streams.map(async ({ id }, index) => {
        await page.waitForFunction(
          (i) => (globalThis as unknown as ViewerPage).videoState(i).width > 0,
          id,
          { timeout: 15_000 },
        );
        return performance.now() - (started[index] ?? 0);
      }),
    );
    for (const [index, { id, settings }] of streams.entries()) {
      const first: VideoState = await page.evaluate(
        (i) => (globalThis as unknown as ViewerPage).videoState(i),
        id,
      );
      expect([first.width, first.height]).toEqual([settings.width, settings.height]);
      await page.waitForFunction(
        ([i, n]) => (globalThis as unknown as ViewerPage).videoState(i).frames >= n,
        [id, first.frames + settings.fps] as const,
        { timeout: 15_000 },
      );
      const codec = await page.evaluate(
        (i) => (globalThis as unknown as ViewerPage).inboundCodec(i),
        id,
      );
      expect(codec).toBe('video/H264');
      // Background (flat, Intra_16x16 DC) at the centre and the sides, and the label's first dot
      // (text, I_PCM): the second dot of the top row of "P" and "G" is lit; a dot is width / 160 px.
      const { width, height } = settings;
      const dot = width / 160;
      const background: [number, number][] = [
        [width >> 1, height >> 1],
        [8, height >> 1],
        [width - 8, height >> 1],
        [width >> 1, Math.round(height * 0.6)],
      ];
      const [text, ...pixels] = await page.evaluate(
        ([i, points]) => (globalThis as unknown as ViewerPage).pixels(i, points),
        [id, [[5 * dot + (dot >> 1), 4 * dot + (dot >> 1)], ...background]] as const,
      );
      const expected = labelColour(settings.label);
      for (const pixel of pixels) {
        pixel.forEach((channel, c) =>
          expect(Math.abs(channel - (expected[c] ?? 0))).toBeLessThan(24),
        );
      }
      expect(Math.min(...(text ?? []))).toBeGreaterThan(220);
      const pixel = pixels[0] ?? [];
      const last: VideoState = await page.evaluate(
        (i) => (globalThis as unknown as ViewerPage).videoState(i),
        id,
      );
      console.log(
        `${settings.label} ${settings.width}×${settings.height}@${settings.fps}: first frame ` +
          `${(firstFrameMs[index] ?? 0).toFixed(0)} ms after the offer; ${last.frames} frames decoded; ` +
          `centre pixel rgb(${pixel.join(',')}) for rgb(${expected.join(',')}); codec ${codec}`,
      );
    }
  }, 60_000);
});
