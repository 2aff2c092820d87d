import { createFrame, type YuvFrame } from './frame';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphFor } from '../../font';

/** A colour as 8-bit video-range BT.601 samples. */
export interface YuvColour {
  readonly y: number;
  readonly cb: number;
  readonly cr: number;
}

/** A colour as 8-bit full-range RGB. */
export type RgbColour = readonly [number, number, number];

const WHITE: YuvColour = { y: 235, cb: 128, cr: 128 };
/** The moving marker: a saturated yellow, far from every background. */
const MARKER: YuvColour = rgbToYuv([240, 210, 30]);

/** BT.601 video range, the colour space a decoder assumes for a stream without VUI. */
export function rgbToYuv([r, g, b]: RgbColour): YuvColour {
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));
  return {
    y: clamp(16 + 0.257 * r + 0.504 * g + 0.098 * b, 16, 235),
    cb: clamp(128 - 0.148 * r - 0.291 * g + 0.439 * b, 16, 240),
    cr: clamp(128 + 0.439 * r - 0.368 * g - 0.071 * b, 16, 240),
  };
}

/** FNV-1a over the label's UTF-16 code units: a stable number per label. */
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The background of a camera's picture, derived from its label: a dark, saturated hue (so the
 * white text reads on it) that differs between labels, so a test can tell cameras apart.
 */
export function labelColour(label: string): RgbColour {
  const hue = hashLabel(label) % 360;
  const chroma = 150;
  const light = 40;
  const sector = hue / 60;
  const second = chroma * (1 - Math.abs((sector % 2) - 1));
  const [r, g, b] =
    sector < 1
      ? [chroma, second, 0]
      : sector < 2
        ? [second, chroma, 0]
        : sector < 3
          ? [0, chroma, second]
          : sector < 4
            ? [0, second, chroma]
            : sector < 5
              ? [second, 0, chroma]
              : [chroma, 0, second];
  return [Math.round(r + light), Math.round(g + light), Math.round(b + light)];
}

/** What one frame shows besides the label. */
export interface FrameContent {
  /** Counts frames since the camera's clock started. */
  readonly frameNumber: number;
  /** Wall-clock time of the frame (ms since the epoch), drawn as UTC HH:MM:SS. */
  readonly timeMs: number;
}

/**
 * Paints a camera's frames into one reused buffer: background from the label, the label, a frame
 * counter and clock, and a marker that moves every frame. Each frame redraws the whole picture;
 * the encoder finds what changed.
 */
export class FramePainter {
  readonly width: number;
  readonly height: number;
  readonly label: string;
  readonly background: YuvColour;
  /** Size of one font dot in pixels. */
  readonly scale: number;
  private readonly frame: YuvFrame;

  constructor(width: number, height: number, label: string) {
    this.frame = createFrame(width, height);
    this.width = width;
    this.height = height;
    this.label = label;
    this.background = rgbToYuv(labelColour(label));
    this.scale = Math.max(1, Math.floor(width / 160));
  }

  /** Paints one frame; the returned frame is overwritten by the next call. */
  paint(content: FrameContent): YuvFrame {
    const { frame, scale } = this;
    frame.y.fill(this.background.y);
    frame.cb.fill(this.background.cb);
    frame.cr.fill(this.background.cr);
    const margin = 4 * scale;
    const lineHeight = (GLYPH_HEIGHT + 3) * scale;
    const columns = Math.floor((this.width - 2 * margin) / ((GLYPH_WIDTH + 1) * scale));
    this.drawText(this.label.slice(0, columns), margin, margin);
    const counter = `#${String(content.frameNumber).padStart(6, '0')}`;
    const clock = new Date(content.timeMs).toISOString().slice(11, 19);
    this.drawText(`${counter} ${clock}`.slice(0, columns), margin, margin + lineHeight);
    const marker = 4 * scale;
    const travel = this.width - marker;
    const step = 2 * scale;
    const lap = Math.max(1, Math.floor(travel / step));
    const x = (content.frameNumber % lap) * step;
    this.fillRect(x, this.height - marker - margin, marker, marker, MARKER);
    return frame;
  }

  private drawText(text: string, x0: number, y0: number): void {
    const { scale } = this;
    let x = x0;
    for (const character of text) {
      const glyph = glyphFor(character);
      for (let row = 0; row < GLYPH_HEIGHT; row++) {
        for (let col = 0; col < GLYPH_WIDTH; col++) {
          if (glyph[row * GLYPH_WIDTH + col] === '1') {
            this.fillRect(x + col * scale, y0 + row * scale, scale, scale, WHITE);
          }
        }
      }
      x += (GLYPH_WIDTH + 1) * scale;
    }
  }

  /** Fills a rectangle, clipped to the picture; chroma covers the 2×2 blocks it touches. */
  private fillRect(x0: number, y0: number, w: number, h: number, colour: YuvColour): void {
    const { frame, width, height } = this;
    const left = Math.max(0, x0);
    const top = Math.max(0, y0);
    const right = Math.min(width, x0 + w);
    const bottom = Math.min(height, y0 + h);
    if (right <= left || bottom <= top) return;
    for (let y = top; y < bottom; y++) {
      frame.y.fill(colour.y, y * width + left, y * width + right);
    }
    const chromaWidth = width / 2;
    const cLeft = left >> 1;
    const cRight = (right + 1) >> 1;
    for (let y = top >> 1; y < (bottom + 1) >> 1; y++) {
      frame.cb.fill(colour.cb, y * chromaWidth + cLeft, y * chromaWidth + cRight);
      frame.cr.fill(colour.cr, y * chromaWidth + cLeft, y * chromaWidth + cRight);
    }
  }
}
