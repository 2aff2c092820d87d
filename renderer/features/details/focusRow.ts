/** The attribute that marks the control that opens a camera's details (its name in the list). */
export const DETAILS_OPENER_ATTRIBUTE = 'data-details-mac';

/**
 * Puts focus back on the control that opens `mac`'s details (when the pane closes); false when
 * that camera is not on screen. Compares attribute values rather than building a selector, so no
 * MAC (any text the cloud sent) is ever parsed as CSS.
 */
export function focusDetailsOpener(mac: string): boolean {
  const openers = document.querySelectorAll<HTMLElement>(`[${DETAILS_OPENER_ATTRIBUTE}]`);
  for (const opener of openers) {
    if (opener.getAttribute(DETAILS_OPENER_ATTRIBUTE) === mac) {
      opener.focus();
      return true;
    }
  }
  return false;
}
