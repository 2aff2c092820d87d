import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CameraListView } from '../../../common/view';
import { initialState, useStore } from '../../store';
import { selectCameraOrder } from '../../store/selectors';
import { device, installFakeBridge, list, session, snapshot } from '../../test-support';
import { DetailsPane } from './DetailsPane';
import { useDetailsOpener } from './useDetailsOpener';

const showCameras = (view: CameraListView) => useStore.getState().receiveCameras(snapshot(view));

/** A stand-in for the camera list: each row focusable, its name the button that opens details. */
function Opener({ mac }: { mac: string }) {
  const d = useStore((s) => s.list.devices.find((x) => x.mac === mac));
  const { nameProps, rowProps } = useDetailsOpener(mac);
  return (
    <li tabIndex={-1} data-testid={`row-${mac}`} {...rowProps}>
      <button {...nameProps}>{d?.name}</button>
    </li>
  );
}

function Screen() {
  const order = useStore(selectCameraOrder);
  return (
    <>
      <ul>
        {order.map((mac) => (
          <Opener key={mac} mac={mac} />
        ))}
      </ul>
      <DetailsPane />
    </>
  );
}

const FRONT = device({
  mac: '2CAA8E4F1A01',
  name: 'Front Door',
  model: 'HL_DB2',
  modelName: 'Wyze Video Doorbell v2',
  statusChangedAt: Date.UTC(2026, 4, 25, 6, 20),
  thumbnailTakenAt: 1_779_700_000_000,
});
const PORCH = device({
  mac: 'GW_GC1_7C78B2A1B2C3',
  name: 'Porch',
  model: 'GW_GC1',
  modelName: 'Wyze Cam OG',
  lanIp: null,
  ssid: null,
  hardware: null,
});
const SIDE_GATE = device({
  mac: '2CAA8E4F1A10',
  name: 'Side Gate',
  model: 'AN_RSCW',
  modelName: 'Wyze Battery Cam Pro',
  parentMac: '2CAA8E4F1A0B',
  battery: 76,
  shared: true,
  owner: 'grandma@wyzecam.example',
  timezone: { name: 'America/Chicago', gmtOffsetHours: -6 },
});
const BASE = device({
  mac: '2CAA8E4F1A0B',
  name: 'Outdoor Base',
  isCamera: false,
  productType: 'BaseStation',
});

beforeEach(() => {
  useStore.setState(initialState());
  installFakeBridge();
  useStore.getState().setSession(session());
  showCameras(list([FRONT, PORCH, SIDE_GATE, BASE]));
});
afterEach(cleanup);

/** The value the details list gives for a label (its <dd>). */
function valueOf(region: HTMLElement, label: string): string {
  const term = within(region).getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
}

describe('details pane', () => {
  it('opens on a click on the name, named "<camera> details", with everything in plain words', async () => {
    render(<Screen />);
    await userEvent.click(screen.getByRole('button', { name: 'Front Door' }));
    const pane = screen.getByRole('region', { name: 'Front Door details' });
    expect(valueOf(pane, 'Status')).toMatch(/^Online since .*2026/);
    expect(valueOf(pane, 'Model')).toBe('Wyze Video Doorbell v2 (HL_DB2)');
    expect(valueOf(pane, 'MAC')).toBe('2CAA8E4F1A01');
    expect(valueOf(pane, 'IP address')).toBe('192.168.1.22');
    expect(valueOf(pane, 'Public IP')).toBe('203.0.113.45');
    expect(valueOf(pane, 'Wi-Fi network')).toBe('Home');
    expect(valueOf(pane, 'Firmware')).toBe('4.36.11.7095');
    expect(valueOf(pane, 'Hardware')).toBe('0.0.0.0');
    expect(valueOf(pane, 'Time zone')).toBe('America/New_York (UTC−5)');
    // Only cameras behind a base station, shared ones and battery ones have these.
    expect(within(pane).queryByText('Base station')).toBeNull();
    expect(within(pane).queryByText('Shared by')).toBeNull();
    expect(within(pane).queryByText('Battery')).toBeNull();
    expect(pane.querySelector('dl')).not.toBeNull();
  });

  it('shows the latest picture through the app origin, with when it was taken', async () => {
    render(<Screen />);
    await userEvent.click(screen.getByRole('button', { name: 'Front Door' }));
    const pane = screen.getByRole('region', { name: 'Front Door details' });
    const img = within(pane).getByRole('img', { name: 'Latest picture from Front Door' });
    expect(img.getAttribute('src')).toBe('/thumbnails/2CAA8E4F1A01.jpg?t=1779700000000');
    expect(within(pane).getByText(/^Taken .*2026/)).toBeTruthy();
    // A picture main could not fetch reads like none at all.
    fireEvent.error(img);
    expect(within(pane).getByText('No picture yet')).toBeTruthy();
    expect(within(pane).queryByText(/^Taken/)).toBeNull();
  });

  it('says "Not reported" for a camera with no IP, and "No picture yet"', async () => {
    render(<Screen />);
    await userEvent.click(screen.getByRole('button', { name: 'Porch' }));
    const pane = screen.getByRole('region', { name: 'Porch details' });
    expect(valueOf(pane, 'IP address')).toBe('Not reported');
    expect(valueOf(pane, 'Wi-Fi network')).toBe('Not reported');
    expect(valueOf(pane, 'Model')).toBe('Wyze Cam OG (GW_GC1)');
    expect(within(pane).getByText('No picture yet')).toBeTruthy();
    expect(within(pane).queryByRole('img', { name: /^Latest picture/ })).toBeNull();
  });

  it('names the base station a camera is behind, who shared it and its battery', async () => {
    render(<Screen />);
    await userEvent.click(screen.getByRole('button', { name: 'Side Gate' }));
    const pane = screen.getByRole('region', { name: 'Side Gate details' });
    expect(valueOf(pane, 'Base station')).toBe('Outdoor Base');
    expect(valueOf(pane, 'Shared by')).toBe('grandma@wyzecam.example');
    expect(valueOf(pane, 'Battery')).toBe('76%');
    expect(valueOf(pane, 'Time zone')).toBe('America/Chicago (UTC−6)');
  });

  it('opens on Enter on a row, moves with the arrow keys in list order, closes on Esc with focus back on the row', async () => {
    render(<Screen />);
    const order = selectCameraOrder(useStore.getState());
    expect(order).toEqual(['2CAA8E4F1A01', 'GW_GC1_7C78B2A1B2C3', '2CAA8E4F1A10']);
    screen.getByTestId('row-2CAA8E4F1A01').focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('region', { name: 'Front Door details' })).toBeTruthy();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('region', { name: 'Porch details' })).toBeTruthy();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('region', { name: 'Side Gate details' })).toBeTruthy();
    await userEvent.keyboard('{ArrowDown}'); // the last camera: stays
    expect(screen.getByRole('region', { name: 'Side Gate details' })).toBeTruthy();
    await userEvent.keyboard('{ArrowUp}');
    expect(screen.getByRole('region', { name: 'Porch details' })).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: /details$/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('row-GW_GC1_7C78B2A1B2C3'));
  });

  it('follows the list as shown: a search narrows what the arrows move through', async () => {
    render(<Screen />);
    act(() => useStore.getState().setSearch('gate'));
    await userEvent.click(screen.getByRole('button', { name: 'Side Gate' }));
    await userEvent.keyboard('{ArrowUp}');
    expect(screen.getByRole('region', { name: 'Side Gate details' })).toBeTruthy();
  });

  it('closes with its Close button, and disappears when the camera leaves the list', async () => {
    render(<Screen />);
    await userEvent.click(screen.getByRole('button', { name: 'Porch' }));
    await userEvent.click(screen.getByRole('button', { name: 'Close details' }));
    expect(screen.queryByRole('region', { name: 'Porch details' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('row-GW_GC1_7C78B2A1B2C3'));
    await userEvent.click(screen.getByRole('button', { name: 'Porch' }));
    act(() => showCameras(list([FRONT])));
    expect(screen.queryByRole('region', { name: /details$/ })).toBeNull();
  });
});

describe('a picture main could not serve', () => {
  it('is tried again after the next refresh', async () => {
    render(<Screen />);
    await userEvent.click(screen.getByRole('button', { name: 'Front Door' }));
    const pane = screen.getByRole('region', { name: 'Front Door details' });
    fireEvent.error(within(pane).getByRole('img', { name: 'Latest picture from Front Door' }));
    expect(within(pane).getByText('No picture yet')).toBeTruthy();
    act(() =>
      showCameras(list([FRONT, PORCH, SIDE_GATE, BASE], { fetchedAt: Date.now() + 60_000 })),
    );
    expect(within(pane).getByRole('img', { name: 'Latest picture from Front Door' })).toBeTruthy();
  });
});

describe('the list follows the pane', () => {
  it('scrolls the camera the arrows move to into view', async () => {
    const scrolled: Element[] = [];
    const original = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollIntoView');
    // jsdom has no layout: record the calls instead of scrolling.
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    try {
      render(<Screen />);
      await userEvent.click(screen.getByRole('button', { name: 'Front Door' }));
      await userEvent.keyboard('{ArrowDown}');
      expect(scrolled.at(-1)).toBe(screen.getByTestId('row-GW_GC1_7C78B2A1B2C3'));
    } finally {
      if (original) Object.defineProperty(Element.prototype, 'scrollIntoView', original);
      else delete (Element.prototype as Partial<Element>).scrollIntoView;
    }
  });
});
