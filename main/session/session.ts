import type { MfaMethod } from '../../common/device';
import type { SessionView } from '../../common/view';
import type { Logger } from '../logging/logger';
import type { SessionTokens, WyzeClient } from '../wyze/client';
import type { BaseUrls } from '../wyze/config';
import { WyzeError, wyzeError } from '../wyze/errors';
import { createDemoSession } from './demo-session';
import type { DemoCloud } from './demo-session';
import { createSecretKeeper } from './secret-keeper';
import type { SecretStore, StoredSession } from './secret-store';
import type { SettingsStore } from './settings';
import { createSessionActions } from './session-actions';

export type { DemoCloud } from './demo-session';

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
 * The session state machine (the table is in state-table.ts): signed out → signing in → (MFA)
 * → signed in → expired / signed out. Every action runs alone, in call order, so two sign-ins,
 * two demos or a sign-out during a sign-in never interleave. Owns the Wyze client and every
 * secret; the renderer only ever sees SessionView.
 */
export function createSessionService(deps: SessionDeps) {
  const { logger, settings } = deps;
  const secrets = createSecretKeeper({
    store: deps.secrets,
    logger,
    onMemoryFallback: () => set({ persistence: 'memory' }),
  });
  let view: SessionView = {
    status: 'starting',
    email: settings.get().lastEmail,
    demo: false,
    persistence: secrets.kind(),
    hasStoredApiKey: false,
    mfa: null,
    error: null,
  };
  /** The secrets of the live session, mirrored in the store. */
  let stored: StoredSession | null = null;
  /** The key and e-mail of a sign-in in progress, until its tokens arrive. */
  let signingInAs: { email: string; keyId: string; apiKey: string } | null = null;
  const listeners = new Set<(view: SessionView) => void>();

  const set = (patch: Partial<SessionView>): SessionView => {
    view = { ...view, ...patch };
    for (const listener of listeners) listener(view);
    return view;
  };

  /**
   * The e-mail to fill in next time. Only a convenience: a settings file that cannot be written
   * must not fail (or half-finish) a sign-in or a sign-out.
   */
  async function rememberEmail(lastEmail: string | null): Promise<void> {
    try {
      await settings.update({ lastEmail });
    } catch (err) {
      logger.warn('could not save the last e-mail', { err });
    }
  }

  /** A client whose callbacks act only while it is the current one (a stale client is ignored). */
  function makeClient(baseUrls: BaseUrls, target: 'wyze' | 'demo'): WyzeClient {
    const made: WyzeClient = deps.createClient({
      baseUrls,
      onTokens: async (tokens) => {
        // Demo tokens live in the demo client only.
        const who = signingInAs ?? stored;
        if (target === 'demo' || !who) return;
        stored = { ...who, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
        await secrets.save(stored);
      },
      onSessionExpired: () => {
        if (made !== client() || view.status !== 'signedIn') return;
        set({ status: 'expired', error: wyzeError('SESSION_EXPIRED').toDto() });
      },
    });
    return made;
  }

  const wyzeClient = makeClient(deps.baseUrls, 'wyze');
  const demo = createDemoSession({
    startDemoCloud: deps.startDemoCloud,
    createClient: (baseUrls) => makeClient(baseUrls, 'demo'),
    logger,
  });
  /** The client the app reads with: the demo's while it runs, otherwise Wyze's. */
  const client = (): WyzeClient => demo.client() ?? wyzeClient;
  const { perform, performSignIn, interrupt, afterPending } = createSessionActions({
    status: () => view.status,
    logger,
    onInterrupt: () => {
      // Not signOut: an interrupted sign-in falls back to the stored session, whose rate limits
      // still hold.
      wyzeClient.dropSession();
      demo.cancel();
    },
  });

  const throwIfAborted = (abort: AbortSignal): void => {
    if (abort.aborted) throw wyzeError('CANCELLED');
  };

  /** Undoes what an interrupted sign-in may already have kept (its tokens, in the keychain). */
  async function rollBack(previous: StoredSession | null): Promise<void> {
    wyzeClient.dropSession();
    if (previous) wyzeClient.restore(previous);
    if (stored === previous) return;
    stored = previous;
    if (previous) await secrets.save(previous);
    else await secrets.clear();
  }

  async function finishSignIn(email: string, abort?: AbortSignal): Promise<SessionView> {
    signingInAs = null;
    await rememberEmail(email);
    if (abort) throwIfAborted(abort);
    return set({ status: 'signedIn', email, mfa: null, error: null, hasStoredApiKey: !!stored });
  }

  async function signInJob(req: SignInRequest, abort: AbortSignal): Promise<SessionView> {
    const email = req.email.trim();
    const sameAccount = stored && stored.email.toLowerCase() === email.toLowerCase();
    const keyId = req.keyId?.trim() || (sameAccount ? stored?.keyId : '') || '';
    const apiKey = req.apiKey?.trim() || (sameAccount ? stored?.apiKey : '') || '';
    const before = view.status;
    const previous = stored;
    signingInAs = { email, keyId, apiKey };
    set({ status: 'signingIn', error: null, mfa: null });
    try {
      const outcome = await wyzeClient.signIn({ email, password: req.password, keyId, apiKey });
      throwIfAborted(abort);
      if (outcome.kind === 'mfaRequired') {
        return set({ status: 'mfa', email, mfa: { ...outcome.challenge, sent: {} } });
      }
      return await finishSignIn(email, abort);
    } catch (err) {
      signingInAs = null;
      if (abort.aborted) await rollBack(previous);
      set({ status: before });
      throw err;
    }
  }

  async function verifyMfaJob(method: MfaMethod, code: string): Promise<SessionView> {
    const who = signingInAs;
    if (!who) throw wyzeError('NOT_SIGNED_IN');
    try {
      await wyzeClient.verifyMfa(method, code);
    } catch (err) {
      if (err instanceof WyzeError && err.code === 'NOT_SIGNED_IN') {
        // The challenge ran out: back to where the sign-in started.
        signingInAs = null;
        set({ status: stored ? 'expired' : 'signedOut', mfa: null });
      }
      throw err;
    }
    return finishSignIn(who.email);
  }

  async function endDemo(): Promise<void> {
    await demo.end();
    if (stored) wyzeClient.restore(stored);
    set({ demo: false, persistence: secrets.kind() });
  }

  /** Forgets everything: memory, keychain, the remembered e-mail. Ending a demo forgets only it. */
  async function signOutJob(): Promise<SessionView> {
    signingInAs = null;
    if (demo.client()) {
      await endDemo();
      return set({
        status: stored ? 'expired' : 'signedOut',
        email: stored?.email ?? view.email,
        mfa: null,
      });
    }
    wyzeClient.signOut();
    stored = null;
    await secrets.clear();
    await rememberEmail(null);
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
  async function startDemoJob(): Promise<SessionView> {
    const before = view.status;
    wyzeClient.dropSession(); // the Wyze session comes back when the demo ends, limits and all
    set({ status: 'signingIn', demo: true, persistence: 'memory', error: null, mfa: null });
    try {
      const { email } = await demo.start();
      return set({ status: 'signedIn', email, hasStoredApiKey: false, mfa: null, error: null });
    } catch (err) {
      if (stored) wyzeClient.restore(stored);
      set({ status: before, demo: false, persistence: secrets.kind() });
      throw err;
    }
  }

  return {
    /** Reads the keychain: signed in with the stored session, or signed out. */
    init: (): Promise<SessionView> =>
      perform('init', async () => {
        try {
          stored = await secrets.load();
        } catch (err) {
          logger.warn('could not read the keychain', { err });
          stored = null;
        }
        if (!stored) return set({ status: 'signedOut' });
        wyzeClient.restore(stored);
        return set({ status: 'signedIn', email: stored.email, hasStoredApiKey: true });
      }),
    view: (): SessionView => view,
    /** The stored session's API key ID (main/watch/ keeps only its hash); null when none. */
    apiKeyId: (): string | null => stored?.keyId || null,
    client,
    signIn: (req: SignInRequest): Promise<SessionView> =>
      performSignIn('signIn', (abort) => signInJob(req, abort)),
    sendMfaCode: (method: 'sms' | 'email'): Promise<SessionView> =>
      perform('sendMfaCode', async () => {
        await wyzeClient.sendMfaCode(method);
        const mfa = view.mfa;
        if (!mfa) throw wyzeError('NOT_SIGNED_IN');
        return set({ mfa: { ...mfa, sent: { ...mfa.sent, [method]: Date.now() } } });
      }),
    verifyMfa: (method: MfaMethod, code: string): Promise<SessionView> =>
      perform('verifyMfa', () => verifyMfaJob(method, code)),
    /** Leaves two-step verification, or interrupts a sign-in in progress. */
    cancelSignIn: (): Promise<SessionView> => {
      // An interrupted sign-in falls back by itself; this answers once it has.
      if (interrupt() !== null) return afterPending(() => view);
      return perform('cancelSignIn', async () => {
        wyzeClient.dropSession();
        if (stored) wyzeClient.restore(stored);
        signingInAs = null;
        return set({ status: stored ? 'expired' : 'signedOut', mfa: null, error: null });
      });
    },
    signOut: (): Promise<SessionView> => {
      // Signing out of a demo that is still starting ends only the demo, as once it runs.
      if (interrupt() === 'startDemo') return afterPending(() => view);
      return perform('signOut', signOutJob);
    },
    startDemo: (): Promise<SessionView> => performSignIn('startDemo', startDemoJob),
    /** Stops the demo cloud and cancels requests (quit). Keeps the stored session. */
    shutdown: (): Promise<void> => {
      interrupt();
      return perform('shutdown', async () => {
        wyzeClient.signOut();
        await demo.end();
      });
    },
    onChange(listener: (view: SessionView) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
