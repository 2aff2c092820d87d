import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MODELS } from '../common/models';
import { generateWorld } from './generate';
import { startEmulator } from './server';
import { EmulatorState } from './state';
import { DEMO, md5x3 } from './test-helpers';
import { WorldError, loadWorld, parseWorld } from './world';

const DEMO_WORLD = fileURLToPath(new URL('./worlds/demo.json', import.meta.url));

describe('world files', () => {
  it('names every problem of an invalid world by its path', () => {
    const attempt = () =>
      parseWorld(
        {
          name: 'broken',
          accounts: [
            {
              email: 'a@b.c',
              password: 'x',
              keyId: 'k',
              apiKey: 'a',
              userId: 'not-hex',
              devices: [
                { mac: 'AA', nickname: 'one', model: 'HL_CAM4' },
                { mac: 'AA', nickname: 'two', model: 'HL_CAM4', online: 'yes' },
              ],
              surprise: true,
            },
          ],
          faults: [{ kind: 'meteor' }],
        },
        'broken.json',
      );
    expect(attempt).toThrow(WorldError);
    expect(attempt).toThrow(/broken\.json is not a valid emulator world/);
    expect(attempt).toThrow(/accounts\.0\.userId: userId is 32 lowercase hex digits/);
    expect(attempt).toThrow(/accounts\.0\.devices\.1\.online/);
    expect(attempt).toThrow(/faults\.0\.kind/);
    expect(attempt).toThrow(/surprise/);
  });

  it('reports duplicate MACs and e-mails', () => {
    const account = {
      email: 'a@b.c',
      password: 'x',
      keyId: 'k',
      apiKey: 'a',
      userId: 'a'.repeat(32),
    };
    expect(() =>
      parseWorld({
        name: 'dupes',
        accounts: [
          {
            ...account,
            devices: [
              { mac: 'AA', nickname: '', model: 'X' },
              { mac: 'AA', nickname: '', model: 'Y' },
            ],
          },
          { ...account, email: 'A@B.C' },
        ],
      }),
    ).toThrow(/duplicate MAC AA[\s\S]*duplicate e-mail/);
  });

  it('says clearly when a file is missing or not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'world-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ nope');
    expect(() => loadWorld(bad)).toThrow(/bad\.json is not valid JSON/);
    expect(() => loadWorld(join(dir, 'missing.json'))).toThrow(/cannot read world file/);
  });

  it('refuses an MFA block with no method', () => {
    expect(() =>
      parseWorld({
        name: 'mfa',
        accounts: [
          {
            email: 'a@b.c',
            password: 'x',
            keyId: 'k',
            apiKey: 'a',
            userId: 'a'.repeat(32),
            mfa: {},
          },
        ],
      }),
    ).toThrow(/at least one method/);
  });
});

describe('the demo world', () => {
  const world = loadWorld(DEMO_WORLD);
  const demo = world.accounts.find((a) => a.email === DEMO.email);
  const devices = demo?.devices ?? [];
  const cameras = devices.filter((d) => d.productType === 'Camera');

  it('has the documented credentials and a second account with TOTP', () => {
    expect(demo).toMatchObject(DEMO);
    expect(world.accounts.some((a) => a.mfa?.totp)).toBe(true);
  });

  it('covers the cases the app must show truthfully', () => {
    expect(devices.length).toBeGreaterThanOrEqual(14);
    expect(cameras.length).toBeGreaterThanOrEqual(10);
    const knownCameraModels = new Set(
      cameras.map((c) => c.model).filter((m) => MODELS[m]?.family === 'camera'),
    );
    expect(knownCameraModels.size).toBeGreaterThanOrEqual(8);
    expect(cameras.filter((c) => !c.online)).toHaveLength(2);
    expect(cameras.filter((c) => !c.powerOn)).toHaveLength(1);
    expect(cameras.filter((c) => c.sharedBy)).toHaveLength(1);
    expect(cameras.some((c) => /[^\u0020-\u024f]/.test(c.nickname))).toBe(true);
    const names = cameras.map((c) => c.nickname);
    expect(names.length - new Set(names).size).toBeGreaterThanOrEqual(1);
    const base = devices.find((d) => d.productType === 'BaseStation');
    expect(cameras.find((c) => c.model === 'AN_RSCW')?.parentMac).toBe(base?.mac);
    expect(cameras.find((c) => c.model === 'GW_GC1')?.ip).toBeNull();
    expect(cameras.some((c) => MODELS[c.model]?.name.includes('Doorbell'))).toBe(true);
    const otherTypes = new Set(
      devices.filter((d) => d.productType !== 'Camera').map((d) => d.productType),
    );
    for (const type of ['Plug', 'MeshLight', 'ContactSensor', 'BaseStation'])
      expect(otherTypes).toContain(type);
  });
});

describe('generated worlds', () => {
  it('are deterministic and sized as asked', () => {
    const a = generateWorld(200);
    expect(generateWorld(200)).toEqual(a);
    const parsed = parseWorld(a);
    expect(parsed.accounts[0]?.devices).toHaveLength(200);
    expect(parsed.accounts[0]?.devices.filter((d) => !d.online).length).toBeGreaterThan(0);
    expect(
      parsed.accounts[0]?.devices.filter((d) => d.model.startsWith('GW_') && d.ip !== null),
    ).toEqual([]);
  });

  it.each([0, -1, 5001, 2.5, Number.NaN])('refuses %s cameras', (n) => {
    expect(() => generateWorld(n)).toThrow(/1 to 5000/);
  });

  it('serve 5,000 cameras', async () => {
    const emulator = await startEmulator({ world: generateWorld(5000) });
    try {
      const login = await fetch(`${emulator.url}/api/user/login`, {
        method: 'POST',
        headers: { keyid: DEMO.keyId, apikey: DEMO.apiKey, 'user-agent': 't' },
        body: JSON.stringify({ email: DEMO.email, password: md5x3(DEMO.password) }),
      });
      const { access_token } = (await login.json()) as { access_token: string };
      const list = await fetch(`${emulator.url}/app/v2/home_page/get_object_list`, {
        method: 'POST',
        body: JSON.stringify({ access_token }),
      });
      const { data } = (await list.json()) as { data: { device_list: unknown[] } };
      expect(data.device_list).toHaveLength(5000);
    } finally {
      await emulator.close();
    }
  });
});

describe('request counts', () => {
  it('add up every path counted', () => {
    const state = new EmulatorState(loadWorld(DEMO_WORLD), () => 0);
    expect(state.requestTotal()).toBe(0);
    state.countRequest('/a');
    state.countRequest('/a');
    state.countRequest('/b');
    expect(state.requestTotal()).toBe(3);
  });
});
