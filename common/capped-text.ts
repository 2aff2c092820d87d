/**
 * The UTF-8 text of a stream of bytes, or null as soon as it passes `cap` bytes, without holding
 * more than that: how the preview host (preview/requests.ts) and the Wyze cloud emulator
 * (emulator/server.ts) read a request's body, each with its own cap. Read as Node's
 * `Buffer.toString('utf8')` reads the bytes: those that are not UTF-8 as U+FFFD, a leading
 * byte-order mark kept (U+FEFF, which JSON.parse refuses); a character split between two chunks is
 * read whole. A chunk that is not bytes (a stream given an encoding) is refused: the cap counts
 * bytes.
 */
export async function readCappedText(
  chunks: AsyncIterable<Uint8Array>,
  cap: number,
): Promise<string | null> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let size = 0;
  let text = '';
  for await (const chunk of chunks as AsyncIterable<unknown>) {
    if (!(chunk instanceof Uint8Array)) throw new TypeError('readCappedText: a chunk is not bytes');
    size += chunk.byteLength;
    if (size > cap) return null;
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}
