import { afterEach, describe, expect, it } from 'vitest';
import { captureFocus } from './captureFocus';

const table = (macs: string[]) => {
  document.body.innerHTML = `<button id="outside">Settings</button><table><tbody>${macs
    .map((m) => `<tr data-mac="${m}" tabindex="-1"><th><button>${m}</button></th></tr>`)
    .join('')}</tbody></table>`;
};
const button = (text: string) =>
  [...document.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLElement;

const outside = () => document.getElementById('outside') as HTMLElement;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('captureFocus', () => {
  it('gives focus back to the element that had it', () => {
    table(['A', 'B']);
    button('B').focus();
    const restore = captureFocus();
    outside().focus();
    restore();
    expect(document.activeElement).toBe(button('B'));
  });

  it('goes to the same camera’s row when the element now shows another camera', () => {
    table(['A', 'B']);
    const element = button('A');
    element.focus();
    const restore = captureFocus();
    // The list changed: A's row elements now show C, and A is drawn further down.
    const row = element.closest('tr') as HTMLElement;
    row.dataset.mac = 'C';
    element.textContent = 'C';
    const tbody = row.parentElement as HTMLElement;
    tbody.insertAdjacentHTML('beforeend', '<tr data-mac="A" tabindex="-1"><th>A</th></tr>');
    outside().focus();
    restore();
    expect((document.activeElement as HTMLElement).dataset.mac).toBe('A');
  });

  it('leaves focus alone when that camera is no longer drawn', () => {
    table(['A']);
    const element = button('A');
    element.focus();
    const restore = captureFocus();
    (element.closest('tr') as HTMLElement).dataset.mac = 'C';
    outside().focus();
    restore();
    expect(document.activeElement).toBe(outside());
  });
});
