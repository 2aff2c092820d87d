import type { Channel, EventChannel, ExternalTarget } from '../common/channels';
import type { MfaMethod } from '../common/device';
import type { EventQuery } from '../common/camera-events';
import type { LiveCandidate } from '../common/live';
import type { EventPayloads, Request, Responses } from '../common/ipc';
import type { ViewPrefsPatch } from '../common/prefs';
import type { Result } from '../common/result';
import type { ActivityQuery, WatchPrefsPatch } from '../common/watch';
import { EVENT_VERBS, VERBS } from '../common/verbs';
import type { ChannelOf, EventOf, EventVerb, Verb } from '../common/verbs';

/** The two primitives a transport provides: a request/response call and an event stream. */
export interface Transport {
  invoke(channel: Channel, arg: unknown): Promise<unknown>;
  /** Delivers the payload only (never a transport event object); returns an unsubscribe. */
  on(event: EventChannel, listener: (payload: unknown) => void): () => void;
}

/** What each verb must be: a function answering with its own channel's result. */
export type VerbImplementations = {
  [V in Verb]: (...args: never[]) => Promise<Result<Responses[ChannelOf<V>]>>;
};

/** What each listener verb must be: subscribe to its own event's payloads, get an unsubscribe. */
export type EventVerbImplementations = {
  [V in EventVerb]: (listener: (payload: EventPayloads[EventOf<V>]) => void) => () => void;
};

/** The argument list of a channel: none when it takes none. */
type ArgsOf<C extends Channel> = Request<C> extends undefined ? [] : [Request<C>];

/**
 * The domain verbs the renderer may use, and nothing else (security S3). Built on a transport:
 * Electron IPC in the app (preload/index.ts), loopback HTTP in the browser preview. The verb
 * names come from common/verbs.ts; a verb missing here is a type error.
 */
export function buildWyzeApi(transport: Transport) {
  const call = <V extends Verb>(verb: V, ...arg: ArgsOf<ChannelOf<V>>) =>
    transport.invoke(VERBS[verb], arg[0]) as Promise<Result<Responses[ChannelOf<V>]>>;
  const listen =
    <V extends EventVerb>(verb: V) =>
    (listener: (payload: EventPayloads[EventOf<V>]) => void): (() => void) =>
      transport.on(EVENT_VERBS[verb], (payload) => listener(payload as EventPayloads[EventOf<V>]));

  const verbs = {
    getSession: () => call('getSession'),
    signIn: (req: Request<ChannelOf<'signIn'>>) => call('signIn', req),
    sendMfaCode: (method: 'sms' | 'email') => call('sendMfaCode', { method }),
    verifyMfa: (method: MfaMethod, code: string) => call('verifyMfa', { method, code }),
    cancelSignIn: () => call('cancelSignIn'),
    signOut: () => call('signOut'),
    startDemo: () => call('startDemo'),
    getCameras: () => call('getCameras'),
    refreshCameras: () => call('refreshCameras'),
    resetCache: () => call('resetCache'),
    exportCameras: (req: Request<ChannelOf<'exportCameras'>>) => call('exportCameras', req),
    reportVisibility: (visible: boolean) => call('reportVisibility', { visible }),
    reportRenderError: (report: Request<ChannelOf<'reportRenderError'>>) =>
      call('reportRenderError', report),
    openExternal: (target: ExternalTarget) => call('openExternal', { target }),
    getViewPrefs: () => call('getViewPrefs'),
    setViewPrefs: (patch: ViewPrefsPatch) => call('setViewPrefs', patch),
    startLive: (mac: string) => call('startLive', { mac }),
    sendLiveOffer: (sessionId: string, sdp: string) => call('sendLiveOffer', { sessionId, sdp }),
    sendLiveCandidate: (sessionId: string, candidate: LiveCandidate) =>
      call('sendLiveCandidate', { sessionId, candidate }),
    restartLive: (sessionId: string) => call('restartLive', { sessionId }),
    stopLive: (sessionId: string) => call('stopLive', { sessionId }),
    saveSnapshot: (mac: string, pngBase64: string) => call('saveSnapshot', { mac, pngBase64 }),
    getWatch: () => call('getWatch'),
    setWatchPrefs: (patch: WatchPrefsPatch) => call('setWatchPrefs', patch),
    listActivity: (query: ActivityQuery) => call('listActivity', query),
    exportActivity: (req: Request<ChannelOf<'exportActivity'>>) => call('exportActivity', req),
    markActivitySeen: () => call('markActivitySeen'),
    listEvents: (query: EventQuery) => call('listEvents', query),
  } satisfies VerbImplementations;

  const listeners = {
    onSessionChanged: listen('onSessionChanged'),
    onCamerasChanged: listen('onCamerasChanged'),
    onMenuCommand: listen('onMenuCommand'),
    onLive: listen('onLive'),
    onWatch: listen('onWatch'),
  } satisfies EventVerbImplementations;

  return Object.freeze({ ...verbs, ...listeners });
}

/** What `window.wyze` is, typed from its implementation so the two cannot drift. */
export type WyzeApi = ReturnType<typeof buildWyzeApi>;
