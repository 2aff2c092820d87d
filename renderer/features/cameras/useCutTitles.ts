import { useEffect } from 'react';
import type { RefObject } from 'react';

/** What a row's cells may cut short. */
const CUTTABLE = '.clip, .last-event, .status';

/** Cut in its width, or, for a status, past its two lines. */
const isCut = (el: HTMLElement): boolean =>
  el.scrollWidth > el.clientWidth ||
  (el.classList.contains('status') && el.scrollHeight > el.clientHeight);

/** The text an element shows: without what only a screen reader hears ("Last event: "). */
function shownText(el: Element): string {
  let text = '';
  for (const node of el.childNodes) {
    if (node instanceof Element) {
      if (!node.classList.contains('visually-hidden')) text += shownText(node);
    } else if (node.nodeType === Node.TEXT_NODE) {
      text += node.textContent ?? '';
    }
  }
  return text;
}

/**
 * A value its column cuts short shows whole in a tooltip on hover: a value (`.clip`), a camera's
 * last event under its name, and its status ("Offline since…", two lines at most). Values longer
 * than CLIP_AT carry their title from the start (Clipped.tsx); a shorter one can still be cut by
 * a narrow column (an SSID in 10 rem, a model's name), and a title on every value would have
 * screen readers read each twice. So the title is set while the pointer is over a value that is
 * actually cut, and taken off when it leaves or its text changes under it (a row's elements can
 * pass to another camera as the list scrolls: table-rows.tsx, RowSlots). One listener for the
 * whole list, nothing per row.
 */
export function useCutTitles(scroller: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const list = scroller.current;
    if (!list) return;
    let titled: HTMLElement | null = null;
    // Watches the one value that has a title: new text takes it off (another camera's, when the
    // row's elements passed to it), and, while the pointer is still over it (a last event's
    // "4 min ago" becoming "5 min ago"), gives it the new text's.
    const changed = new MutationObserver(() => {
      const hovered = titled?.matches(':hover') ? titled : null;
      clear();
      if (hovered) show(hovered);
    });
    const clear = () => {
      changed.disconnect();
      // Only a title this set, and still as it set it (React may have set its own since).
      if (titled && titled.dataset.cutTitle !== undefined) {
        if (titled.title === titled.dataset.cutTitle) titled.removeAttribute('title');
        delete titled.dataset.cutTitle;
      }
      titled = null;
    };
    const over = (e: PointerEvent) => {
      const target = e.target instanceof Element ? e.target.closest(CUTTABLE) : null;
      if (target === titled) return;
      clear();
      if (target instanceof HTMLElement && list.contains(target)) show(target);
    };
    /** Titles `target` with its whole text when it is cut and has no title of its own. */
    const show = (target: HTMLElement) => {
      if (target.hasAttribute('title') || !isCut(target)) return;
      // A tooltip of an element around it (a model's code, on its name) would be hidden by this
      // one: it is said too.
      const own = shownText(target).trim();
      const outer = target.parentElement?.closest<HTMLElement>('[title]');
      const text = outer && list.contains(outer) ? `${own} (${outer.title})` : own;
      target.title = text;
      target.dataset.cutTitle = text;
      titled = target;
      changed.observe(target, { characterData: true, childList: true, subtree: true });
    };
    const out = (e: PointerEvent) => {
      if (titled && e.target instanceof Node && titled.contains(e.target)) clear();
    };
    list.addEventListener('pointerover', over);
    list.addEventListener('pointerout', out);
    return () => {
      clear();
      list.removeEventListener('pointerover', over);
      list.removeEventListener('pointerout', out);
    };
  }, [scroller]);
}
