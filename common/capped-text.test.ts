import { describe, expect, it } from 'vitest';
import { readCappedText } from './capped-text';

async function* chunksOf(...parts: (string | number[])[]): AsyncIterable<Uint8Array> {
  for (const part of parts) {
    await Promise.resolve();
    yield typeof part === 'string' ? new TextEncoder().encode(part) : Uint8Array.from(part);
  }
}

describe('readCappedText', () => {
  it('reads every chunk, up to and including the cap', async () => {
    expect(await readCappedText(chunksOf('{"arg":', '1}'), 9)).toBe('{"arg":1}');
    expect(await readCappedText(chunksOf(), 0)).toBe('');
  });

  it('is null as soon as the bytes pass the cap, and reads no further', async () => {
    let read = 0;
    async function* counted(): AsyncIterable<Uint8Array> {
      for (const part of ['12345', '6', '789']) {
        read++;
        yield new TextEncoder().encode(part);
      }
    }
    expect(await readCappedText(counted(), 5)).toBeNull();
    expect(read).toBe(2);
  });

  it('counts bytes, not characters', async () => {
    // "é" is two bytes in UTF-8.
    expect(await readCappedText(chunksOf('ééé'), 5)).toBeNull();
    expect(await readCappedText(chunksOf('ééé'), 6)).toBe('ééé');
  });

  it('reads a character split between two chunks whole', async () => {
    // "€" is E2 82 AC; "日" is E6 97 A5.
    expect(await readCappedText(chunksOf([0xe2], [0x82, 0xac, 0xe6, 0x97], [0xa5]), 100)).toBe(
      '€日',
    );
  });

  it('reads bytes that are not UTF-8 as U+FFFD, as Node does', async () => {
    const bytes = [0x61, 0xff, 0x62, 0xe2, 0x82];
    expect(await readCappedText(chunksOf(bytes), 100)).toBe(Buffer.from(bytes).toString('utf8'));
  });

  it('keeps a leading byte-order mark, as Node does (JSON.parse then refuses the body)', async () => {
    const bytes = [0xef, 0xbb, 0xbf, 0x7b, 0x7d];
    const text = await readCappedText(chunksOf(bytes), 100);
    expect(text).toBe(Buffer.from(bytes).toString('utf8'));
    expect(text).toBe('\uFEFF{}');
  });

  it('refuses a chunk that is not bytes (a stream given an encoding): the cap counts bytes', async () => {
    async function* strings(): AsyncIterable<unknown> {
      yield 'text';
    }
    await expect(readCappedText(strings() as AsyncIterable<Uint8Array>, 100)).rejects.toThrow(
      TypeError,
    );
  });
});
