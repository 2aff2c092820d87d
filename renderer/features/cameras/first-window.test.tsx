import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { App } from '../../App';
import { useStore } from '../../store';
import { device, list, snapshot } from '../../test-support';
import { setUpTable } from './test-layout';

// Its own file: once VirtualWindow has loaded it stays loaded, and this is about before.
let tearDown: () => void;
beforeEach(() => {
  tearDown = setUpTable();
});
afterEach(() => {
  tearDown();
});

const table = () => screen.getByRole('table', { name: 'Cameras' });
const bodyRows = () => within(table()).getAllByRole('row').slice(1);
const focusedRow = () => document.activeElement?.getAttribute('aria-rowindex');

it('keys before the virtualiser loads stay on the rows drawn, and focus survives its arrival', async () => {
  const cameras = Array.from({ length: 5000 }, (_, i) =>
    device({ mac: `M${String(i).padStart(5, '0')}`, name: `Camera ${i + 1}` }),
  );
  useStore.getState().receiveCameras(snapshot(list(cameras)));
  render(<App />);
  const first = bodyRows()[0] as HTMLElement;
  act(() => first.focus());
  // End reaches the last row drawn, not row 5,000 (which is not in the page yet).
  act(() => {
    fireEvent.keyDown(first, { key: 'End' });
  });
  const last = bodyRows()[bodyRows().length - 1];
  expect(focusedRow()).toBe(last?.getAttribute('aria-rowindex'));
  const before = Number(focusedRow());
  // The virtualiser draws to the list's height, shorter than the window the first rows filled:
  // the focused row stays drawn and keeps focus.
  await act(async () => {
    await import('./VirtualWindow');
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  expect(focusedRow()).toBe(String(before));
  act(() => {
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  expect(focusedRow()).toBe(String(before + 1));
  expect(bodyRows().filter((r) => r.tabIndex === 0)).toHaveLength(1);
});
