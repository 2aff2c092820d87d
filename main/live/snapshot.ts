import { basename } from 'node:path';
import { crc32 } from 'node:zlib';
import writeFileAtomic from 'write-file-atomic';
import { MAX_SNAPSHOT_BYTES } from '../../common/live';
import type { SnapshotResult } from '../../common/live';
import { writeChosen } from '../export/save-file';
import { WyzeError } from '../wyze/errors';
import { boundedText } from '../wyze/normalise';

/** A snapshot to hand to the user: the name offered and the PNG's bytes. */
export interface SnapshotFile {
  suggestedName: string;
  bytes: Buffer;
}

/** Hands a snapshot to the user (desktop: the save dialog; the browser preview: a download). */
export type SaveSnapshotFile = (file: SnapshotFile) => Promise<SnapshotResult>;

/** The browser preview's way: the page already holds the bytes and downloads them itself. */
export const snapshotDownloadInPage: SaveSnapshotFile = (file) =>
  Promise.resolve({ kind: 'download', fileName: file.suggestedName });

/**
 * The desktop app's way: the native save dialog (injected, so this runs without Electron), then
 * an atomic write, so a failure never leaves half a picture behind.
 */
export function saveSnapshotWithDialog(deps: {
  /** Resolves with the path the user chose, or null when they cancelled. */
  choosePath: (suggestedName: string) => Promise<string | null>;
  write?: (path: string, bytes: Buffer) => Promise<void>;
}): SaveSnapshotFile {
  const write = deps.write ?? ((path, bytes) => writeFileAtomic(path, bytes));
  return async (file) => {
    const path = await deps.choosePath(file.suggestedName);
    if (!path) return { kind: 'cancelled' };
    await writeChosen(() => write(path, file.bytes));
    return { kind: 'saved', fileName: basename(path) };
  };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Signature, then IHDR: length (13), type, 13 bytes of header, CRC. */
const MIN_PNG_BYTES = 8 + 4 + 4 + 13 + 4;
/** The largest side a video frame can have here (well beyond any camera's). */
const MAX_SIDE = 16_384;

const notAPicture = (detail: string): WyzeError =>
  new WyzeError(
    'INVALID_ARGUMENT',
    'The snapshot is not a picture that can be saved.',
    undefined,
    detail,
  );

/**
 * The PNG the page sent, checked before anything is written: base64 that decodes cleanly, the
 * PNG signature, an IHDR chunk first with a good CRC and a sane size, and no more than
 * MAX_SNAPSHOT_BYTES (docs/protocol.md, "Live view").
 */
export function checkedPng(pngBase64: string): { bytes: Buffer; width: number; height: number } {
  if (pngBase64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(pngBase64)) {
    throw notAPicture('not base64');
  }
  const bytes = Buffer.from(pngBase64, 'base64');
  if (bytes.length > MAX_SNAPSHOT_BYTES) throw notAPicture('too large');
  if (bytes.length < MIN_PNG_BYTES || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw notAPicture('no PNG signature');
  }
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw notAPicture('no IHDR first');
  }
  if (crc32(bytes.subarray(12, 29)) !== bytes.readUInt32BE(29)) throw notAPicture('IHDR CRC');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
    throw notAPicture('size');
  }
  return { bytes, width, height };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * "<camera name> <date> <time>.png", in local time, safe as a file name on all three systems:
 * no path separators, reserved or control characters, no trailing dots or spaces, bounded.
 */
export function snapshotFileName(cameraName: string, at: Date): string {
  const shown = boundedText(cameraName) ?? '';
  const safe = Array.from(shown.replace(/[<>:"/\\|?*\u200e\u200f]/g, ' ').replace(/\s+/g, ' '))
    .slice(0, 80)
    .join('')
    .replace(/[. ]+$/, '')
    .trim();
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}.${pad(at.getMinutes())}.${pad(at.getSeconds())}`;
  return `${safe || 'Camera'} ${date} ${time}.png`;
}
