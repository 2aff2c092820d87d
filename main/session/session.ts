import type { MfaMethod } from '../../common/device';
import type { SessionView } from '../../common/view';
import type { Logger } from '../logging/logger';
import type { SessionTokens, WyzeClient, WyzeCredentials } from '../wyze/client';
import type { BaseUrls } from '../wyze/config';
import { WyzeError, wyzeError } from '../wyze/errors';
import { createMemoryStore } from './secret-store';
import type { SecretStore, StoredSession } from './secret-store';
import type { SettingsStore } from './settings';

/** A Wyze cloud running on loopback for the demo account (see main/demo.ts). */
export interface DemoCloud {
  url: string;
  credentials: WyzeCredentials;
  close(): Promise<void>;
}

export interface SessionDeps {
  secrets: SecretStore;
  settings: SettingsStore;
  logger: Logger;
  baseUrls: BaseUrls;
  createClient(opts: {
    baseUrls: BaseUrls;
    onTokens: (tokens: SessionTokens) => Promise<void>;
    onSessionExpired: () => void;
  }): WyzeClient;
  startDemoCloud(): Promise<DemoCloud>;
}

export interface SignInRequest {
  email: string;
  password: string;
  keyId?: string;
  apiKey?: string;
}

/**
 * The session state machine: signed out → signing in → (MFA) → signed in → expired / signed out.
 * Owns the Wyze client and every secret; the renderer only ever sees SessionView.
 */
export function createSessionService(deps: SessionDeps) {
  const { logger, settings } = deps;
  let secrets = deps.secrets;
  let view: SessionView = {
    status: 'starting',
    email: settings.get().lastEmail,
    demo: false,
    persistence: secrets.kind,
    hasStoredApiKey: false,
    mfa: null,
    error: null,
  };
  /** The secrets of the live session, mirrored in the store. */
  let stored: StoredSession | null = null;
  /** The key and e-mail of a sign-in in progress, until its tokens arrive. */
  let signingInAs: { email: string; keyId: string; apiKey: string } | null = null;
  let demo: DemoCloud | null = null;
  const listeners = new Set<(view: SessionView) => void>();

  const set = (patch: Partial<SessionView>): SessionView => {
    view = { ...view, ...patch };
    for (const listener of listeners) listener(view);
    return view;
  };

  async function persist(session: StoredSession): Promise<void> {
    try {
      await secrets.save(session);
    } catch (err) {
      // The keychain stopped answering: keep going for this run, never fall back to a file.
      logger.warn('keychain write failed; keeping secrets in memory for this run', { err });
      secrets = createMemoryStore();
      await secrets.save(session);
      set({ persistence: 'memory' });
    }
  }

  /** A client for Wyze (tokens persisted) or for the demo cloud (tokens live in the client only). */
  function makeClient(baseUrls: BaseUrls, target: 'wyze' | 'demo' = 'wyze'): WyzeClient {
    return deps.createClient({
      baseUrls,
      onTokens: async (tokens) => {
        if (target === 'demo') return;
        const who = signingInAs ?? stored;
        if (!who) return;
        stored = {
          email: who.email,
          keyId: who.keyId,
          apiKey: who.apiKey,
          accessToken: tokens.accessToken,
          refreshToken: tokens.refreshToken,
        };
        await persist(stored);
      },
      onSessionExpired: () => {
        set({ status: 'expired', error: wyzeError('SESSION_EXPIRED').toDto() });
      },
    });
  }

  let client = makeClient(deps.baseUrls);

  async function init(): Promise<SessionView> {
    try {
      stored = await secrets.load();
    } catch (err) {
      logger.warn('could not read the keychain', { err });
      stored = null;
    }
    if (!stored) return set({ status: 'signedOut' });
    client.restore(stored);
    return set({ status: 'signedIn', email: stored.email, hasStoredApiKey: true });
  }

  async function finishSignIn(email: string): Promise<SessionView> {
    signingInAs = null;
    if (!view.demo) await settings.update({ lastEmail: email });
    return set({
      status: 'signedIn',
      email,
      mfa: null,
      error: null,
      hasStoredApiKey: !view.demo && stored !== null,
    });
  }

  async function endDemo(): Promise<void> {
    if (!demo) return;
    client.signOut();
    const cloud = demo;
    demo = null;
    await cloud.close();
    client = makeClient(deps.baseUrls);
    if (stored) client.restore(stored);
    set({ demo: false, persistence: secrets.kind });
  }

  function refuseWhileSigningIn(): void {
    if (view.status === 'signingIn') {
      throw new WyzeError('INVALID_ARGUMENT', 'A sign-in is already in progress.');
    }
  }

  async function signIn(req: SignInRequest): Promise<SessionView> {
    refuseWhileSigningIn();
    await endDemo();
    const email = req.email.trim();
    const sameAccount = stored && stored.email.toLowerCase() === email.toLowerCase();
    const keyId = req.keyId?.trim() || (sameAccount ? stored?.keyId : '') || '';
    const apiKey = req.apiKey?.trim() || (sameAccount ? stored?.apiKey : '') || '';
    const before = view.status === 'expired' ? 'expired' : 'signedOut';
    signingInAs = { email, keyId, apiKey };
    set({ status: 'signingIn', error: null, mfa: null });
    try {
      const outcome = await client.signIn({ email, password: req.password, keyId, apiKey });
      if (outcome.kind === 'signedIn') return await finishSignIn(email);
      return set({ status: 'mfa', email, mfa: { ...outcome.challenge, sent: {} } });
    } catch (err) {
      signingInAs = null;
      set({ status: before });
      throw err;
    }
  }

  async function sendMfaCode(method: 'sms' | 'email'): Promise<SessionView> {
    if (view.status !== 'mfa' || !view.mfa) throw wyzeError('NOT_SIGNED_IN');
    await client.sendMfaCode(method);
    const mfa = view.mfa;
    return set({ mfa: { ...mfa, sent: { ...mfa.sent, [method]: Date.now() } } });
  }

  async function verifyMfa(method: MfaMethod, code: string): Promise<SessionView> {
    if (view.status !== 'mfa' || !signingInAs) throw wyzeError('NOT_SIGNED_IN');
    const email = signingInAs.email;
    try {
      await client.verifyMfa(method, code);
    } catch (err) {
      if (err instanceof WyzeError && err.code === 'NOT_SIGNED_IN') {
        signingInAs = null;
        set({ status: 'signedOut', mfa: null });
      }
      throw err;
    }
    return finishSignIn(email);
  }

  function cancelSignIn(): SessionView {
    if (view.status !== 'mfa') return view;
    client.signOut();
    signingInAs = null;
    return set({ status: stored ? 'expired' : 'signedOut', mfa: null, error: null });
  }

  /** Forgets everything: memory, keychain, the remembered e-mail. Ending a demo forgets only it. */
  async function signOut(): Promise<SessionView> {
    signingInAs = null;
    if (demo) {
      await endDemo();
      return set({ status: stored ? 'expired' : 'signedOut', email: stored?.email ?? view.email });
    }
    client.signOut();
    stored = null;
    try {
      await secrets.clear();
    } catch (err) {
      logger.warn('could not clear the keychain', { err });
    }
    await settings.update({ lastEmail: null });
    return set({
      status: 'signedOut',
      email: null,
      demo: false,
      hasStoredApiKey: false,
      mfa: null,
      error: null,
    });
  }

  /** Signs in to an in-process emulator with the demo account; its secrets stay in memory. */
  async function startDemo(): Promise<SessionView> {
    refuseWhileSigningIn();
    await endDemo();
    client.signOut();
    demo = await deps.startDemoCloud();
    client = makeClient({ auth: demo.url, api: demo.url }, 'demo');
    const { credentials } = demo;
    signingInAs = {
      email: credentials.email,
      keyId: credentials.keyId,
      apiKey: credentials.apiKey,
    };
    set({ status: 'signingIn', demo: true, persistence: 'memory', error: null, mfa: null });
    try {
      await client.signIn(credentials);
    } catch (err) {
      await endDemo();
      set({ status: 'signedOut' });
      throw err;
    }
    return finishSignIn(credentials.email);
  }

  return {
    init,
    view: (): SessionView => view,
    client: (): WyzeClient => client,
    signIn,
    sendMfaCode,
    verifyMfa,
    cancelSignIn,
    signOut,
    startDemo,
    /** Stops the demo cloud and cancels requests (quit). Keeps the stored session. */
    async shutdown(): Promise<void> {
      client.signOut();
      await endDemo();
    },
    onChange(listener: (view: SessionView) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
