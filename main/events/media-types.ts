import { declaredPicture, sniffPicture } from '../thumbnails/image';
import type { MediaCheck } from '../thumbnails/fetch';

/** An event's two files: its picture (file type 1) and its video clip (type 2). */
export type MediaPart = 'picture' | 'clip';

export type MediaType = 'image/jpeg' | 'image/png' | 'video/mp4';

export interface Media {
  type: MediaType;
  bytes: Buffer;
}

/** True when the bytes start like an MP4 (ISO base media): a box whose type is `ftyp`. */
export const isMp4 = (bytes: Uint8Array): boolean =>
  bytes.length >= 12 && Buffer.from(bytes.subarray(4, 8)).toString('latin1') === 'ftyp';

const CLIP_CHECK: MediaCheck<'video/mp4'> = {
  accept: 'video/mp4',
  declared: (contentType) =>
    (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'video/mp4' ? 'video/mp4' : null,
  sniff: (bytes) => (isMp4(bytes) ? 'video/mp4' : null),
};

const PICTURE_CHECK: MediaCheck<'image/jpeg' | 'image/png'> = {
  accept: 'image/jpeg, image/png',
  declared: declaredPicture,
  sniff: sniffPicture,
};

/** What a part's download must be (docs/security.md, S27): JPEG or PNG, or MP4. */
export const checkFor = (part: MediaPart): MediaCheck<MediaType> =>
  part === 'picture' ? PICTURE_CHECK : CLIP_CHECK;

/** The type a part's bytes really are, or null when they are not that kind of file. */
export const sniffMedia = (part: MediaPart, bytes: Uint8Array): MediaType | null =>
  checkFor(part).sniff(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
