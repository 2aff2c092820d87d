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
  for (const attribute of [DETAILS_ROW_ATTRIBUTE, DETAILS_OPENER_ATTRIBUTE]) {
    for (const element of document.querySelectorAll<HTMLElement>(`[${attribute}]`)) {
      if (element.getAttribute(attribute) === mac) {
        element.focus();
        return true;
      }
    }
  }
  return false;
}
