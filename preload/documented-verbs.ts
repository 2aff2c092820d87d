/**
 * The documented surface of `window.wyze` (security S3), spelled out once for the tests that check
 * the preload and the page expose exactly this and nothing more.
 */
export const DOCUMENTED_VERBS = [
  'cancelSignIn',
  'exportCameras',
  'getCameras',
  'getSession',
  'getViewPrefs',
  'onCamerasChanged',
  'onMenuCommand',
  'onSessionChanged',
  'openExternal',
  'refreshCameras',
  'reportRenderError',
  'reportVisibility',
  'resetCache',
  'sendMfaCode',
  'setViewPrefs',
  'signIn',
  'signOut',
  'startDemo',
  'verifyMfa',
] as const;
