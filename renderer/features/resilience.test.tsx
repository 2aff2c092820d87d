import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CameraListView } from '../../common/view';
import { App } from '../App';
import { formatDateTime } from '../format';
import { initialState, useStore } from '../store';
import { device, installFakeBridge, list, session, snapshot } from '../test-support';
import { ErrorBoundary } from './shell/ErrorBoundary';

beforeEach(() => {
  useStore.setState(initialState());
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const showCameras = (view: CameraListView) => useStore.getState().receiveCameras(snapshot(view));

/** React reports caught render errors on the console; these tests cause them on purpose. */
const quietRenderErrors = () => vi.spyOn(console, 'error').mockImplementation(() => undefined);

describe('times that cannot be shown', () => {
  it.each([1e17, -1e17, Number.NaN, Number.POSITIVE_INFINITY])(
    'a camera offline since %s renders and says "unknown"',
    (statusChangedAt) => {
      installFakeBridge();
      useStore.getState().setSession(session());
      showCameras(list([device({ mac: 'A', name: 'Porch', online: false, statusChangedAt })]));
      render(<App />);
      const row = screen.getByRole('row', { name: /Porch/ });
      expect(row.textContent).toContain('Offline since unknown');
      expect(document.body.textContent).not.toContain('Invalid Date');
    },
  );

  it('a list fetched at an impossible time renders "Updated at an unknown time"', () => {
    installFakeBridge();
    useStore.getState().setSession(session());
    showCameras(list([device()], { fetchedAt: 1e17, rateLimitedUntil: 1e17 }));
    render(<App />);
    expect(screen.getByText(/Updated at an unknown time/)).toBeTruthy();
    expect(screen.getByText(/paused until unknown/)).toBeTruthy();
  });

  it('a rate limit that lifts on another day shows its date; one that lifts today, its time', () => {
    installFakeBridge();
    useStore.getState().setSession(session());
    const later = Date.now() + 3 * 86_400_000;
    showCameras(list([device()], { rateLimitedUntil: later }));
    const { unmount } = render(<App />);
    expect(screen.getByText(/paused until/).textContent).toContain(formatDateTime(later));
    unmount();
    const soon = new Date();
    soon.setHours(23, 59, 0, 0);
    showCameras(list([device()], { rateLimitedUntil: soon.getTime() }));
    render(<App />);
    const text = screen.getByText(/paused until/).textContent ?? '';
    expect(text).not.toContain(String(soon.getFullYear()));
  });
});

describe('error boundary', () => {
  function Boom(): never {
    throw new Error('render failed at Secret.tsx:1');
  }

  it('shows a plain message with "Reset cached data" and "Sign out" instead of a blank page', async () => {
    quietRenderErrors();
    const calls = installFakeBridge({
      'cameras:reset-cache': { ok: true, value: list([]) },
      'session:sign-out': { ok: true, value: session({ status: 'signedOut' }) },
    });
    render(
      <ErrorBoundary>
        <Boom />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('heading', { name: 'Something here could not be shown' })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Secret\.tsx|render failed/);
    await userEvent.click(screen.getByRole('button', { name: 'Reset cached data' }));
    expect(calls).toContainEqual(['cameras:reset-cache', undefined]);
    // Still broken after the reset: the way out stays on screen.
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(calls).toContainEqual(['session:sign-out', undefined]);
  });

  it('tries the screens again once a way out worked', async () => {
    quietRenderErrors();
    installFakeBridge({ 'cameras:reset-cache': { ok: true, value: list([]) } });
    let broken = true;
    function Flaky() {
      if (broken) throw new Error('bad data');
      return <p>Cameras again</p>;
    }
    render(
      <ErrorBoundary>
        <Flaky />
      </ErrorBoundary>,
    );
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Reset cached data' }));
    expect(screen.getByText('Cameras again')).toBeTruthy();
  });

  it('says so when the way out fails, and keeps both buttons', async () => {
    quietRenderErrors();
    installFakeBridge({
      'cameras:reset-cache': { ok: false, error: { code: 'NETWORK', message: 'No connection.' } },
    });
    render(
      <ErrorBoundary>
        <Boom />
      </ErrorBoundary>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Reset cached data' }));
    expect(screen.getByRole('alert').textContent).toContain('No connection.');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('guards the whole app: a device the table cannot render does not blank the page', () => {
    quietRenderErrors();
    const calls = installFakeBridge();
    useStore.getState().setSession(session());
    // A value React cannot render where the row expects a number.
    const hostile = device({ battery: { level: 5 } as unknown as number });
    showCameras(list([hostile]));
    render(<App />);
    expect(screen.getByRole('button', { name: 'Reset cached data' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    // The failure goes to main's log file, never onto the page.
    const reports = calls.filter(([channel]) => channel === 'app:report-render-error');
    expect(reports.length).toBeGreaterThan(0);
    expect(JSON.stringify(reports[0]?.[1])).toMatch(/CameraRow|Objects are not valid/);
  });
});

describe('long values', () => {
  it('cuts a 10 kB nickname in its cell, keeps it whole on hover and focus, and short in labels', async () => {
    installFakeBridge();
    useStore.getState().setSession(session());
    const nickname = 'N'.repeat(10_000);
    showCameras(list([device({ mac: 'A', name: nickname, firmware: 'F'.repeat(500) })]));
    render(<App />);
    const header = screen.getByRole('rowheader');
    const name = within(header).getByTitle(nickname);
    expect(name.textContent).toBe(nickname);
    expect(name.className).toContain('clip');
    await userEvent.tab();
    while (document.activeElement !== name && document.activeElement !== document.body) {
      await userEvent.tab();
    }
    expect(document.activeElement).toBe(name);
    const copy = screen.getByRole('button', { name: /^Copy MAC of N+…$/ });
    expect(copy.getAttribute('aria-label')?.length).toBeLessThan(100);
    expect(screen.getByTitle('F'.repeat(500))).toBeTruthy();
  });

  it('shows a short value its column cuts whole on hover, and only while hovered', async () => {
    installFakeBridge();
    useStore.getState().setSession(session());
    showCameras(list([device({ mac: 'A', name: 'Porch', firmware: '4.36.11.7095-beta' })]));
    render(<App />);
    const firmware = screen.getByText('4.36.11.7095-beta');
    const name = within(screen.getByRole('rowheader')).getByText('Porch');
    // The page's test environment has no layout: the firmware is cut, the name fits.
    Object.defineProperty(firmware, 'scrollWidth', { value: 180 });
    Object.defineProperty(firmware, 'clientWidth', { value: 120 });
    fireEvent.pointerOver(firmware);
    expect(firmware.getAttribute('title')).toBe('4.36.11.7095-beta');
    fireEvent.pointerOut(firmware);
    expect(firmware.getAttribute('title')).toBeNull();
    fireEvent.pointerOver(name);
    expect(name.getAttribute('title')).toBeNull();
    // The element passes to another camera's value (a scroll reuses it): the title goes.
    fireEvent.pointerOver(firmware);
    expect(firmware.getAttribute('title')).toBe('4.36.11.7095-beta');
    act(() => {
      (firmware.firstChild as Text).data = '4.40.0.1';
    });
    await waitFor(() => expect(firmware.getAttribute('title')).toBeNull());
    // A cut model's name: its code (the tooltip of the abbreviation around it) is said too.
    const model = screen.getByText('Wyze Cam v3');
    Object.defineProperty(model, 'scrollWidth', { value: 180 });
    Object.defineProperty(model, 'clientWidth', { value: 120 });
    fireEvent.pointerOver(model);
    expect(model.getAttribute('title')).toBe('Wyze Cam v3 (WYZE_CAKP2JFUS)');
  });

  it('shows a cut last event and a status past its two lines whole on hover', async () => {
    installFakeBridge();
    useStore.getState().setSession(session());
    showCameras(list([device({ mac: 'A', name: 'Porch', online: false })]));
    render(<App />);
    act(() =>
      useStore.setState((s) => ({
        watch: {
          ...s.watch,
          lastEvents: { A: { kind: 'motion', label: 'Motion', at: Date.now() - 4 * 60_000 } },
        },
      })),
    );
    const event = screen.getByText(/Motion 4 min ago/);
    Object.defineProperty(event, 'scrollWidth', { value: 180 });
    Object.defineProperty(event, 'clientWidth', { value: 60 });
    fireEvent.pointerOver(event);
    // What it shows, not what only a screen reader hears before it ("Last event: ").
    expect(event.getAttribute('title')).toBe('Motion 4 min ago');
    // Its time moves on while the pointer stays over it: the tooltip follows.
    const matches = event.matches.bind(event);
    vi.spyOn(event, 'matches').mockImplementation((s) => s === ':hover' || matches(s));
    const last = event.lastChild as Text;
    act(() => {
      last.data = last.data.replace('4 min', '5 min');
    });
    await waitFor(() => expect(event.getAttribute('title')).toBe('Motion 5 min ago'));
    fireEvent.pointerOut(event);
    expect(event.getAttribute('title')).toBeNull();
    const status = within(screen.getAllByRole('row')[1] as HTMLElement).getByText(/^Offline/);
    fireEvent.pointerOver(status);
    expect(status.getAttribute('title')).toBeNull();
    Object.defineProperty(status, 'scrollHeight', { value: 60 });
    Object.defineProperty(status, 'clientHeight', { value: 36 });
    fireEvent.pointerOut(status);
    fireEvent.pointerOver(status);
    expect(status.getAttribute('title')).toBe(status.textContent);
  });

  it('leaves short values alone: no title, no extra tab stop', () => {
    installFakeBridge();
    useStore.getState().setSession(session());
    showCameras(list([device({ mac: 'A', name: 'Porch' })]));
    render(<App />);
    const name = within(screen.getByRole('rowheader')).getByText('Porch');
    expect(name.getAttribute('title')).toBeNull();
    expect(name.getAttribute('tabindex')).toBeNull();
  });
});
