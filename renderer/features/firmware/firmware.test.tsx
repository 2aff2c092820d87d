import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../App';
import { initialState, useStore } from '../../store';
import { device, list, session, snapshot } from '../../test-support';
import { installWatchBridge, record } from '../watch/watch-fakes';
import { compareFirmware, groupFirmware } from './versions';

describe('compareFirmware: dotted parts compared as numbers', () => {
  it.each([
    ['4.36.11.8391', '4.36.9.9999', 1],
    ['4.36.9.9999', '4.36.11.8391', -1],
    ['4.36.11.8391', '4.36.11.8391', 0],
    ['4.36', '4.36.0', 0],
    ['4.36', '4.36.0.1', -1],
    ['10.0', '9.99', 1],
    ['4.36.11.08391', '4.36.11.8391', 0],
    [' 4.36.1 ', '4.36.1', 0],
    ['99999999999999999999.1', '99999999999999999998.9', 1],
    ['4.36.beta', '4.36.1', 1],
    ['4.36.a', '4.36.b', -1],
    ['', '0', 0],
  ])('%j against %j is %d', (a, b, sign) => {
    expect(Math.sign(compareFirmware(a, b))).toBe(sign);
    expect(Math.sign(compareFirmware(b, a))).toBe(-sign || 0);
  });
});

describe('groupFirmware', () => {
  const v3 = { model: 'WYZE_CAKP2JFUS', modelName: 'Wyze Cam v3' };
  const pan = { model: 'HL_PAN3', modelName: 'Wyze Cam Pan v3' };
  const cams = [
    device({ ...v3, mac: 'A1', name: 'Porch', firmware: '4.36.11.8391' }),
    device({ ...v3, mac: 'A2', name: 'Garage', firmware: '4.36.9.139' }),
    device({ ...v3, mac: 'A3', name: 'Attic', firmware: '4.36.11.8391' }),
    device({ ...v3, mac: 'A4', name: 'Yard', firmware: '4.36.11.8391' }),
    device({ ...v3, mac: 'A5', name: 'Shed', firmware: null }),
    device({ ...pan, mac: 'B1', name: 'Hall', firmware: '4.50.4.1' }),
    device({ mac: 'C1', name: 'Plug', isCamera: false, model: 'WLPP1', modelName: 'Plug' }),
  ];

  it('lists each model’s versions newest first with their cameras, and flags the older ones', () => {
    const models = groupFirmware(cams);
    // The model with a camera behind comes first.
    expect(models.map((m) => m.modelName)).toEqual(['Wyze Cam v3', 'Wyze Cam Pan v3']);
    const [cam, panModel] = models;
    expect(cam?.cameras).toBe(5);
    expect(cam?.versions).toEqual([
      {
        version: '4.36.11.8391',
        cameras: [
          { mac: 'A3', name: 'Attic' },
          { mac: 'A1', name: 'Porch' },
          { mac: 'A4', name: 'Yard' },
        ],
        olderThan: null,
      },
      {
        version: '4.36.9.139',
        cameras: [{ mac: 'A2', name: 'Garage' }],
        olderThan: { version: '4.36.11.8391', cameras: 3 },
      },
      { version: null, cameras: [{ mac: 'A5', name: 'Shed' }], olderThan: null },
    ]);
    expect(panModel?.versions[0]?.olderThan).toBeNull();
  });

  it('flags nothing when a model runs one version', () => {
    const models = groupFirmware([cams[0], cams[2]].filter((d) => d !== undefined));
    expect(models[0]?.versions.map((v) => v.olderThan)).toEqual([null]);
  });
});

describe('Firmware view', () => {
  beforeEach(() => {
    window.sessionStorage.clear();
    useStore.setState(initialState());
    useStore.getState().setSession(session());
  });
  afterEach(cleanup);

  it('shows each model as a table, the older version flagged, and the firmware changes', async () => {
    const fake = installWatchBridge({}, [
      record({ kind: 'firmware', cameraName: 'Porch', from: '4.36.9.139', to: '4.36.11.8391' }),
      record({ kind: 'offline', cameraName: 'Garage' }),
    ]);
    useStore
      .getState()
      .receiveCameras(
        snapshot(
          list([
            device({ mac: 'A1', name: 'Porch', firmware: '4.36.11.8391' }),
            device({ mac: 'A2', name: 'Garage', firmware: '4.36.9.139' }),
            device({ mac: 'A3', name: 'Attic', firmware: '4.36.11.8391' }),
          ]),
        ),
      );
    render(<App />);
    await userEvent.keyboard('{Alt>}4{/Alt}');
    const view = await screen.findByRole('region', { name: 'Firmware' });
    const model = within(view).getByRole('region', { name: 'Wyze Cam v3 (WYZE_CAKP2JFUS)' });
    const older = within(model).getByRole('rowheader', { name: '4.36.9.139' }).closest('tr');
    expect(older?.textContent).toBe('4.36.9.1391GarageOlder than 4.36.11.8391 on 2 other cameras');
    expect(within(view).getByText(/1 camera on an older version than others/)).toBeTruthy();
    const changes = within(view).getByRole('region', { name: 'Firmware changes' });
    const row = await within(changes).findByRole('row', { name: /Porch/ });
    expect(row.textContent).toMatch(/Porch4\.36\.9\.1394\.36\.11\.8391$/);
    expect(fake.queries()).toContainEqual({
      mac: null,
      kinds: ['firmware'],
      before: null,
      limit: 50,
    });
  });
});
