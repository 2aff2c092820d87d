import { describe, expect, it } from 'vitest';
import { isTyping } from './isTyping';

function input(type: string): HTMLInputElement {
  const el = document.createElement('input');
  el.type = type;
  return el;
}

function editable(): HTMLElement {
  const el = document.createElement('div');
  // jsdom does not compute isContentEditable from the attribute.
  Object.defineProperty(el, 'isContentEditable', { value: true });
  return el;
}

describe('isTyping (the "/" and "?" shortcuts stay out of text fields)', () => {
  it.each([
    ['a text input', input('text'), true],
    ['a search input', input('search'), true],
    ['a number input', input('number'), true],
    ['a text area', document.createElement('textarea'), true],
    ['a select', document.createElement('select'), true],
    ['an editable element', editable(), true],
    ['a checkbox', input('checkbox'), false],
    ['a radio button', input('radio'), false],
    ['an input button', input('button'), false],
    ['a submit input', input('submit'), false],
    ['a reset input', input('reset'), false],
    ['a button', document.createElement('button'), false],
    ['the page', document.body, false],
    ['the window', window, false],
    ['nothing', null, false],
  ])('%s → %s', (_what, target, expected) => {
    expect(isTyping(target)).toBe(expected);
  });
});
