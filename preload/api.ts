import { CHANNELS, EVENTS } from '../common/channels';
import type { Channel, EventChannel, ExternalTarget } from '../common/channels';
import type { EventPayloads, Request, Responses } from '../common/ipc';
import type { MfaMethod } from '../common/device';
import type { Result } from '../common/result';

/** The two primitives a transport provides: a request/response call and an event stream. */
export interface Transport {
  invoke(channel: Channel, arg: unknown): Promise<unknown>;
  /** Delivers the payload only (never a transport event object); returns an unsubscribe. */
  on(event: EventChannel, listener: (payload: unknown) => void): () => void;
}

/**
 * The domain verbs the renderer may use, and nothing else (security S3). Built on a transport:
 * Electron IPC in the app (preload/index.ts), loopback HTTP in the browser preview.
 */
export function buildWyzeApi(transport: Transport) {
  const call = <C extends Channel>(channel: C, arg?: Request<C>) =>
    transport.invoke(channel, arg) as Promise<Result<Responses[C]>>;
  const listen =
    <E extends EventChannel>(event: E) =>
    (listener: (payload: EventPayloads[E]) => void): (() => void) =>
      transport.on(event, (payload) => listener(payload as EventPayloads[E]));

  return Object.freeze({
    getSession: () => call(CHANNELS.getSession),
    signIn: (req: Request<typeof CHANNELS.signIn>) => call(CHANNELS.signIn, req),
    sendMfaCode: (method: 'sms' | 'email') => call(CHANNELS.sendMfaCode, { method }),
    verifyMfa: (method: MfaMethod, code: string) => call(CHANNELS.verifyMfa, { method, code }),
    cancelSignIn: () => call(CHANNELS.cancelSignIn),
    signOut: () => call(CHANNELS.signOut),
    startDemo: () => call(CHANNELS.startDemo),
    getCameras: () => call(CHANNELS.getCameras),
    refreshCameras: () => call(CHANNELS.refreshCameras),
    reportVisibility: (visible: boolean) => call(CHANNELS.reportVisibility, { visible }),
    openExternal: (target: ExternalTarget) => call(CHANNELS.openExternal, { target }),
    onSessionChanged: listen(EVENTS.sessionChanged),
    onCamerasChanged: listen(EVENTS.camerasChanged),
  });
}

/** What `window.wyze` is, typed from its implementation so the two cannot drift. */
export type WyzeApi = ReturnType<typeof buildWyzeApi>;
