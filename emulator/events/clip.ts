import { H264Encoder } from '../live/h264/encoder';
import { FramePainter } from '../live/h264/painter';
import { muxMp4 } from './mp4';
import type { Mp4Sample } from './mp4';

/**
 * An event's video clip: a short real MP4 (H.264 from the emulator's own encoder, see
 * emulator/live/h264/) showing the camera's name and what happened, with the running clock of
 * the event's time and the moving marker the live view has.
 */

/** Whole macroblocks: 320×176 is the nearest to 16:9 at this width. */
export const CLIP_WIDTH = 320;
export const CLIP_HEIGHT = 176;
export const CLIP_FPS = 5;
/** Two seconds. */
export const CLIP_FRAMES = 10;

/** What a clip shows on its first line; its background colour comes from it too. */
export const clipLabel = (name: string, kind: string): string => `${name} ${kind}`.toUpperCase();

/** The MP4 of one event's clip. */
export function renderEventClip(name: string, kind: string, at: number): Buffer {
  const painter = new FramePainter(CLIP_WIDTH, CLIP_HEIGHT, clipLabel(name, kind));
  const encoder = new H264Encoder(CLIP_WIDTH, CLIP_HEIGHT);
  const samples: Mp4Sample[] = [];
  for (let i = 0; i < CLIP_FRAMES; i++) {
    const picture = painter.paint({ frameNumber: i, timeMs: at + (i * 1000) / CLIP_FPS });
    const encoded = encoder.encode(picture, i === 0);
    samples.push({ keyframe: encoded.keyframe, nalUnits: encoded.nalUnits });
  }
  return muxMp4({
    width: CLIP_WIDTH,
    height: CLIP_HEIGHT,
    fps: CLIP_FPS,
    sps: encoder.sps,
    pps: encoder.pps,
    samples,
  });
}
