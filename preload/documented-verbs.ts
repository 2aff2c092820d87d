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
  'onLive',
  'onMenuCommand',
  'onSessionChanged',
  'openExternal',
  'refreshCameras',
  'reportRenderError',
  'reportVisibility',
  'resetCache',
  'restartLive',
  'saveSnapshot',
  'sendLiveCandidate',
  'sendLiveOffer',
  'sendMfaCode',
  'setViewPrefs',
  'signIn',
  'signOut',
  'startDemo',
  'startLive',
  'stopLive',
  'verifyMfa',
] as const;
