import { useEffect, useState } from 'react';

/**
 * False on the first render, true once the frame after it has been painted (at once in a hidden
 * page, which paints nothing). Work the first screen does not show waits for it, so the first
 * rows of a long list are painted sooner (scripts/README.md, "The benchmark").
 */
export function usePainted(): boolean {
  const [painted, setPainted] = useState(() => document.visibilityState !== 'visible');
  useEffect(() => {
    if (painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [painted]);
  return painted;
}
