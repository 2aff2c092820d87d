import { describe, expect, it } from 'vitest';
import { offlineAfterMsFromEnv } from './dev-env';

describe('WYZECAM_OFFLINE_AFTER_MS', () => {
  it.each<[string | undefined, boolean, number | null]>([
    ['1500', true, 1500],
    ['0', true, 0],
    ['1500', false, null], // a packaged app ignores it
    [undefined, true, null],
    ['', true, null],
    ['-5', true, null],
    ['1e3', true, null],
    ['12.5', true, null],
    [' 100', true, null],
    ['7200001', true, null],
    ['99999999999', true, null],
  ])('%j (overrides allowed: %s) gives %j', (raw, allowOverrides, expected) => {
    expect(offlineAfterMsFromEnv({ WYZECAM_OFFLINE_AFTER_MS: raw }, { allowOverrides })).toBe(
      expected,
    );
  });
});
