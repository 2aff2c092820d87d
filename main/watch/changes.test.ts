import { describe, expect, it } from 'vitest';
import { toDto } from '../cameras/inventory';
import { fakeDevice } from '../cameras/inventory-fakes';
import { camerasOf, detectChanges } from './changes';
import type { CameraSighting } from './changes';

const AT = 1_800_000_000_000;

function cam(patch: Partial<CameraSighting> = {}): CameraSighting {
  return {
    mac: 'AA01',
    name: 'Front door',
    online: true,
    statusChangedAt: null,
    poweredOn: true,
    firmware: '4.36.1',
    lanIp: '192.168.1.20',
    ssid: 'Home',
    ...patch,
  };
}

describe('detectChanges', () => {
  it.each<[string, Partial<CameraSighting>, Partial<CameraSighting>, string[]]>([
    ['nothing changed', {}, {}, []],
    ['went offline', {}, { online: false, statusChangedAt: AT - 60_000 }, ['offline']],
    ['came online', { online: false }, { online: true }, ['online']],
    ['privacy mode on', {}, { poweredOn: false }, ['privacy-on']],
    ['privacy mode off', { poweredOn: false }, { poweredOn: true }, ['privacy-off']],
    ['firmware', {}, { firmware: '4.36.2' }, ['firmware']],
    ['LAN IP', {}, { lanIp: '192.168.1.21' }, ['ip']],
    ['Wi-Fi network', {}, { ssid: 'Attic' }, ['ssid']],
    ['renamed', {}, { name: 'Back door' }, ['name']],
    ['online not reported (null) is no change', {}, { online: null }, []],
    ['online reported again (null → value) is no change', { online: null }, { online: false }, []],
    ['firmware not reported is no change', {}, { firmware: null }, []],
    ['firmware reported again is no change', { firmware: null }, { firmware: '4.36.9' }, []],
    ['privacy not reported is no change', {}, { poweredOn: null }, []],
    ['IP and SSID unreported', {}, { lanIp: null, ssid: null }, []],
    [
      'several at once, in a fixed order',
      {},
      { online: false, firmware: '5', name: 'Back' },
      ['offline', 'firmware', 'name'],
    ],
  ])('%s', (_name, before, after, kinds) => {
    const { changes } = detectChanges([cam(before)], [cam(after)], AT);
    expect(changes.map((c) => c.kind)).toEqual(kinds);
  });

  it('gives an offline change the cloud time and the values before and after', () => {
    const { changes } = detectChanges(
      [cam()],
      [cam({ online: false, statusChangedAt: AT - 5_000, firmware: '4.36.2' })],
      AT,
    );
    expect(changes).toEqual([
      {
        kind: 'offline',
        at: AT,
        cloudAt: AT - 5_000,
        mac: 'AA01',
        cameraName: 'Front door',
        from: null,
        to: null,
      },
      {
        kind: 'firmware',
        at: AT,
        cloudAt: null,
        mac: 'AA01',
        cameraName: 'Front door',
        from: '4.36.1',
        to: '4.36.2',
      },
    ]);
  });

  it('records nothing for a camera new to the list or gone from it', () => {
    const { changes, baseline } = detectChanges(
      [cam({ mac: 'GONE' })],
      [cam({ mac: 'NEW', online: false })],
      AT,
    );
    expect(changes).toEqual([]);
    expect(baseline.map((c) => c.mac)).toEqual(['NEW']);
  });

  it('keeps the last reported value through a list that did not report it', () => {
    const first = detectChanges([cam()], [cam({ firmware: null })], AT);
    expect(first.baseline[0]?.firmware).toBe('4.36.1');
    const second = detectChanges(first.baseline, [cam({ firmware: '4.37.0' })], AT + 1);
    expect(second.changes.map((c) => [c.kind, c.from, c.to])).toEqual([
      ['firmware', '4.36.1', '4.37.0'],
    ]);
  });
});

describe('camerasOf', () => {
  it('keeps cameras only', () => {
    const plug = { ...toDto(fakeDevice('PLUG', 'Lamp')), isCamera: false };
    const camera = toDto(fakeDevice('CAM', 'Door'));
    expect(camerasOf([plug, camera]).map((c) => c.mac)).toEqual(['CAM']);
  });
});
