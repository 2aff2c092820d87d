/** The attribute that marks the control that opens a camera's details (its name in the list). */
export const DETAILS_OPENER_ATTRIBUTE = 'data-details-mac';
/** The attribute that marks a camera's focusable row (in the table), where focus goes back to. */
export const DETAILS_ROW_ATTRIBUTE = 'data-details-row';

/**
 * Puts focus back on the camera the pane showed (when it closes): its row when the row can take
 * focus (the table's keys then work from there), else the control that opened it; false when
 * that camera is not on screen. Compares attribute values rather than building a selector, so no
 * MAC (any text the cloud sent) is ever parsed as CSS.
 */
export function focusDetailsOpener(mac: string): boolean {
  const element = cameraElement(mac);
  element?.focus();
  return element !== null;
}

/** The camera's row (or, where there is none, its opener) when it is in the page. */
function cameraElement(mac: string): HTMLElement | null {
  for (const attribute of [DETAILS_ROW_ATTRIBUTE, DETAILS_OPENER_ATTRIBUTE]) {
    for (const element of document.querySelectorAll<HTMLElement>(`[${attribute}]`)) {
      if (element.getAttribute(attribute) === mac) return element;
    }
  }
  return null;
}

/**
 * Scrolls the camera's row into view (the arrow keys in the pane moved to it), so the list shows
 * which camera the pane describes and a virtualised list keeps its neighbours drawn.
 */
export function revealCamera(mac: string): void {
  cameraElement(mac)?.scrollIntoView?.({ block: 'nearest' });
}
