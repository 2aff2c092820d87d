import { describe, expect, it } from 'vitest';
import { APP_ID, appIdentity, appUserModelId } from './identity';

describe('identity', () => {
  it.each([
    { platform: 'win32', expected: APP_ID },
    { platform: 'darwin', expected: null },
    { platform: 'linux', expected: null },
  ])('sets the AppUserModelID on $platform: $expected', ({ platform, expected }) => {
    expect(appUserModelId(platform)).toBe(expected);
  });

  it('keeps development and packaged builds apart', () => {
    expect(appIdentity(true).keychainService).not.toBe(appIdentity(false).keychainService);
    expect(appIdentity(true).userDataName).not.toBe(appIdentity(false).userDataName);
  });
});
