/**
 * Notes where keyboard focus is, and returns how to give it back (after a dialog or the live wall
 * closes). An element inside a camera row may by then show another camera: the table hands a
 * row's elements on as the list changes (features/cameras/table-rows.tsx, RowSlots). So when
 * focus was in a camera's row, it goes back to that element only if it still shows the same
 * camera, else to that camera's row if it is drawn, and otherwise stays where it is.
 */
export function captureFocus(): () => void {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const macOf = (el: Element) => el.closest<HTMLElement>('tr[data-mac]')?.dataset.mac;
  const mac = opener ? macOf(opener) : undefined;
  return () => {
    if (!opener) return;
    if (mac === undefined || (opener.isConnected && macOf(opener) === mac)) {
      opener.focus();
      return;
    }
    const rows = document.querySelectorAll<HTMLElement>('tr[data-mac]');
    [...rows].find((row) => row.dataset.mac === mac)?.focus();
  };
}
