import type { EmulatorState } from '../state';
import { EVENT_KINDS } from './catalog';
import type { EmulatedEvent, EmulatedKind } from './catalog';
import { renderEventPicture } from './picture';

/**
 * An event's files (docs/protocol.md, "Events"): a picture (file type 1) and, for some events, a
 * video clip (type 2), at loopback URLs shaped like pre-signed S3 URLs. The path says which
 * camera, when and what, and the signature covers the path, so serving a file needs no lookup of
 * the event; a tampered or expired URL gets S3's 403.
 */

/** The path prefix of event files on the emulator. */
export const EVENT_FILE_PREFIX = '/event-files/camplus-emu/';

export const FILE_TYPE = { picture: 1, clip: 2 } as const;

/** A file_list item in the cloud's shape. */
export interface FileItem {
  file_id: string;
  type: number;
  url: string;
  status: number;
}

export interface MediaReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** A clip renderer; emulator/events/clip.ts gives the real one. */
export type ClipRenderer = (name: string, kind: EmulatedKind, at: number) => Buffer;

const filePath = (event: EmulatedEvent, ext: 'jpg' | 'mp4'): string =>
  `${EVENT_FILE_PREFIX}${encodeURIComponent(event.mac)}/${event.at}_${event.kind}.${ext}`;

/** The event's file_list: its picture, then its clip when it has one. */
export function fileList(state: EmulatorState, event: EmulatedEvent): FileItem[] {
  const files: FileItem[] = [
    {
      file_id: `${event.id}_1`,
      type: FILE_TYPE.picture,
      url: state.signedUrl(filePath(event, 'jpg')),
      status: 1,
    },
  ];
  if (event.hasClip) {
    files.push({
      file_id: `${event.id}_2`,
      type: FILE_TYPE.clip,
      url: state.signedUrl(filePath(event, 'mp4')),
      status: 1,
    });
  }
  return files;
}

/** Rendered files, by path and camera name; bounded (clips are tens of kilobytes each). */
const rendered = new Map<string, Buffer>();
const MAX_RENDERED = 200;

const denied = (message: string): MediaReply => ({
  status: 403,
  headers: { 'content-type': 'application/xml' },
  body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>${message}</Message></Error>`,
});

const notFound: MediaReply = { status: 404, headers: {}, body: '' };

const isKind = (text: string): text is EmulatedKind =>
  (EVENT_KINDS as readonly string[]).includes(text);

/** GET of an event file at the URL file_list gave. */
export function serveEventFile(
  state: EmulatorState,
  method: string,
  path: string,
  query: URLSearchParams,
  renderClip: ClipRenderer,
): MediaReply {
  if (method !== 'GET') return { status: 405, headers: {}, body: '' };
  const match = /^([^/]+)\/(\d{1,16})_([a-z]{1,16})\.(jpg|mp4)$/.exec(
    path.slice(EVENT_FILE_PREFIX.length),
  );
  if (!match) return notFound;
  if (!state.pictureSigned(path, query)) return denied('Request has expired or is not signed');
  const [, encodedMac = '', atText = '', kind = '', ext = ''] = match;
  let mac: string;
  try {
    mac = decodeURIComponent(encodedMac);
  } catch {
    return notFound;
  }
  const device = state.findDevice(mac);
  if (!device || !isKind(kind)) return notFound;
  const at = Number(atText);
  const key = `${path}\n${device.nickname}`;
  let bytes = rendered.get(key);
  if (!bytes) {
    bytes =
      ext === 'jpg'
        ? renderEventPicture(mac, device.nickname, kind, at)
        : renderClip(device.nickname, kind, at);
    if (rendered.size >= MAX_RENDERED) rendered.clear();
    rendered.set(key, bytes);
  }
  return {
    status: 200,
    headers: { 'content-type': ext === 'jpg' ? 'image/jpeg' : 'video/mp4' },
    body: bytes,
  };
}
