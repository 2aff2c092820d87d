import { startTransition, useEffect, useState } from 'react';
import { inFirstScreen } from '../../first-screen';

/**
 * False on the first render, true once the frame after it has been painted (at once in a hidden
 * page, which paints nothing). Work the first screen does not show waits for it, so the first
 * rows of a long list are painted sooner (scripts/README.md, "The benchmark"). A first screen
 * written into the page (renderer/first-screen.ts) was rendered with it false, so it is taken
 * over with it false too.
 */
export function usePainted(): boolean {
  const [painted, setPainted] = useState(
    () => !inFirstScreen() && document.visibilityState !== 'visible',
  );
  useEffect(() => {
    if (painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      // A transition: what waited is rendered in slices the page can answer input between
      // (5,000 filter values took 100 ms to render in one piece after the first rows).
      timer = setTimeout(() => startTransition(() => setPainted(true)), 0);
    };
    // A hidden page (a first screen taken over while hidden) has no frames to wait for.
    const frame = document.visibilityState === 'visible' ? requestAnimationFrame(done) : 0;
    if (!frame) done();
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [painted]);
  return painted;
}
