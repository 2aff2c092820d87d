/**
 * The UTF-8 text of a stream of bytes, or null as soon as it passes `cap` bytes, without holding
 * more than that: how the preview host (preview/requests.ts) and the Wyze cloud emulator
 * (emulator/server.ts) read a request's body, each with its own cap. Bytes that are not UTF-8 are
 * read as U+FFFD, as Node's `Buffer.toString('utf8')` reads them; a character split between two
 * chunks is read whole.
 */
export async function readCappedText(
  chunks: AsyncIterable<Uint8Array>,
  cap: number,
): Promise<string | null> {
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > cap) return null;
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}
