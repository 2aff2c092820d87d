import { Profiler } from 'react';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LastEvent as LastEventState } from '../../../common/watch';
import { App } from '../../App';
import { initialState, useStore } from '../../store';
import { device, installFakeBridge, list, session, snapshot } from '../../test-support';
import { T0 } from './events-fakes';
import { LastEvent } from './LastEvent';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(T0);
  useStore.setState(initialState());
  installFakeBridge();
  useStore.getState().setSession(session());
  useStore
    .getState()
    .receiveCameras(
      snapshot(list([device({ mac: 'A1', name: 'Porch' }), device({ mac: 'B2', name: 'Garage' })])),
    );
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Main's watch state with these newest events (new objects each time, as IPC delivers them). */
function pushLastEvents(lastEvents: Record<string, LastEventState>): void {
  act(() =>
    useStore.setState((s) => ({
      watch: { ...s.watch, lastEvents: structuredClone(lastEvents) },
    })),
  );
}

const rowHeader = (name: string) =>
  screen.getAllByRole('rowheader').find((h) => h.textContent?.startsWith(name));

describe('the last event in the camera list', () => {
  it('says "Motion 4 min ago" under the camera’s name, and keeps the time current', () => {
    render(<App />);
    pushLastEvents({ A1: { kind: 'motion', label: 'Motion', at: T0 - 4 * 60_000 } });
    expect(rowHeader('Porch')?.textContent).toContain('Last event: Motion 4 min ago');
    expect(rowHeader('Garage')?.textContent).not.toContain('Last event');
    act(() => vi.advanceTimersByTime(60_000));
    expect(rowHeader('Porch')?.textContent).toContain('Last event: Motion 5 min ago');
    pushLastEvents({ A1: { kind: 'person', label: 'Person', at: T0 + 60_000 } });
    expect(rowHeader('Porch')?.textContent).toContain('Last event: Person just now');
  });

  it('draws a camera’s event again only when that camera’s event changed', () => {
    const renders = vi.fn();
    render(
      <Profiler id="porch" onRender={renders}>
        <LastEvent mac="A1" />
      </Profiler>,
    );
    const porch = { kind: 'motion', label: 'Motion', at: T0 - 60_000 };
    pushLastEvents({ A1: porch });
    const after = renders.mock.calls.length;
    pushLastEvents({ A1: porch, B2: { kind: 'sound', label: 'Sound', at: T0 } });
    pushLastEvents({ A1: porch, B2: { kind: 'sound', label: 'Sound', at: T0 + 1 } });
    expect(renders.mock.calls.length).toBe(after);
    pushLastEvents({ A1: { ...porch, at: T0 } });
    expect(renders.mock.calls.length).toBe(after + 1);
  });
});
