// @vitest-environment node
/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GROUP_ROW_HEIGHT, ROW_HEIGHT } from './table-rows';

// list.css declares the rows' heights itself (a style attribute would not apply in a first screen
// written into the page: docs/first-screen.md); the virtualiser places rows by table-rows.tsx's.
// In Node: the page's test environment reads every stylesheet as empty.
describe('the row heights of list.css', () => {
  const css = readFileSync(new URL('./list.css', import.meta.url), 'utf8');
  it('are the ones the virtualiser places rows by', () => {
    expect(css).toMatch(new RegExp(`--row-height:\\s*${ROW_HEIGHT}px;`));
    expect(css).toMatch(new RegExp(`--group-row-height:\\s*${GROUP_ROW_HEIGHT}px;`));
  });
});
