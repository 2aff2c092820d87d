import { hydrateRoot } from 'react-dom/client';
import type { ErrorInfo } from 'react';
import type { Root } from 'react-dom/client';
import { FIRST_SCREEN_ATTRIBUTE } from '../common/first-screen';
import type { FirstScreenMark } from '../common/first-screen';
import { app } from './app-element';
import { beginFirstScreen, endFirstScreen } from './first-screen';
import { keepFirstScreenState } from './store';

/** Ample time for React to take a first screen over, after which it no longer counts as one. */
export const TAKE_OVER_LIMIT_MS = 10_000;

/**
 * Hands the page to React, which from now on handles its events (a click on a part it has not yet
 * taken over makes it take that part over at once): the mark goes, and with it the rule that hid
 * the first screen's controls while nothing could answer them (styles.css, docs/first-screen.md).
 */
export function handOver(container: Element): void {
  container.removeAttribute(FIRST_SCREEN_ATTRIBUTE);
}

/**
 * Takes over the first screen main wrote into `container` (docs/first-screen.md), once the store
 * holds what main drew it from: React adopts the markup instead of drawing it again. Until the
 * screen is taken over, components read its mark's window height and moment and the store as it
 * is now (renderer/first-screen.ts, `keepFirstScreenState`). A part that does not match is drawn
 * afresh by React, and `onMismatch` hears where.
 */
export function takeOverFirstScreen(
  container: Element,
  mark: FirstScreenMark,
  onMismatch: (error: unknown, info: ErrorInfo) => void,
): Root {
  beginFirstScreen(mark);
  keepFirstScreenState();
  // Taken over, CamerasScreen ends it; should it never mount (an error screen instead), the page
  // still goes back to its own window and clock.
  setTimeout(endFirstScreen, TAKE_OVER_LIMIT_MS);
  const root = hydrateRoot(container, app, { onRecoverableError: onMismatch });
  handOver(container);
  return root;
}
