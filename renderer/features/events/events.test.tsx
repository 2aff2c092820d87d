import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDateTime, formatMoment } from '../../format';
import { initialState, useStore } from '../../store';
import { connectCameraEvents } from '../../store/camera-events';
import { device, list, session, snapshot } from '../../test-support';
import CameraEventsSection from './CameraEventsSection';
import { cameraEvent, installEventsBridge, nthCall, T0 } from './events-fakes';
import type { EventsCall } from './events-fakes';
import EventsView from './EventsView';

let calls: EventsCall[] = [];
let disconnect: () => void = () => undefined;
beforeEach(() => {
  // Only Date is faked: the view's "4 min ago" reads T0, and the test's waits still run.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  useStore.setState(initialState());
  calls = installEventsBridge();
  useStore.getState().setSession(session());
  useStore
    .getState()
    .receiveCameras(
      snapshot(
        list([
          device({ mac: 'A1', name: 'Porch' }),
          device({ mac: 'B2', name: 'Garage' }),
          device({ mac: 'P4', name: 'Plug', isCamera: false }),
        ]),
      ),
    );
  disconnect = connectCameraEvents();
});
afterEach(() => {
  cleanup();
  disconnect();
  vi.useRealTimers();
});

const at = (minutesAgo: number) => formatMoment(T0 - minutesAgo * 60_000, T0);
const withClip = (id: string, minutesAgo: number) =>
  cameraEvent(id, { minutesAgo, clip: `/event-media/${id}/clip.mp4` });

describe('Events view', () => {
  it('shows the account’s events, newest first, with picture, label, camera and time', async () => {
    render(<EventsView />);
    expect(screen.getByRole('heading', { name: 'Events' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Loading events…');
    expect(nthCall(calls, 0).query).toMatchObject({ mac: null, before: null });
    nthCall(calls, 0).answer({
      events: [
        cameraEvent('e2', { minutesAgo: 4 }),
        cameraEvent('e1', { minutesAgo: 90, mac: 'B2', cameraName: 'Garage', label: 'Person' }),
        cameraEvent('e0', { minutesAgo: 3 * 24 * 60 }),
      ],
      nextBefore: null,
    });
    const events = await screen.findByRole('list', { name: 'Events, newest first' });
    const cards = within(events).getAllByRole('listitem');
    expect(cards).toHaveLength(3);
    const picture = within(cards[0] as HTMLElement).getByRole('img', {
      name: `Motion at Porch, ${at(4)}`,
    });
    expect(picture.getAttribute('src')).toBe('/event-media/e2/picture.jpg');
    expect(cards[0]?.textContent).toContain('4 min ago');
    const time = (cards[1] as HTMLElement).querySelector('time');
    expect(time?.getAttribute('datetime')).toBe(new Date(T0 - 90 * 60_000).toISOString());
    expect(time?.textContent).toBe(`1 h ago · ${formatDateTime(T0 - 90 * 60_000)}`);
    const old = (cards[2] as HTMLElement).querySelector('time');
    expect(old?.textContent).toBe(formatDateTime(T0 - 3 * 24 * 60 * 60_000));
    expect(cards[1]?.textContent).toContain('Person');
    expect(cards[1]?.textContent).toContain('Garage');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('plays a clip in place, and Esc closes it with focus back on "Play clip"', async () => {
    const user = userEvent.setup();
    render(<EventsView />);
    nthCall(calls, 0).answer({
      events: [withClip('e2', 4), cameraEvent('e1', { minutesAgo: 9 })],
      nextBefore: null,
    });
    const play = await screen.findByRole('button', {
      name: `Play clip: Motion at Porch, ${at(4)}`,
    });
    expect(screen.getAllByRole('button', { name: /^Play clip/ })).toHaveLength(1);
    await user.click(play);
    const video = screen.getByLabelText(`Clip: Motion at Porch, ${at(4)}`);
    expect(video.tagName).toBe('VIDEO');
    expect(video.getAttribute('src')).toBe('/event-media/e2/clip.mp4');
    expect(video.hasAttribute('controls')).toBe(true);
    // Focus is in the clip: on the video where the browser can focus it (jsdom cannot), else on
    // "Close clip".
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close clip' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByLabelText(/^Clip:/)).toBeNull();
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: `Play clip: Motion at Porch, ${at(4)}` }),
    );
    await user.click(screen.getByRole('button', { name: /^Play clip/ }));
    await user.click(screen.getByRole('button', { name: 'Close clip' }));
    expect(screen.queryByLabelText(/^Clip:/)).toBeNull();

    // Esc elsewhere on the screen closes it too, and leaves focus where the user is.
    await user.click(screen.getByRole('button', { name: /^Play clip/ }));
    const filter = screen.getByRole('combobox', { name: 'Camera' });
    filter.focus();
    await user.keyboard('{Escape}');
    expect(screen.queryByLabelText(/^Clip:/)).toBeNull();
    expect(document.activeElement).toBe(filter);
  });

  it('loads older events by nextBefore; when none are left, focus goes to the first one added', async () => {
    const user = userEvent.setup();
    render(<EventsView />);
    nthCall(calls, 0).answer({ events: [cameraEvent('e3', { minutesAgo: 1 })], nextBefore: 500 });
    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(nthCall(calls, 1).query).toMatchObject({ mac: null, before: 500 });
    expect(
      screen.getByRole('button', { name: 'Loading more…' }).getAttribute('aria-disabled'),
    ).toBe('true');
    await act(async () => {
      nthCall(calls, 1).answer({
        events: [cameraEvent('e2', { minutesAgo: 2 }), cameraEvent('e1', { minutesAgo: 3 })],
        nextBefore: null,
      });
    });
    const cards = within(screen.getByRole('list', { name: 'Events, newest first' })).getAllByRole(
      'listitem',
    );
    expect(cards.map((c) => c.getAttribute('data-event-id'))).toEqual(['e3', 'e2', 'e1']);
    expect(screen.queryByRole('button', { name: /Load more/ })).toBeNull();
    expect(document.activeElement).toBe(cards[1]);
  });

  it('says when there are no events, and shows an error with Retry', async () => {
    const user = userEvent.setup();
    render(<EventsView />);
    nthCall(calls, 0).answer({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'Wyze asked the app to slow down.' },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Wyze asked the app to slow down.');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    nthCall(calls, 1).answer({ events: [], nextBefore: null });
    expect(await screen.findByText('No events in the last 30 days')).toBeTruthy();
  });

  it('filters by camera: all cameras, or one of the account’s cameras', async () => {
    const user = userEvent.setup();
    render(<EventsView />);
    const filter = screen.getByRole('combobox', { name: 'Camera' });
    expect(
      within(filter)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All cameras', 'Garage', 'Porch']);
    await user.selectOptions(filter, 'Porch');
    expect(nthCall(calls, 1).query).toMatchObject({ mac: 'A1', before: null });
    nthCall(calls, 1).answer({ events: [cameraEvent('p1', { minutesAgo: 5 })], nextBefore: null });
    const events = await screen.findByRole('list', { name: 'Events, newest first' });
    expect(within(events).getAllByRole('listitem')[0]?.textContent).not.toContain('Porch');
    await user.selectOptions(filter, 'All cameras');
    expect(calls).toHaveLength(2);
    expect(screen.getByRole('status').textContent).toBe('Loading events…');
  });

  it('offers new events after main’s poll found some, without taking focus', async () => {
    const user = userEvent.setup();
    render(<EventsView />);
    nthCall(calls, 0).answer({ events: [cameraEvent('e1', { minutesAgo: 10 })], nextBefore: null });
    const filter = screen.getByRole('combobox', { name: 'Camera' });
    await screen.findByRole('list', { name: 'Events, newest first' });
    filter.focus();
    act(() =>
      useStore.setState((s) => ({
        watch: { ...s.watch, eventsRevision: s.watch.eventsRevision + 1 },
      })),
    );
    nthCall(calls, 1).answer({
      events: [
        cameraEvent('e3', { minutesAgo: 1 }),
        cameraEvent('e2', { minutesAgo: 2 }),
        cameraEvent('e1', { minutesAgo: 10 }),
      ],
      nextBefore: null,
    });
    const show = await screen.findByRole('button', { name: '2 new events — show' });
    expect(document.activeElement).toBe(filter);
    const events = screen.getByRole('list', { name: 'Events, newest first' });
    expect(within(events).getAllByRole('listitem')).toHaveLength(1);
    await user.click(show);
    expect(
      within(events)
        .getAllByRole('listitem')
        .map((c) => c.getAttribute('data-event-id')),
    ).toEqual(['e3', 'e2', 'e1']);
    expect(screen.queryByRole('button', { name: /new event/ })).toBeNull();
  });
});

describe('an event card with little or odd data', () => {
  it.each([
    [
      'no picture',
      cameraEvent('n1', { minutesAgo: 2, picture: null }),
      { img: `Motion at Porch, ${at(2)}: no picture`, text: 'No picture' },
    ],
    [
      'a camera no longer on the account',
      cameraEvent('n2', { minutesAgo: 2, cameraName: '' }),
      { img: `Motion at a removed camera, ${at(2)}`, text: 'a removed camera' },
    ],
    [
      'a time that cannot be shown',
      cameraEvent('n3', { at: Number.NaN }),
      { img: 'Motion at Porch, unknown', text: 'unknown' },
    ],
    [
      'a cloud label of its own',
      cameraEvent('n4', { minutesAgo: 2, kind: 'other', label: 'Glass break' }),
      { img: `Glass break at Porch, ${at(2)}`, text: 'Glass break' },
    ],
  ])('shows %s plainly', async (_, event, expected) => {
    render(<EventsView />);
    nthCall(calls, 0).answer({ events: [event], nextBefore: null });
    const card = within(
      await screen.findByRole('list', { name: 'Events, newest first' }),
    ).getByRole('listitem');
    expect(within(card).getByRole('img', { name: expected.img })).toBeTruthy();
    expect(card.textContent).toContain(expected.text);
  });

  it('says so when a picture or a clip cannot be loaded', async () => {
    const user = userEvent.setup();
    render(<EventsView />);
    nthCall(calls, 0).answer({ events: [withClip('e1', 3)], nextBefore: null });
    const picture = await screen.findByRole('img', { name: `Motion at Porch, ${at(3)}` });
    fireEvent.error(picture);
    expect(
      screen.getByRole('img', { name: `Motion at Porch, ${at(3)}: no picture` }).textContent,
    ).toBe('Picture not available');
    await user.click(screen.getByRole('button', { name: /^Play clip/ }));
    fireEvent.error(screen.getByLabelText(/^Clip:/));
    expect(screen.getByRole('alert').textContent).toBe('The clip could not be played.');
  });
});

describe('a camera’s events in its details pane', () => {
  it('shows its newest six and leads to the Events view for that camera', async () => {
    const user = userEvent.setup();
    render(<CameraEventsSection mac="A1" name="Porch" />);
    expect(nthCall(calls, 0).query).toMatchObject({ mac: 'A1', before: null });
    nthCall(calls, 0).answer({
      events: Array.from({ length: 8 }, (_, i) =>
        i === 0 ? withClip('c0', 1) : cameraEvent(`c${i}`, { minutesAgo: i + 1 }),
      ),
      nextBefore: 99,
    });
    const events = await screen.findByRole('list', { name: 'Newest events from Porch' });
    expect(within(events).getAllByRole('listitem')).toHaveLength(6);
    await user.click(screen.getByRole('button', { name: /^Play clip/ }));
    expect(screen.getByLabelText(`Clip: Motion at Porch, ${at(1)}`)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show all events for Porch' }));
    expect(useStore.getState().eventsCamera).toBe('A1');
    expect(useStore.getState().appView).toBe('events');
  });

  it('keeps the video’s arrow keys and the clip’s Esc from the details pane around it', async () => {
    const user = userEvent.setup();
    const paneKeys = vi.fn();
    render(
      <div onKeyDown={(e) => paneKeys(e.key)}>
        <CameraEventsSection mac="A1" name="Porch" />
      </div>,
    );
    nthCall(calls, 0).answer({ events: [withClip('c0', 1)], nextBefore: null });
    await user.click(await screen.findByRole('button', { name: /^Play clip/ }));
    const video = screen.getByLabelText(`Clip: Motion at Porch, ${at(1)}`);
    fireEvent.keyDown(video, { key: 'ArrowDown' });
    fireEvent.keyDown(video, { key: 'ArrowUp' });
    fireEvent.keyDown(video, { key: 'Escape' });
    expect(paneKeys).not.toHaveBeenCalled();
    expect(screen.queryByLabelText(/^Clip:/)).toBeNull();
    // With the clip closed, Esc is the pane's again.
    await user.keyboard('{Escape}');
    expect(paneKeys).toHaveBeenCalledWith('Escape');
  });

  it('puts new events on top at once', async () => {
    render(<CameraEventsSection mac="A1" name="Porch" />);
    nthCall(calls, 0).answer({ events: [cameraEvent('c1', { minutesAgo: 5 })], nextBefore: null });
    const events = await screen.findByRole('list', { name: 'Newest events from Porch' });
    act(() =>
      useStore.setState((s) => ({
        watch: { ...s.watch, eventsRevision: s.watch.eventsRevision + 1 },
      })),
    );
    nthCall(calls, 1).answer({
      events: [cameraEvent('c2', { minutesAgo: 1 }), cameraEvent('c1', { minutesAgo: 5 })],
      nextBefore: null,
    });
    await vi.waitFor(() => expect(within(events).getAllByRole('listitem')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: /new event/ })).toBeNull();
  });
});
