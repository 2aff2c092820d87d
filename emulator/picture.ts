import { createHash } from 'node:crypto';
import { encode } from 'jpeg-js';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphFor } from './font';

/**
 * Each emulated camera's "latest picture": a real JPEG, different for every camera (colours and
 * a horizon derived from its MAC) with its name written on it, so a test or a person can tell
 * which camera a picture belongs to.
 */

export const PICTURE_WIDTH = 320;
export const PICTURE_HEIGHT = 180;

type Rgb = readonly [number, number, number];

function fillRect(data: Buffer, x0: number, y0: number, w: number, h: number, c: Rgb): void {
  for (let y = Math.max(0, y0); y < Math.min(PICTURE_HEIGHT, y0 + h); y++) {
    for (let x = Math.max(0, x0); x < Math.min(PICTURE_WIDTH, x0 + w); x++) {
      const i = (y * PICTURE_WIDTH + x) * 4;
      data[i] = c[0];
      data[i + 1] = c[1];
      data[i + 2] = c[2];
      data[i + 3] = 255;
    }
  }
}

/** Writes text in the 5×7 font, `scale` pixels per dot; returns nothing past the right edge. */
function drawText(data: Buffer, text: string, x0: number, y0: number, scale: number, c: Rgb) {
  let x = x0;
  for (const ch of text.toUpperCase()) {
    const glyph = glyphFor(ch);
    for (let row = 0; row < GLYPH_HEIGHT; row++) {
      for (let col = 0; col < GLYPH_WIDTH; col++) {
        if (glyph[row * GLYPH_WIDTH + col] === '1') {
          fillRect(data, x + col * scale, y0 + row * scale, scale, scale, c);
        }
      }
    }
    x += (GLYPH_WIDTH + 1) * scale;
    if (x > PICTURE_WIDTH) break;
  }
}

/** A colour from three bytes of the MAC's digest, kept in the middle so text stays readable. */
const tone = (b: Buffer, at: number, lift: number): Rgb => [
  lift + ((b[at] ?? 0) % 120),
  lift + ((b[at + 1] ?? 0) % 120),
  lift + ((b[at + 2] ?? 0) % 120),
];

/** The JPEG for one camera: sky and ground colours and horizon from its MAC, its name on top. */
export function renderPicture(mac: string, name: string): Buffer {
  const digest = createHash('sha256').update(mac).digest();
  const sky = tone(digest, 0, 90);
  const ground = tone(digest, 3, 20);
  const horizon = 70 + ((digest[6] ?? 0) % 60);
  const data = Buffer.alloc(PICTURE_WIDTH * PICTURE_HEIGHT * 4);
  fillRect(data, 0, 0, PICTURE_WIDTH, horizon, sky);
  fillRect(data, 0, horizon, PICTURE_WIDTH, PICTURE_HEIGHT - horizon, ground);
  // A "sun" whose place also depends on the MAC: a second cue that two pictures differ.
  fillRect(data, 20 + ((digest[7] ?? 0) % 260), 20, 24, 24, [250, 230, 150]);
  fillRect(data, 0, PICTURE_HEIGHT - 30, PICTURE_WIDTH, 30, [20, 20, 20]);
  drawText(data, name.slice(0, 24), 8, PICTURE_HEIGHT - 25, 2, [255, 255, 255]);
  drawText(data, mac.slice(-12), PICTURE_WIDTH - 80, 6, 1, [255, 255, 255]);
  return encode({ data, width: PICTURE_WIDTH, height: PICTURE_HEIGHT }, 80).data;
}
