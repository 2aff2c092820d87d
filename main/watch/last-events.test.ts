import { describe, expect, it } from 'vitest';
import { mergeLastEvents } from './last-events';

const ev = (at: number, label = 'Motion') => ({ kind: label.toLowerCase(), label, at });
const onList = new Set(['A', 'B']);

describe('mergeLastEvents', () => {
  it.each([
    ['the same map', { A: ev(1) }, { A: ev(1) }, false, false],
    ['a newer event', { A: ev(1) }, { A: ev(2) }, true, true],
    ['a first event', {}, { A: ev(1) }, true, true],
    ['an older event (the poll went back)', { A: ev(2) }, { A: ev(1) }, true, false],
    ['a camera left out', { A: ev(5), B: ev(3) }, { B: ev(3) }, true, false],
    ['another label at the same time', { A: ev(1) }, { A: ev(1, 'Person') }, true, false],
    ['a camera not on the list', {}, { GONE: ev(9) }, false, false],
  ])('%s', (_name, current, next, changed, newer) => {
    expect(mergeLastEvents(current, next, onList)).toMatchObject({ changed, newer });
  });

  it('keeps only cameras on the list', () => {
    expect(mergeLastEvents({}, { A: ev(1), GONE: ev(2) }, onList).lastEvents).toEqual({
      A: ev(1),
    });
  });
});
