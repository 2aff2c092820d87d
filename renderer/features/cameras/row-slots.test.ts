import { describe, expect, it } from 'vitest';
import { RowSlots } from './table-rows';

describe('RowSlots', () => {
  it('keeps the slot of a row that stays, and gives a leaving row’s slot to one coming in', () => {
    const slots = new RowSlots();
    expect(slots.keys(['a', 'b', 'c'], null)).toEqual([0, 1, 2]);
    // Scrolled one row: "a" leaves, "d" comes in with its slot; "b" and "c" keep theirs.
    expect(slots.keys(['b', 'c', 'd'], null)).toEqual([1, 2, 0]);
    // A search replaced every row: the slots are reused in the order they were drawn.
    expect(slots.keys(['x', 'y', 'z'], null)).toEqual([1, 2, 0]);
  });

  it('never gives the focused row’s slot to another row', () => {
    const slots = new RowSlots();
    expect(slots.keys(['a', 'b'], null)).toEqual([0, 1]);
    const keys = slots.keys(['c', 'd'], 'a');
    expect(keys).toEqual([1, 2]);
    expect(keys).not.toContain(0);
  });

  it('draws more rows with new slots, and every key in one window is different', () => {
    const slots = new RowSlots();
    slots.keys(['a'], null);
    const keys = slots.keys(['a', 'b', 'c', 'a'], null);
    expect(new Set(keys).size).toBe(4);
    expect(keys[0]).toBe(0);
  });
});
