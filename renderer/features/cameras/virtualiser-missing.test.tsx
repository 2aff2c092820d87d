import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { App } from '../../App';
import { useStore } from '../../store';
import { device, list, snapshot } from '../../test-support';
import { setUpTable } from './test-layout';

// A broken install: the virtualiser's chunk is not there.
vi.mock('./VirtualWindow', () => {
  throw new Error('chunk missing');
});

let tearDown: () => void;
beforeEach(() => {
  tearDown = setUpTable();
  vi.spyOn(console, 'error').mockImplementation(() => undefined); // React logs the caught error
});
afterEach(() => {
  tearDown();
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
