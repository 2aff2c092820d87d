import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeviceDto } from '../../../common/view';
import { initialState, useStore } from '../../store';
import { device, list, session, snapshot } from '../../test-support';
import { CameraRow } from '../cameras/CameraRow';
import { FakePeerConnection, installFakeWebRtc, installLiveBridge } from './live-fakes';
import { LiveArea, LiveWallButton, WatchButton } from './openers';

const DRIVEWAY = device({ mac: 'A1', name: 'Driveway' });
const GARAGE = device({ mac: 'B2', name: 'Garage', online: false, statusChangedAt: null });
const NURSERY = device({ mac: 'C3', name: 'Nursery', poweredOn: false });
const PORCH = device({ mac: 'D4', name: 'Porch' });
const YARD = device({ mac: 'E5', name: 'Yard' });
const SHED = device({ mac: 'F6', name: 'Shed' });
const ATTIC = device({ mac: 'G7', name: 'Attic' });
const CAMS = [DRIVEWAY, GARAGE, NURSERY, PORCH, YARD, SHED, ATTIC];

let bridge: ReturnType<typeof installLiveBridge>;

/** A stand-in for the camera screen: each camera's Watch button, the wall button, the live area. */
function Screen({ cameras = CAMS }: { cameras?: DeviceDto[] }) {
  return (
    <>
      <LiveWallButton />
      <ul>
        {cameras.map((d) => (
          <li key={d.mac}>
            <WatchButton device={d} name={d.name} />
          </li>
        ))}
      </ul>
      <LiveArea />
    </>
  );
}

beforeEach(() => {
  useStore.setState(initialState());
  useStore.getState().setSession(session());
  useStore.getState().receiveCameras(snapshot(list(CAMS)));
  installFakeWebRtc();
  bridge = installLiveBridge();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const watch = (name: string) => screen.getByRole('button', { name: `Watch ${name} live` });
const lastPc = () => FakePeerConnection.all.at(-1) as FakePeerConnection;

/** Opens the viewer on Driveway and waits until its offer went to main. */
async function openDriveway() {
  const user = userEvent.setup();
  render(<Screen />);
  await user.click(watch('Driveway'));
  const viewer = await screen.findByRole('region', { name: 'Driveway live' });
  await waitFor(() => expect(bridge.on('live:send-offer')).toHaveLength(1));
  return { user, viewer, video: viewer.querySelector('video') as HTMLVideoElement };
}

/** The video element decoded a frame of this size. */
function decodeFrame(video: HTMLVideoElement, width: number, height: number) {
  Object.defineProperty(video, 'videoWidth', { value: width, configurable: true });
  Object.defineProperty(video, 'videoHeight', { value: height, configurable: true });
  fireEvent(video, new Event('loadeddata'));
}

describe('the Watch button of each camera', () => {
  it('is in the camera table’s row, named after the camera', () => {
    render(
      <table>
        <tbody>
          <CameraRow mac="A1" columns={['status']} index={0} active />
        </tbody>
      </table>,
    );
    const row = screen.getByRole('row');
    expect(within(row).getByRole('button', { name: 'Watch Driveway live' })).toBeTruthy();
  });

  /** The button's description (its aria-description; '' for none). */
  const description = (button: HTMLElement) => button.getAttribute('aria-description') ?? '';

  it.each([
    ['Driveway', false, ''],
    ['Garage', true, 'Offline'],
    ['Nursery', true, 'Privacy mode'],
  ])('%s: unavailable %s, reason "%s"', (name, unavailable, reason) => {
    render(<Screen />);
    const button = watch(name) as HTMLButtonElement;
    // Never `disabled`: it stays in the tab order, so keyboard users reach it and its reason.
    expect(button.disabled).toBe(false);
    expect(button.getAttribute('aria-disabled')).toBe(unavailable ? 'true' : null);
    expect(description(button)).toBe(reason);
    button.focus();
    expect(document.activeElement).toBe(button);
  });

  it('an unavailable camera’s button opens nothing and says why when activated', async () => {
    const user = userEvent.setup();
    render(<Screen />);
    watch('Garage').focus();
    await user.keyboard('{Enter}');
    await user.click(watch('Nursery'));
    expect(screen.queryByRole('region')).toBeNull();
    expect(useStore.getState().liveViewer).toBeNull();
    expect(bridge.on('live:start')).toEqual([]);
    expect(useStore.getState().announcement).toBe('Nursery cannot be watched live: Privacy mode');
  });

  it('is disabled with Wyze’s words once Wyze answered that it cannot stream the camera', async () => {
    bridge.answers['live:start'] = () => ({
      ok: false,
      error: { code: 'LIVE_NOT_SUPPORTED', message: 'Wyze does not stream this camera model.' },
    });
    const user = userEvent.setup();
    render(<Screen />);
    await user.click(watch('Porch'));
    const viewer = await screen.findByRole('region', { name: 'Porch live' });
    await waitFor(() =>
      expect(within(viewer).getByRole('status').textContent).toBe(
        'Wyze does not stream this camera model.',
      ),
    );
    expect(watch('Porch').getAttribute('aria-disabled')).toBe('true');
    expect(description(watch('Porch'))).toBe('Wyze does not stream this camera model.');
    expect(within(viewer).queryByRole('button', { name: 'Retry' })).toBeNull();
  });
});

describe('the viewer', () => {
  it('opens on the camera with its video muted, says "Connecting…", then "Live" at the first frame', async () => {
    const { viewer, video } = await openDriveway();
    expect(video.muted).toBe(true);
    expect(video.autoplay).toBe(true);
    const status = within(viewer).getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('Connecting…');
    expect(document.activeElement).toBe(within(viewer).getByRole('heading', { name: 'Driveway' }));

    act(() => lastPc().track('video'));
    expect(video.srcObject).toBe(useStore.getState().liveEntries.A1?.stream);
    act(() => decodeFrame(video, 640, 360));
    expect(status.textContent).toBe('Live');
    expect(within(viewer).getByText('640×360')).toBeTruthy();
  });

  it('switched to another camera, shows none of the first one’s picture, size or snapshot', async () => {
    const { user, video } = await openDriveway();
    act(() => lastPc().track('video'));
    act(() => decodeFrame(video, 640, 360));
    await user.click(watch('Porch'));
    const porch = await screen.findByRole('region', { name: 'Porch live' });
    expect(within(porch).queryByText('640×360')).toBeNull();
    expect(porch.querySelector('video')?.srcObject ?? null).toBeNull();
    const save = within(porch).getByRole('button', { name: 'Save snapshot' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    expect(within(porch).getByRole('status').textContent).toBe('Connecting…');
  });

  it('offers mute and unmute only once the camera sends audio', async () => {
    const { user, viewer, video } = await openDriveway();
    act(() => lastPc().track('video'));
    expect(within(viewer).queryByRole('button', { name: 'Unmute' })).toBeNull();
    act(() => lastPc().track('audio'));
    await user.click(within(viewer).getByRole('button', { name: 'Unmute' }));
    expect(video.muted).toBe(false);
    await user.click(within(viewer).getByRole('button', { name: 'Mute' }));
    expect(video.muted).toBe(true);
  });

  it('closes with Esc or its Close button, and focus returns to the row’s Watch button', async () => {
    const { user } = await openDriveway();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Driveway live' })).toBeNull();
    expect(document.activeElement).toBe(watch('Driveway'));
    expect(bridge.on('live:stop')).toEqual([{ sessionId: 's1' }]);

    await user.keyboard('{Enter}');
    const viewer = await screen.findByRole('region', { name: 'Driveway live' });
    await user.click(within(viewer).getByRole('button', { name: 'Close live view' }));
    expect(screen.queryByRole('region', { name: 'Driveway live' })).toBeNull();
    expect(document.activeElement).toBe(watch('Driveway'));
  });

  it('leaves Esc to the browser in full screen (it leaves full screen; the viewer stays)', async () => {
    const { user, viewer } = await openDriveway();
    const requestFullscreen = vi.fn(() => Promise.resolve());
    const frame = viewer.querySelector('.live-frame') as HTMLElement;
    frame.requestFullscreen = requestFullscreen;
    await user.click(within(viewer).getByRole('button', { name: 'Full screen' }));
    expect(requestFullscreen).toHaveBeenCalled();
    Object.defineProperty(document, 'fullscreenElement', { value: frame, configurable: true });
    try {
      await user.keyboard('{Escape}');
      expect(screen.getByRole('region', { name: 'Driveway live' })).toBeTruthy();
    } finally {
      Object.defineProperty(document, 'fullscreenElement', { value: null, configurable: true });
    }
  });

  it('offers Retry after "Connection failed", which starts a new session', async () => {
    const { user, viewer } = await openDriveway();
    act(() => lastPc().setState('failed'));
    await waitFor(() => expect(bridge.on('live:restart')).toHaveLength(1));
    act(() => bridge.emit({ sessionId: 's1', kind: 'ready', iceServers: [] }));
    await waitFor(() => expect(FakePeerConnection.all).toHaveLength(2));
    act(() => lastPc().setState('failed'));
    const status = within(viewer).getByRole('status');
    await waitFor(() => expect(status.textContent).toBe('Connection failed'));
    await user.click(within(viewer).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(bridge.on('live:start')).toHaveLength(2));
    expect(status.textContent).toBe('Connecting…');
  });

  it('shows the frame rate and round-trip time from getStats(), read every second', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { viewer } = await openDriveway();
    lastPc().stats = new Map<string, unknown>([
      ['T', { type: 'transport', selectedCandidatePairId: 'P' }],
      ['P', { type: 'candidate-pair', id: 'P', currentRoundTripTime: 0.0234 }],
      ['V', { type: 'inbound-rtp', kind: 'video', framesPerSecond: 14.8 }],
    ]);
    await act(() => vi.advanceTimersByTimeAsync(1000));
    await waitFor(() => expect(within(viewer).getByText('15 fps')).toBeTruthy());
    expect(within(viewer).getByText('23 ms')).toBeTruthy();
  });
});

describe('saving a snapshot', () => {
  let drawn: unknown[][];
  beforeEach(() => {
    drawn = [];
    const getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext');
    getContext.mockImplementation(function (this: HTMLCanvasElement) {
      const { width, height } = this;
      const context = { drawImage: (...args: unknown[]) => drawn.push([width, height, ...args]) };
      return context as unknown as CanvasRenderingContext2D;
    } as unknown as HTMLCanvasElement['getContext']);
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((done) =>
      done(new Blob(['png!'], { type: 'image/png' })),
    );
  });
  afterEach(() => vi.restoreAllMocks());

  it('draws the frame at the video’s own size and says where main saved it', async () => {
    bridge.answers['live:save-snapshot'] = () => ({
      ok: true,
      value: { kind: 'saved', fileName: 'Driveway 2026-11-27 15-40-00.png' },
    });
    const { user, viewer, video } = await openDriveway();
    const save = within(viewer).getByRole('button', { name: 'Save snapshot' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    act(() => decodeFrame(video, 1280, 720));
    await user.click(save);
    await within(viewer).findByText('Saved Driveway 2026-11-27 15-40-00.png');
    expect(drawn[0]?.slice(0, 3)).toEqual([1280, 720, video]);
    expect(bridge.on('live:save-snapshot')).toEqual([{ mac: 'A1', pngBase64: btoa('png!') }]);
    expect(useStore.getState().announcement).toBe('Saved Driveway 2026-11-27 15-40-00.png');
  });

  it('downloads the page’s own PNG when main leaves it to the page (the browser preview)', async () => {
    bridge.answers['live:save-snapshot'] = () => ({
      ok: true,
      value: { kind: 'download', fileName: 'Driveway.png' },
    });
    const createObjectURL = vi.fn<(blob: Blob) => string>(() => 'blob:snapshot');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    const { user, viewer, video } = await openDriveway();
    act(() => decodeFrame(video, 640, 360));
    await user.click(within(viewer).getByRole('button', { name: 'Save snapshot' }));
    await within(viewer).findByText('Downloaded Driveway.png');
    expect(clicked.map((a) => [a.download, a.href])).toEqual([['Driveway.png', 'blob:snapshot']]);
    expect(createObjectURL.mock.calls[0]?.[0].type).toBe('image/png');
  });

  it('says it could not be made when the frame cannot be encoded, and sends main nothing', async () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((done) => done(null));
    const { user, viewer, video } = await openDriveway();
    act(() => decodeFrame(video, 16384, 16384));
    await user.click(within(viewer).getByRole('button', { name: 'Save snapshot' }));
    await within(viewer).findByText('The snapshot could not be made.');
    expect(bridge.on('live:save-snapshot')).toEqual([]);
  });

  it('says why when main refuses it, and nothing when the user cancels', async () => {
    const answers = [
      { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'That is not a PNG picture.' } },
      { ok: true, value: { kind: 'cancelled' } },
    ];
    bridge.answers['live:save-snapshot'] = () => answers.shift();
    const { user, viewer, video } = await openDriveway();
    act(() => decodeFrame(video, 640, 360));
    const save = within(viewer).getByRole('button', { name: 'Save snapshot' });
    await user.click(save);
    await within(viewer).findByText('That is not a PNG picture.');
    await user.click(save);
    await waitFor(() =>
      expect(within(viewer).queryByText('That is not a PNG picture.')).toBeNull(),
    );
  });
});

describe('the live wall', () => {
  it('shows up to 4 chosen cameras side by side, and says why it takes no fifth', async () => {
    const user = userEvent.setup();
    render(<Screen />);
    await user.click(screen.getByRole('button', { name: 'Live wall' }));
    const wall = await screen.findByRole('dialog', { name: 'Live wall' });
    const box = (name: string) =>
      within(wall).getByRole('checkbox', { name: `Show ${name} on the wall` }) as HTMLInputElement;
    expect(box('Garage').disabled).toBe(true);
    expect(box('Nursery').disabled).toBe(true);
    // Each choice names the model too: two cameras may share a name.
    expect(box('Driveway').closest('label')?.textContent).toContain('Wyze Cam v3');
    for (const name of ['Driveway', 'Porch', 'Yard', 'Shed']) await user.click(box(name));
    for (const name of ['Driveway', 'Porch', 'Yard', 'Shed']) {
      expect(within(wall).getByRole('region', { name: `${name} live` })).toBeTruthy();
    }
    expect(box('Attic').disabled).toBe(true);
    const why = document.getElementById(box('Attic').getAttribute('aria-describedby') ?? '');
    expect(why?.textContent).toMatch(/at most 4 cameras/);
    await waitFor(() => expect(bridge.on('live:start')).toHaveLength(4));

    // A tile's Close takes it off the wall, which makes room again.
    const porch = within(wall).getByRole('region', { name: 'Porch live' });
    await user.click(within(porch).getByRole('button', { name: 'Close live view' }));
    expect(box('Porch').checked).toBe(false);
    expect(box('Attic').disabled).toBe(false);

    await user.click(within(wall).getByRole('button', { name: 'Close live wall' }));
    expect(screen.queryByRole('dialog', { name: 'Live wall' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Live wall' }));
    await waitFor(() => expect(bridge.on('live:stop')).toHaveLength(4));
  });

  it('offers every camera whatever the list’s search and filters, narrowed by its own search', async () => {
    useStore.getState().setViewPrefs({ search: 'Garage' });
    useStore.getState().setFilter('status', 'offline');
    const user = userEvent.setup();
    render(<Screen />);
    await user.click(screen.getByRole('button', { name: 'Live wall' }));
    const wall = await screen.findByRole('dialog', { name: 'Live wall' });
    const offered = () =>
      within(wall)
        .getAllByRole('checkbox')
        .map((box) => box.getAttribute('aria-label'));
    expect(offered()).toHaveLength(CAMS.length);
    await user.type(
      within(wall).getByRole('searchbox', { name: 'Find a camera for the wall' }),
      'yard',
    );
    expect(offered()).toEqual(['Show Yard on the wall']);
  });

  it('closes with Esc', async () => {
    const user = userEvent.setup();
    render(<Screen />);
    await user.click(screen.getByRole('button', { name: 'Live wall' }));
    await screen.findByRole('dialog', { name: 'Live wall' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Live wall' })).toBeNull();
  });
});
