/**
 * The app id: macOS bundle id, installer id (electron-builder.yml `appId`) and, on Windows, the
 * AppUserModelID that groups the taskbar button with the Start-menu shortcut and lets
 * notifications show. main/packaging.test.ts checks that electron-builder.yml uses the same one.
 */
export const APP_ID = 'com.wyzecam.desktop';

/**
 * Names that keep development and packaged builds apart (docs/engineering.md, "Development and
 * production apart"): a different user-data folder and a different keychain service, so a dev run
 * never reads real secrets.
 */
export function appIdentity(isPackaged: boolean) {
  const name = isPackaged ? 'Wyzecam Desktop' : 'Wyzecam Desktop Dev';
  return { userDataName: name, keychainService: name };
}

/** The AppUserModelID to set at start-up: Windows only (elsewhere the call does nothing useful). */
export function appUserModelId(platform: string): string | null {
  return platform === 'win32' ? APP_ID : null;
}
