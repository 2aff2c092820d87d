/**
 * True while the user types in a field, where "/" and "?" are characters and not shortcuts:
 * an editable element, a text area, a select, or an input that takes text (not a button, checkbox
 * or radio).
 */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type)
  );
}
