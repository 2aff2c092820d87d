import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewHost } from './host';
import { startTestPreviewHost } from './test-host';

let host: PreviewHost;
let close: () => Promise<void>;
let origin: string;

beforeAll(async () => {
  ({ host, close } = await startTestPreviewHost({
    auth: 'https://auth-prod.api.wyze.com',
    api: 'https://api.wyzecam.com',
  }));
  origin = new URL(host.url).origin;
  // The demo account: its in-process emulator serves each camera's picture on loopback.
  await host.services.session.startDemo();
  await host.services.inventory.refresh();
});

afterAll(() => close());

const FRONT_DOOR = '/thumbnails/2CAA8E4F1A01.jpg?t=1779700000000';

describe('preview host: pictures through the app origin (security S8)', () => {
  it('serves a camera picture fetched by main, as image/jpeg', async () => {
    const res = await fetch(`${origin}${FRONT_DOOR}`, {
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });

  it.each(['cross-site', 'same-site', 'none'])('refuses Sec-Fetch-Site: %s', async (site) => {
    const res = await fetch(`${origin}${FRONT_DOOR}`, { headers: { 'sec-fetch-site': site } });
    expect(res.status).toBe(403);
  });

  it('answers 404 for a camera without a picture and for a hostile path', async () => {
    for (const path of [
      '/thumbnails/D03F27A0C602.jpg',
      '/thumbnails/..%2F..%2Fprofile.jpg',
      '/thumbnails/NOPE.jpg',
    ]) {
      expect((await fetch(`${origin}${path}`)).status).toBe(404);
    }
  });
});
