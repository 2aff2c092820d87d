import { describe, expect, it } from 'vitest';
import { BOOTSTRAP_REUSE_MS, EXPIRY_MARGIN_MS, createBootstrapReuse } from './bootstrap-reuse';

const T0 = Date.UTC(2026, 10, 27, 15, 20, 0);
const AMZ_T0 = '20261127T152000Z';
const kvs = (query: string): string =>
  `wss://abc.kinesisvideo.us-west-2.amazonaws.com/?X-Amz-ChannelARN=arn&${query}&X-Amz-Signature=00`;

/** One bootstrap fetched at T0 with this URL, then asked for again `laterMs` on. */
async function reusedAfter(url: string, laterMs: number): Promise<boolean> {
  let now = T0;
  const reuse = createBootstrapReuse<{ mac: string }>({
    bootstrap: () => Promise.resolve({ signallingUrl: url, iceServers: [] }),
    now: () => now,
  });
  await reuse.fresh({ mac: 'CAM1' });
  now = T0 + laterMs;
  return reuse.reusable('CAM1') !== null;
}

describe('reusing a bootstrap (docs/protocol.md, "Live view")', () => {
  it.each([
    ['no expiry in the URL, within 60 s', kvs('a=b'), BOOTSTRAP_REUSE_MS, true],
    ['no expiry in the URL, past 60 s', kvs('a=b'), BOOTSTRAP_REUSE_MS + 1, false],
    ['X-Amz-Expires=300, at 60 s', kvs(`X-Amz-Date=${AMZ_T0}&X-Amz-Expires=300`), 60_000, true],
    ['X-Amz-Expires=300, past 60 s', kvs(`X-Amz-Date=${AMZ_T0}&X-Amz-Expires=300`), 60_001, false],
    // The URL expires before the 60 s are up: it is not reused once it is about to.
    [
      'X-Amz-Expires=30, before the margin',
      kvs(`X-Amz-Date=${AMZ_T0}&X-Amz-Expires=30`),
      30_000 - EXPIRY_MARGIN_MS,
      true,
    ],
    [
      'X-Amz-Expires=30, inside the margin',
      kvs(`X-Amz-Date=${AMZ_T0}&X-Amz-Expires=30`),
      30_000 - EXPIRY_MARGIN_MS + 1,
      false,
    ],
    ['X-Amz-Expires=30 without a date', kvs('X-Amz-Expires=30'), 25_000, false],
    // Signed 40 s before the app fetched it: 300 s from the signature, not from the fetch.
    [
      'signed earlier than fetched',
      kvs('X-Amz-Date=20261127T151920Z&X-Amz-Expires=50'),
      1_000,
      false,
    ],
    ['X-Amz-Expires not a number', kvs(`X-Amz-Date=${AMZ_T0}&X-Amz-Expires=soon`), 0, false],
    ['X-Amz-Expires=0', kvs(`X-Amz-Date=${AMZ_T0}&X-Amz-Expires=0`), 0, false],
    ['an unreadable X-Amz-Date', kvs('X-Amz-Date=yesterday&X-Amz-Expires=300'), 59_000, true],
  ])('%s: reused %#', async (_name, url, laterMs, reused) => {
    expect(await reusedAfter(url, laterMs)).toBe(reused);
  });
});
