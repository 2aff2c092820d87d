/**
 * The video's current frame as a PNG, at the stream's own resolution (not the size it is shown
 * at); null while there is no frame; rejects when the frame cannot be encoded.
 */
export async function captureFrame(video: HTMLVideoElement): Promise<Blob | null> {
  const { videoWidth: width, videoHeight: height } = video;
  if (!width || !height) return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(video, 0, 0, width, height);
  // toBlob gives null when the canvas cannot be encoded (a frame too big for it): that is a
  // failure to say so, not "no picture yet".
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The frame could not be encoded'))),
      'image/png',
    ),
  );
}

/** A Blob's bytes as base64 (what live:save-snapshot carries). */
export function toBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The snapshot could not be read'));
    reader.readAsDataURL(blob);
  });
}
