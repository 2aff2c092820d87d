import { describe, expect, it } from 'vitest';
import { DEMO_WORLD } from '../demo-account';
import { parseWorld, streamSpecSchema } from '../world';

const worldWith = (stream: unknown) => ({
  name: 'streams',
  accounts: [
    {
      email: 'a@b.c',
      password: 'x',
      keyId: 'k',
      apiKey: 'a',
      userId: '0123456789abcdef0123456789abcdef',
      devices: [{ mac: 'AA', nickname: 'one', model: 'HL_CAM4', stream }],
    },
  ],
});

describe('stream settings in worlds', () => {
  it('fill in defaults: streamable over Kinesis, 320×240 at 10 fps, no faults', () => {
    expect(streamSpecSchema.parse({})).toEqual({
      kind: 'kvs',
      width: 320,
      height: 240,
      fps: 10,
      doubleEncodedUrl: false,
      offlineAnswer: 'iotState',
      faults: { neverAnswer: false, statusError: false },
    });
  });

  it.each([
    [{ width: 330 }, 'width'],
    [{ height: 0 }, 'height'],
    [{ fps: 0 }, 'fps'],
    [{ kind: 'hls' }, 'kind'],
    [{ faults: { dropAfterSeconds: -1 } }, 'faults.dropAfterSeconds'],
    [{ faults: { refuse: {} } }, 'faults.refuse.code'],
    [{ surprise: true }, ''],
  ])('%j is refused, naming %s', (stream, path) => {
    expect(() => parseWorld(worldWith(stream))).toThrow(
      `accounts.0.devices.0.stream${path ? `.${path}` : ''}`,
    );
  });

  it('the demo world has cameras at different sizes, and each special answer once', () => {
    const devices = parseWorld(DEMO_WORLD).accounts[0]?.devices ?? [];
    const sizes = new Set(
      devices.filter((d) => d.stream).map((d) => `${d.stream?.width}x${d.stream?.height}`),
    );
    expect(sizes.size).toBeGreaterThanOrEqual(3);
    const floodlight = devices.find((d) => d.model === 'LD_CFP');
    expect(floodlight?.stream?.doubleEncodedUrl).toBe(true);
    for (const kind of ['tutk', 'wyze-mars'] as const) {
      expect(devices.filter((d) => d.stream?.kind === kind)).toHaveLength(1);
    }
  });
});
