/**
 * The verbs of `window.wyze`, derived from the contract: each IPC channel has exactly one verb and
 * each event exactly one listener verb. preload/api.ts builds the bridge from these tables, so a
 * channel added to common/channels.ts without a verb here, or a verb without its implementation
 * there, does not compile. No zod here: the preload and the preview bridge bundle this file.
 */
import { CHANNELS, EVENTS } from './channels';
import type { Channel, EventChannel } from './channels';

/** The verbs of a table that map to one target. */
type VerbsFor<Table, Target> = {
  [V in keyof Table]: Table[V] extends Target ? V : never;
}[keyof Table];

/** true when T is a union of two or more members. */
type IsUnion<T, All = T> = T extends unknown ? ([All] extends [T] ? false : true) : never;

/** The targets (channels or events) that have no verb in the table, or more than one. */
export type TargetsWithoutOneVerb<Table, Targets extends string> = {
  [C in Targets]: [VerbsFor<Table, C>] extends [never]
    ? C
    : true extends IsUnion<VerbsFor<Table, C>>
      ? C
      : never;
}[Targets];

/** What a table that fails the check is asked for, so the compiler names the culprits. */
type OneVerbEach<Table, Targets extends string> = [TargetsWithoutOneVerb<Table, Targets>] extends [
  never,
]
  ? unknown
  : { 'each of these needs exactly one verb': TargetsWithoutOneVerb<Table, Targets> };

/**
 * Declares a verb table over a set of targets; compiles only when every target has exactly one
 * verb (a forgotten or doubled channel is a type error at the table).
 */
export const verbTable =
  <Targets extends string>() =>
  <const Table extends Record<string, Targets>>(
    table: Table & OneVerbEach<Table, Targets>,
  ): Table =>
    Object.freeze(table);

/** Request/response verbs: verb name → IPC channel. */
export const VERBS = verbTable<Channel>()({
  getSession: CHANNELS.getSession,
  signIn: CHANNELS.signIn,
  sendMfaCode: CHANNELS.sendMfaCode,
  verifyMfa: CHANNELS.verifyMfa,
  cancelSignIn: CHANNELS.cancelSignIn,
  signOut: CHANNELS.signOut,
  startDemo: CHANNELS.startDemo,
  getCameras: CHANNELS.getCameras,
  refreshCameras: CHANNELS.refreshCameras,
  resetCache: CHANNELS.resetCache,
  exportCameras: CHANNELS.exportCameras,
  reportVisibility: CHANNELS.reportVisibility,
  reportRenderError: CHANNELS.reportRenderError,
  openExternal: CHANNELS.openExternal,
  getViewPrefs: CHANNELS.getViewPrefs,
  setViewPrefs: CHANNELS.setViewPrefs,
  startLive: CHANNELS.startLive,
  sendLiveOffer: CHANNELS.sendLiveOffer,
  sendLiveCandidate: CHANNELS.sendLiveCandidate,
  restartLive: CHANNELS.restartLive,
  stopLive: CHANNELS.stopLive,
  saveSnapshot: CHANNELS.saveSnapshot,
  getWatch: CHANNELS.getWatch,
  setWatchPrefs: CHANNELS.setWatchPrefs,
  listActivity: CHANNELS.listActivity,
  exportActivity: CHANNELS.exportActivity,
  markActivitySeen: CHANNELS.markActivitySeen,
  listEvents: CHANNELS.listEvents,
});

/** Listener verbs: verb name → event channel. */
export const EVENT_VERBS = verbTable<EventChannel>()({
  onSessionChanged: EVENTS.sessionChanged,
  onCamerasChanged: EVENTS.camerasChanged,
  onMenuCommand: EVENTS.menuCommand,
  onLive: EVENTS.live,
  onWatch: EVENTS.watch,
});

export type Verb = keyof typeof VERBS;
export type EventVerb = keyof typeof EVENT_VERBS;
/** The channel a verb sends on. */
export type ChannelOf<V extends Verb> = (typeof VERBS)[V];
/** The event a listener verb subscribes to. */
export type EventOf<V extends EventVerb> = (typeof EVENT_VERBS)[V];
