import { setTimeout as sleepFor } from 'node:timers/promises';
import { createLogger } from '../logging/logger';
import type { Logger } from '../logging/logger';
import { createAppHost } from './app-host';
import type { BaseUrls } from './config';
import { wyzeError } from './errors';
import { RateLimitTracker } from './ratelimit';
import type { RateLimitStatus } from './ratelimit';
import { createReads } from './reads';
import { createSignIn } from './sign-in';
import { createTokenKeeper } from './tokens';
import type { SessionTokens } from './tokens';
import { createTransport } from './transport';

export type { MfaChallenge, SignInOutcome, WyzeCredentials } from './sign-in';
export type { SessionTokens } from './tokens';

export interface WyzeClientOptions {
  baseUrls: BaseUrls;
  /** A UUIDv4 made once per installation and kept (docs/protocol.md, "Common parameters"). */
  phoneId: string;
  /** Our version, sent in an honest User-Agent. */
  appVersion: string;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
  logger?: Logger;
  attemptTimeoutMs?: number;
  deadlineMs?: number;
  maxResponseBytes?: number;
  rateLimitThreshold?: number;
  /** Refresh a JWT access token this long before its exp. */
  refreshAheadMs?: number;
  /** Receives every new token pair and is awaited before anything uses it: persist here. */
  onTokens?: (tokens: SessionTokens) => Promise<void> | void;
  /** Called once when Wyze refuses the refresh token and a new sign-in is needed. */
  onSessionExpired?: () => void;
}

/**
 * The Wyze cloud client: sign-in (sign-in.ts), tokens with single-flight refresh (tokens.ts) and
 * the account's devices (reads.ts), over one bounded transport (transport.ts). No Electron here:
 * it runs in plain Node against the emulator.
 */
export function createWyzeClient(options: WyzeClientOptions) {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? createLogger({ level: 'warn' });
  const rateLimits = new RateLimitTracker(options.rateLimitThreshold ?? 10);
  const transport = createTransport({
    fetch: options.fetch ?? globalThis.fetch,
    now,
    sleep: options.sleep ?? ((ms, signal) => sleepFor(ms, undefined, { signal })),
    random: options.random ?? Math.random,
    logger,
    rateLimits,
    userAgent: `wyzecam-desktop/${options.appVersion}`,
    attemptTimeoutMs: options.attemptTimeoutMs ?? 10_000,
    deadlineMs: options.deadlineMs ?? 30_000,
    maxResponseBytes: options.maxResponseBytes ?? 20 * 1024 * 1024,
    maxAttempts: 4,
  });
  const appHost = createAppHost({
    transport,
    baseUrl: options.baseUrls.api,
    v4BaseUrl: options.baseUrls.app,
    phoneId: options.phoneId,
    now,
    logger,
    rateLimits,
  });
  const tokens = createTokenKeeper({
    logger,
    now,
    refreshAheadMs: options.refreshAheadMs ?? 5 * 60_000,
    exchange: appHost.exchangeTokens,
    onTokens: options.onTokens,
    onSessionExpired: options.onSessionExpired,
  });
  const signInFlow = createSignIn({
    transport,
    baseUrl: options.baseUrls.auth,
    now,
    logger,
    tokens,
  });

  /**
   * Forgets the session in memory and cancels everything in flight, but keeps what Wyze said about
   * rate limits: the same account may come straight back (cancelled two-step verification, an
   * interrupted sign-in, the end of a demo), and a hold Wyze imposed still applies to it
   * (docs/protocol.md, "Rate limits").
   */
  function dropSession(): void {
    tokens.reset();
    signInFlow.forget();
    logger.forgetSecrets();
  }

  /** The user's sign-out (and quit): drops the session and forgets its rate limits too. */
  function signOut(): void {
    dropSession();
    rateLimits.reset();
  }

  /** Resumes a session from stored tokens (the keychain at launch, or after a cancelled sign-in). */
  function restore(stored: SessionTokens): void {
    dropSession();
    tokens.restore(stored);
  }

  /** Trades the refresh token for a new pair now (joins a refresh already in flight). */
  function refreshSession(): Promise<void> {
    const current = tokens.current();
    if (current === null) return Promise.reject(wyzeError('NOT_SIGNED_IN'));
    return tokens.refreshAfter(current).then(() => undefined);
  }

  return {
    signIn: signInFlow.signIn,
    sendMfaCode: signInFlow.sendMfaCode,
    verifyMfa: signInFlow.verifyMfa,
    restore,
    dropSession,
    signOut,
    refreshSession,
    isSignedIn: tokens.isSignedIn,
    ...createReads(appHost, tokens, logger, now),
    rateLimitStatus: (): RateLimitStatus[] => [
      rateLimits.status('auth', now()),
      rateLimits.status('app', now()),
    ],
  };
}

export type WyzeClient = ReturnType<typeof createWyzeClient>;
