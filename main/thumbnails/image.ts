/** The picture formats the app shows, by their declared type and their first bytes. */
export type PictureType = 'image/jpeg' | 'image/png';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The type the bytes really are (JPEG's SOI marker, PNG's signature), or null. */
export function sniffPicture(bytes: Uint8Array): PictureType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'image/jpeg';
  }
  if (bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) {
    return 'image/png';
  }
  return null;
}

/** The declared content type, when it is one we show (parameters like `; charset` ignored). */
export function declaredPicture(contentType: string | null): PictureType | null {
  const essence = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  return essence === 'image/jpeg' || essence === 'image/png' ? essence : null;
}
