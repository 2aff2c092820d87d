import { renderPicture } from '../picture';
import type { EmulatorState } from '../state';

/** The path prefix of the emulator's own pictures (state.pictureUrl builds the whole URL). */
export const PICTURE_PREFIX = '/thumbnails/camplus-emu/';

/** Rendered pictures, by MAC, time and name; bounded so a 5,000-camera world stays small. */
const rendered = new Map<string, Buffer>();
const MAX_RENDERED = 500;

export interface PictureReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** S3's answer to a bad or expired signature, in its own XML shape. */
const denied = (message: string): PictureReply => ({
  status: 403,
  headers: { 'content-type': 'application/xml' },
  body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>${message}</Message></Error>`,
});

/**
 * GET of a device's picture at the URL the device list gave: a real JPEG when the signature and
 * expiry hold (docs/protocol.md, "Thumbnails").
 */
export function servePicture(
  state: EmulatorState,
  method: string,
  path: string,
  query: URLSearchParams,
): PictureReply {
  if (method !== 'GET') return { status: 405, headers: {}, body: '' };
  const match = /^([^/]+)\/(\d{1,16})\.jpg$/.exec(path.slice(PICTURE_PREFIX.length));
  if (!match) return { status: 404, headers: {}, body: '' };
  if (!state.pictureSigned(path, query)) return denied('Request has expired or is not signed');
  let mac: string;
  try {
    mac = decodeURIComponent(match[1] ?? '');
  } catch {
    return { status: 404, headers: {}, body: '' };
  }
  const ts = Number(match[2]);
  const device = state.pictureDevice(mac, ts);
  if (!device) return { status: 404, headers: {}, body: '' };
  const key = `${mac}\n${ts}\n${device.nickname}`;
  let jpeg = rendered.get(key);
  if (!jpeg) {
    jpeg = renderPicture(mac, device.nickname);
    if (rendered.size >= MAX_RENDERED) rendered.clear();
    rendered.set(key, jpeg);
  }
  return { status: 200, headers: { 'content-type': 'image/jpeg' }, body: jpeg };
}
