import { act, render, screen, within } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { App } from '../../App';
import { useStore } from '../../store';
import type { ListRow } from '../../store/selectors';
import { device, list, snapshot } from '../../test-support';
import { ROW_HEIGHT } from './table-rows';
import type { RowWindow } from './table-rows';
import { setUpTable } from './test-layout';

// Its own file: once VirtualWindow has loaded it stays loaded, and this is about its arrival.
let tearDown: () => void;
beforeEach(() => {
  tearDown = setUpTable();
});
afterEach(() => {
  tearDown();
});

it('a list scrolled before the virtualiser arrives stays where the user put it', async () => {
  const cameras = Array.from({ length: 5000 }, (_, i) =>
    device({
      mac: `M${String(i).padStart(5, '0')}`,
      name: `Camera ${String(i + 1).padStart(4, '0')}`,
    }),
  );
  useStore.getState().receiveCameras(snapshot(list(cameras)));
  render(<App />);
  const table = screen.getByRole('table', { name: 'Cameras' });
  const scroller = table.closest('.table-wrap') as HTMLElement;
  act(() => scroller.scrollTo({ top: 2000 }));
  await act(async () => {
    await import('./VirtualWindow');
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  expect(scroller.scrollTop).toBe(2000);
  // The virtualiser draws the rows at that offset (ROW_HEIGHT rows, under the header).
  const indexes = within(table)
    .getAllByRole('row')
    .map((r) => Number(r.getAttribute('aria-rowindex')));
  expect(Math.max(...indexes)).toBeGreaterThan(2000 / ROW_HEIGHT);
});

it('a scroll between the virtualiser rendering and attaching is kept too', async () => {
  const { default: VirtualWindow } = await import('./VirtualWindow');
  const rows = Array.from({ length: 5000 }, (_, i) => ({
    kind: 'camera' as const,
    mac: `M${i}`,
  })) as unknown as ListRow[];
  const scrollRef = createRef<HTMLDivElement>();
  const windows: RowWindow[] = [];
  // React may yield between rendering a component and committing it (a Suspense retry is
  // time-sliced): this sibling, rendered after the virtualiser and before the commit, is the user
  // scrolling in that gap.
  function ScrollsNow() {
    scrollRef.current?.scrollTo({ top: 2000 });
    return null;
  }
  function Harness({ attached }: { attached: boolean }) {
    return (
      <div className="table-wrap" ref={scrollRef}>
        {attached && (
          <>
            <VirtualWindow
              rows={rows}
              scrollRef={scrollRef}
              headHeight={38}
              shown={null}
              onWindow={(w) => windows.push(w)}
              onVirtualizer={() => undefined}
            />
            <ScrollsNow />
          </>
        )}
      </div>
    );
  }
  const { rerender } = render(<Harness attached={false} />);
  rerender(<Harness attached />);
  expect(scrollRef.current?.scrollTop).toBe(2000);
  // The window it reports is the one at that offset, not at the top.
  expect(windows.at(-1)?.start).toBeGreaterThan(2000 / ROW_HEIGHT - 10);
});
