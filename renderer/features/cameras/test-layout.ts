import { vi } from 'vitest';

import { cleanup } from '@testing-library/react';
import { initialState, useStore } from '../../store';
import { installFakeBridge, session } from '../../test-support';

/** The row and scroller heights the mocked layout gives (jsdom has no layout). */
export const ROW_HEIGHT = 42;
export const SCROLLER_HEIGHT = 420;

/**
 * jsdom has no layout: give rows and the list's scroller the sizes a browser would, and make the
 * scroller scroll (scrollTo moves scrollTop and fires "scroll"), as TanStack Virtual expects.
 */
export function mockLayout() {
  const scrollTops = new WeakMap<Element, number>();
  const restore = [
    vi.spyOn(HTMLTableRowElement.prototype, 'offsetHeight', 'get').mockReturnValue(ROW_HEIGHT),
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (
      this: HTMLElement,
    ) {
      return this.classList.contains('table-wrap') ? SCROLLER_HEIGHT : 0;
    }),
    // The scroller is as tall as its table: its rows, drawn or stood for by the spacers.
    vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockImplementation(function (this: Element) {
      if (!this.classList.contains('table-wrap')) return 0;
      let height = 0;
      for (const row of this.querySelectorAll('tr')) {
        const spacer = row.classList.contains('spacer') ? row.querySelector('td') : null;
        height += spacer ? Number.parseFloat(spacer.style.height) : ROW_HEIGHT;
      }
      return height;
    }),
    vi.spyOn(Element.prototype, 'scrollTop', 'get').mockImplementation(function (this: Element) {
      return scrollTops.get(this) ?? 0;
    }),
  ];
  Element.prototype.scrollTo = function (this: Element, options?: ScrollToOptions | number) {
    const top = typeof options === 'object' ? (options.top ?? 0) : 0;
    scrollTops.set(this, top);
    this.dispatchEvent(new Event('scroll'));
  } as Element['scrollTo'];
  return () => restore.forEach((spy) => spy.mockRestore());
}

/**
 * Before each table test: a fresh store, signed in, the fake bridge and the mocked layout. Returns
 * what to do after it (unmount, and the layout as it was).
 */
export function setUpTable(): () => void {
  useStore.setState(initialState());
  useStore.getState().setSession(session());
  installFakeBridge();
  const unmock = mockLayout();
  return () => {
    cleanup();
    unmock();
  };
}
