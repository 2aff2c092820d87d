// Draws the tray icons in this folder (run: `node build/tray/make-icons.mjs`; nothing is
// downloaded). The shapes follow build/icon.png: a camera lens above a stand.
//  - trayTemplate.png / @2x: black with alpha, a macOS template image (the menu bar tints it).
//  - trayOfflineTemplate.png / @2x: the same with a dot: a camera is offline.
//  - tray.png / @2x and tray-offline.png / @2x: in colour for Windows and Linux trays, which may
//    be light or dark; the offline one has a red dot.
// Shapes are sampled 8×8 times per pixel for smooth edges, then written as RGBA PNGs.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
const SAMPLES = 8;

const disc = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return dx * dx + dy * dy <= r * r;
};

/**
 * Paints layers in order on a 16-unit square at `size` pixels. A layer is [shape, [r, g, b, a]];
 * alpha 0 cuts a hole through what is below.
 */
function render(size, layers) {
  const scale = 16 / size;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const x = (px + (sx + 0.5) / SAMPLES) * scale;
          const y = (py + (sy + 0.5) / SAMPLES) * scale;
          let colour = [0, 0, 0, 0];
          for (const [inside, paint] of layers) if (inside(x, y)) colour = paint;
          const a = colour[3];
          sum[0] += colour[0] * a;
          sum[1] += colour[1] * a;
          sum[2] += colour[2] * a;
          sum[3] += a;
        }
      }
      const i = (py * size + px) * 4;
      const alpha = sum[3] / (SAMPLES * SAMPLES);
      for (let c = 0; c < 3; c += 1) pixels[i + c] = sum[3] ? Math.round(sum[c] / sum[3]) : 0;
      pixels[i + 3] = Math.round(alpha);
    }
  }
  return png(size, pixels);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    rows.push(Buffer.from([0]), rgba.subarray(y * size * 4, (y + 1) * size * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const CLEAR = [0, 0, 0, 0];
const BLACK = [0, 0, 0, 255];
const WHITE = [255, 255, 255, 255];
const BLUE = [36, 112, 234, 255];
const DARK = [26, 31, 41, 255];
const RED = [229, 72, 77, 255];

const template = [
  [disc(8, 6.6, 6.2), BLACK],
  [disc(8, 6.6, 3.9), CLEAR],
  [disc(8, 6.6, 2.3), BLACK],
  [roundRect(4, 13.6, 12, 15.6, 1), BLACK],
];
// The dot sits in a cut-out so it reads apart from the lens at 16 px.
const templateOffline = [
  ...template,
  [disc(12.6, 12.6, 4.4), CLEAR],
  [disc(12.6, 12.6, 3.2), BLACK],
];
const colour = [
  [roundRect(0.5, 0.5, 15.5, 15.5, 3.5), BLUE],
  [disc(8, 7, 4.6), WHITE],
  [disc(8, 7, 2.3), DARK],
  [roundRect(5.2, 12.2, 10.8, 13.8, 0.8), WHITE],
];
const colourOffline = [...colour, [disc(12.4, 12.4, 4.2), WHITE], [disc(12.4, 12.4, 3.2), RED]];

const icons = {
  trayTemplate: template,
  trayOfflineTemplate: templateOffline,
  tray: colour,
  'tray-offline': colourOffline,
};
for (const [name, layers] of Object.entries(icons)) {
  writeFileSync(join(HERE, `${name}.png`), render(16, layers));
  writeFileSync(join(HERE, `${name}@2x.png`), render(32, layers));
}
