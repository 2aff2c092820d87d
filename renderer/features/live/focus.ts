/** The attribute on a camera's Watch button (features/live/openers.tsx). */
export const LIVE_OPENER_ATTRIBUTE = 'data-live-opener';

/**
 * Puts focus back on the camera row's Watch button (its viewer closed); false when that row is
 * not in the page. Compares attribute values, so no MAC is ever parsed as CSS.
 */
export function focusLiveOpener(mac: string): boolean {
  for (const element of document.querySelectorAll<HTMLElement>(`[${LIVE_OPENER_ATTRIBUTE}]`)) {
    if (element.getAttribute(LIVE_OPENER_ATTRIBUTE) === mac) {
      element.focus();
      return true;
    }
  }
  return false;
}

/** Esc belongs to full screen while there is one: the browser leaves it, nothing closes. */
export const inFullScreen = (): boolean => Boolean(document.fullscreenElement);
