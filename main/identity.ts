/**
 * Names that keep development and packaged builds apart (engineering practice 9): a different
 * user-data folder and a different keychain service, so a dev run never reads real secrets.
 */
export function appIdentity(isPackaged: boolean) {
  const name = isPackaged ? 'Wyzecam Desktop' : 'Wyzecam Desktop Dev';
  return { userDataName: name, keychainService: name };
}
