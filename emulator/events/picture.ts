import { createHash } from 'node:crypto';
import { encode } from 'jpeg-js';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphFor } from '../font';

/**
 * An event's picture: a real JPEG with the camera's name, what happened and when (UTC) written on
 * it, over colours derived from the camera's MAC and a shape whose place depends on the time, so
 * two events' pictures differ and a person can tell them apart.
 */

export const EVENT_PICTURE_WIDTH = 320;
export const EVENT_PICTURE_HEIGHT = 180;

type Rgb = readonly [number, number, number];

/** An RGBA canvas with the two drawing operations the picture needs. */
class Canvas {
  readonly data: Buffer;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = Buffer.alloc(width * height * 4);
  }

  fill(x0: number, y0: number, w: number, h: number, c: Rgb): void {
    for (let y = Math.max(0, y0); y < Math.min(this.height, y0 + h); y++) {
      for (let x = Math.max(0, x0); x < Math.min(this.width, x0 + w); x++) {
        const i = (y * this.width + x) * 4;
        this.data[i] = c[0];
        this.data[i + 1] = c[1];
        this.data[i + 2] = c[2];
        this.data[i + 3] = 255;
      }
    }
  }

  /** Writes text in the 5×7 font, `scale` pixels per dot, clipped at the right edge. */
  text(text: string, x0: number, y0: number, scale: number, c: Rgb): void {
    let x = x0;
    for (const ch of text.toUpperCase()) {
      if (x + GLYPH_WIDTH * scale > this.width) break;
      const glyph = glyphFor(ch);
      for (let row = 0; row < GLYPH_HEIGHT; row++) {
        for (let col = 0; col < GLYPH_WIDTH; col++) {
          if (glyph[row * GLYPH_WIDTH + col] === '1') {
            this.fill(x + col * scale, y0 + row * scale, scale, scale, c);
          }
        }
      }
      x += (GLYPH_WIDTH + 1) * scale;
    }
  }
}

const tone = (b: Buffer, at: number, lift: number): Rgb => [
  lift + ((b[at] ?? 0) % 110),
  lift + ((b[at + 1] ?? 0) % 110),
  lift + ((b[at + 2] ?? 0) % 110),
];

/** "2026-11-27 17:05:09 UTC" */
export const eventTimeText = (at: number): string =>
  `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/** The JPEG of one event. */
export function renderEventPicture(mac: string, name: string, kind: string, at: number): Buffer {
  const digest = createHash('sha256').update(`${mac}\n${at}`).digest();
  const canvas = new Canvas(EVENT_PICTURE_WIDTH, EVENT_PICTURE_HEIGHT);
  const horizon = 80 + ((digest[6] ?? 0) % 40);
  canvas.fill(0, 0, canvas.width, horizon, tone(digest, 0, 80));
  canvas.fill(0, horizon, canvas.width, canvas.height - horizon, tone(digest, 3, 20));
  // "What moved": a block whose place comes from the event's time.
  canvas.fill(30 + ((digest[7] ?? 0) % 240), horizon - 40, 28, 56, [230, 90, 60]);
  canvas.fill(0, 0, canvas.width, 22, [20, 20, 20]);
  canvas.text(kind, 6, 4, 2, [255, 220, 90]);
  canvas.fill(0, canvas.height - 34, canvas.width, 34, [20, 20, 20]);
  canvas.text(name.slice(0, 26), 6, canvas.height - 30, 2, [255, 255, 255]);
  canvas.text(eventTimeText(at), 6, canvas.height - 12, 1, [200, 200, 200]);
  return encode({ data: canvas.data, width: canvas.width, height: canvas.height }, 80).data;
}
