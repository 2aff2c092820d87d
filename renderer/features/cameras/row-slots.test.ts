import { describe, expect, it } from 'vitest';
import { RowSlots } from './table-rows';

/** Keys for a render that React commits. */
function committed(slots: RowSlots, rows: string[], focused: string | null): number[] {
  const keys = slots.keys(rows, focused);
  slots.commit();
  return keys;
}

describe('RowSlots', () => {
  it('keeps the slot of a row that stays, and gives a leaving row’s slot to one coming in', () => {
    const slots = new RowSlots();
    expect(committed(slots, ['a', 'b', 'c'], null)).toEqual([0, 1, 2]);
    // Scrolled one row: "a" leaves, "d" comes in with its slot; "b" and "c" keep theirs.
    expect(committed(slots, ['b', 'c', 'd'], null)).toEqual([1, 2, 0]);
    // A search replaced every row: the slots are reused in the order they were drawn.
    expect(committed(slots, ['x', 'y', 'z'], null)).toEqual([1, 2, 0]);
  });

  it('never gives the focused row’s slot to another row', () => {
    const slots = new RowSlots();
    expect(committed(slots, ['a', 'b'], null)).toEqual([0, 1]);
    const keys = committed(slots, ['c', 'd'], 'a');
    expect(keys).toEqual([1, 2]);
    expect(keys).not.toContain(0);
  });

  it('draws more rows with new slots, and every key in one window is different', () => {
    const slots = new RowSlots();
    committed(slots, ['a'], null);
    const keys = committed(slots, ['a', 'b', 'c', 'a'], null);
    expect(new Set(keys).size).toBe(4);
    expect(keys[0]).toBe(0);
  });

  it('gives the same keys for a render done twice, and forgets a render never committed', () => {
    const slots = new RowSlots();
    expect(committed(slots, ['a', 'b'], null)).toEqual([0, 1]);
    // A render React threw away: "a" and "b" leave, "c" and "d" take their slots.
    expect(slots.keys(['c', 'd'], null)).toEqual([0, 1]);
    // The render committed instead still has "a" on the page, in its own slot.
    expect(slots.keys(['a', 'c'], null)).toEqual([0, 1]);
    expect(slots.keys(['a', 'c'], null)).toEqual([0, 1]);
    slots.commit();
    expect(committed(slots, ['c', 'e'], null)).toEqual([1, 0]);
  });
});
