/**
 * IPC channel and event names, the one place they are spelled (no zod here, so the renderer and
 * the preload stay small). Argument schemas and result types are in common/ipc.ts.
 */
export const CHANNELS = {
  getSession: 'session:get',
  signIn: 'session:sign-in',
  sendMfaCode: 'session:send-mfa-code',
  verifyMfa: 'session:verify-mfa',
  cancelSignIn: 'session:cancel-sign-in',
  signOut: 'session:sign-out',
  startDemo: 'session:start-demo',
  getCameras: 'cameras:get',
  refreshCameras: 'cameras:refresh',
  resetCache: 'cameras:reset-cache',
  exportCameras: 'cameras:export',
  reportVisibility: 'app:report-visibility',
  reportRenderError: 'app:report-render-error',
  openExternal: 'app:open-external',
  getViewPrefs: 'view:get-prefs',
  setViewPrefs: 'view:set-prefs',
  startLive: 'live:start',
  sendLiveOffer: 'live:send-offer',
  sendLiveCandidate: 'live:send-candidate',
  restartLive: 'live:restart',
  stopLive: 'live:stop',
  saveSnapshot: 'live:save-snapshot',
  getWatch: 'watch:get',
  setWatchPrefs: 'watch:set-prefs',
  listActivity: 'activity:list',
  exportActivity: 'activity:export',
  markActivitySeen: 'activity:mark-seen',
  listEvents: 'events:list',
} as const;

export const EVENTS = {
  sessionChanged: 'event:session-changed',
  camerasChanged: 'event:cameras-changed',
  menuCommand: 'event:menu-command',
  live: 'event:live',
  watch: 'event:watch',
} as const;

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];
export type EventChannel = (typeof EVENTS)[keyof typeof EVENTS];

/** What the native menu can ask the page to do (event:menu-command). */
export const MENU_COMMANDS = ['showShortcuts', 'showSettings'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Places the app may open in the browser; main maps each to one allow-listed https URL. */
export const EXTERNAL_TARGETS = ['apiKeyConsole', 'apiKeyHelp'] as const;
export type ExternalTarget = (typeof EXTERNAL_TARGETS)[number];
