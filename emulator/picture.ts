import { createHash } from 'node:crypto';
import { encode } from 'jpeg-js';

/**
 * Each emulated camera's "latest picture": a real JPEG, different for every camera (colours and
 * a horizon derived from its MAC) with its name written on it, so a test or a person can tell
 * which camera a picture belongs to.
 */

export const PICTURE_WIDTH = 320;
export const PICTURE_HEIGHT = 180;

/** A 5×7 font for A–Z, 0–9 and a few signs, one string of 7 rows of 5 bits per character. */
const GLYPHS: Record<string, string> = {
  A: '01110100011000111111100011000110001',
  B: '11110100011000111110100011000111110',
  C: '01110100011000010000100001000101110',
  D: '11100100101000110001100011001011100',
  E: '11111100001000011110100001000011111',
  F: '11111100001000011110100001000010000',
  G: '01110100011000010111100011000101111',
  H: '10001100011000111111100011000110001',
  I: '01110001000010000100001000010001110',
  J: '00111000100001000010000101001001100',
  K: '10001100101010011000101001001010001',
  L: '10000100001000010000100001000011111',
  M: '10001110111010110101100011000110001',
  N: '10001100011100110101100111000110001',
  O: '01110100011000110001100011000101110',
  P: '11110100011000111110100001000010000',
  Q: '01110100011000110001101011001001101',
  R: '11110100011000111110101001001010001',
  S: '01111100001000001110000010000111110',
  T: '11111001000010000100001000010000100',
  U: '10001100011000110001100011000101110',
  V: '10001100011000110001100010101000100',
  W: '10001100011000110101101011010101010',
  X: '10001100010101000100010101000110001',
  Y: '10001100010101000100001000010000100',
  Z: '11111000010001000100010001000011111',
  '0': '01110100011001110101110011000101110',
  '1': '00100011000010000100001000010001110',
  '2': '01110100010000100010001000100011111',
  '3': '11111000100010000010000011000101110',
  '4': '00010001100101010010111110001000010',
  '5': '11111100001111000001000011000101110',
  '6': '00110010001000011110100011000101110',
  '7': '11111000010001000100010000100001000',
  '8': '01110100011000101110100011000101110',
  '9': '01110100011000101111000010001001100',
  "'": '00100001000100000000000000000000000',
  '-': '00000000000000011111000000000000000',
  '.': '00000000000000000000000000110001100',
  ' ': '00000000000000000000000000000000000',
};
/** Characters the font lacks (accents, other scripts) are drawn as a filled box. */
const UNKNOWN = '11111100011000110001100011000111111';

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
    const glyph = GLYPHS[ch] ?? UNKNOWN;
    for (let row = 0; row < 7; row++) {
      for (let col = 0; col < 5; col++) {
        if (glyph[row * 5 + col] === '1') {
          fillRect(data, x + col * scale, y0 + row * scale, scale, scale, c);
        }
      }
    }
    x += 6 * scale;
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
