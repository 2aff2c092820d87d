import { fileURLToPath } from 'node:url';
import { decode } from 'jpeg-js';
import { afterEach, describe, expect, it } from 'vitest';
import { PICTURE_HEIGHT, PICTURE_WIDTH, renderPicture } from './picture';
import { startEmulator } from './server';
import type { RunningEmulator } from './server';
import { fakeClock } from './test-helpers';

const DEMO_WORLD = fileURLToPath(new URL('./worlds/demo.json', import.meta.url));

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start() {
  const clock = fakeClock();
  emulator = await startEmulator({ world: DEMO_WORLD, port: 0, now: clock.now, control: false });
  const devices = emulator.state.world.accounts[0]?.devices ?? [];
  const device = (mac: string) => {
    const found = devices.find((d) => d.mac === mac);
    if (!found) throw new Error(`no ${mac} in the demo world`);
    return found;
  };
  return { emulator, clock, device };
}

describe('emulator pictures', () => {
  it('serves a real JPEG per camera at a signed loopback URL', async () => {
    const { emulator, device } = await start();
    const url = emulator.state.pictureUrl(device('2CAA8E4F1A01'));
    expect(url).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/thumbnails\/camplus-emu\/2CAA8E4F1A01\/1779700000000\.jpg\?X-Amz-Algorithm=AWS4-HMAC-SHA256&.*X-Amz-Expires=1200&.*X-Amz-Signature=[0-9a-f]{64}$/,
    );
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const image = decode(Buffer.from(await res.arrayBuffer()));
    expect([image.width, image.height]).toEqual([PICTURE_WIDTH, PICTURE_HEIGHT]);
  });

  it('draws each camera differently', () => {
    const a = decode(renderPicture('2CAA8E4F1A01', 'Front Door')).data;
    const b = decode(renderPicture('2CAA8E4F1A02', 'Front Door')).data;
    const c = decode(renderPicture('2CAA8E4F1A01', 'Back Door')).data;
    expect(a.equals(b)).toBe(false);
    expect(a.equals(c)).toBe(false);
  });

  it('refuses a tampered signature, an expired URL and a camera without a picture', async () => {
    const { emulator, clock, device } = await start();
    const url = emulator.state.pictureUrl(device('2CAA8E4F1A01'));
    const tampered = url.replace(/Signature=([0-9a-f])/, (_m, d: string) =>
      d === '0' ? 'Signature=1' : 'Signature=0',
    );
    expect((await fetch(tampered)).status).toBe(403);
    const otherCamera = url.replace('2CAA8E4F1A01', '2CAA8E4F1A02');
    expect((await fetch(otherCamera)).status).toBe(403);
    clock.advance(1_201_000);
    expect((await fetch(url)).status).toBe(403);
    const none = emulator.state.pictureUrl(device('D03F27A0C602'));
    expect((await fetch(none)).status).toBe(404);
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);
  });
});
