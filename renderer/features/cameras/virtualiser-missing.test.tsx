import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { App } from '../../App';
import { initialState, useStore } from '../../store';
import { device, installFakeBridge, list, session, snapshot } from '../../test-support';
import { mockLayout } from './test-layout';

// A broken install: the virtualiser's chunk is not there.
vi.mock('./VirtualWindow', () => {
  throw new Error('chunk missing');
});

let unmockLayout: () => void;
beforeEach(() => {
  useStore.setState(initialState());
  useStore.getState().setSession(session());
  installFakeBridge();
  unmockLayout = mockLayout();
  vi.spyOn(console, 'error').mockImplementation(() => undefined); // React logs the caught error
});
afterEach(() => {
  cleanup();
  unmockLayout();
  vi.restoreAllMocks();
});

it('without the virtualiser the table keeps its first rows and main hears why', async () => {
  const report = vi.spyOn(useStore.getState(), 'reportRenderError');
  const cameras = Array.from({ length: 50 }, (_, i) =>
    device({ mac: `M${String(i).padStart(5, '0')}`, name: `Camera ${i + 1}` }),
  );
  useStore.getState().receiveCameras(snapshot(list(cameras)));
  render(<App />);
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  const table = screen.getByRole('table', { name: 'Cameras' });
  expect(within(table).getAllByRole('rowheader').length).toBeGreaterThan(5);
  expect(screen.queryByText('Something here could not be shown')).toBeNull();
  expect(report).toHaveBeenCalled();
});
