import type { FirstScreenMark } from '../common/first-screen';

/**
 * While a first screen written into the page (common/first-screen.ts, docs/first-screen.md) is
 * rendered (in main) or taken over (in the page), components read the window height and the time
 * from its mark instead of from the window and the clock; afterwards they read those again.
 */
let current: FirstScreenMark | null = null;

/** Components read the mark's height and moment from now on (see above). */
export function beginFirstScreen(mark: FirstScreenMark): void {
  current = mark;
}

/** Components read the window and the clock again. */
export function endFirstScreen(): void {
  current = null;
}

/** Whether a first screen is being rendered or taken over right now. */
export const inFirstScreen = (): boolean => current !== null;

/** The window's height, or the first screen's while it is rendered or taken over. */
export const viewportHeight = (): number => current?.height ?? window.innerHeight;

/** The time now, or the first screen's moment while it is rendered or taken over. */
export const firstScreenNow = (): number => current?.renderedAt ?? Date.now();
