import type { Logger } from '../logging/logger';
import { WyzeError, wyzeError } from './errors';
import { jwtExpiry } from './jwt';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

/**
 * Trades the current pair for a new one (one request to Wyze). Returns 'refused' when Wyze
 * refuses the refresh token, so a new sign-in is needed; throws for any other failure.
 */
export type TokenExchange = (
  current: SessionTokens,
  signal: AbortSignal,
) => Promise<SessionTokens | 'refused'>;

export interface TokenKeeperOptions {
  logger: Logger;
  now: () => number;
  /** Refresh a JWT access token this long before its exp. */
  refreshAheadMs: number;
  exchange: TokenExchange;
  /** Receives every new token pair and is awaited before anything uses it: persist here. */
  onTokens?: (tokens: SessionTokens) => Promise<void> | void;
  /** Called once when Wyze refuses the refresh token and a new sign-in is needed. */
  onSessionExpired?: () => void;
}

/**
 * The session's token pair and its lifecycle: adoption (persisted before use), one refresh at a
 * time however many callers need it, refresh ahead of a JWT's exp, the end of a session, and the
 * generation (epoch) that lets sign-out cancel everything started before it
 * (docs/protocol.md, "Tokens and refresh"; docs/security.md, S17).
 */
export function createTokenKeeper(options: TokenKeeperOptions) {
  const { logger, now } = options;
  let tokens: SessionTokens | null = null;
  /** The refresh in flight and the generation that started it; only its own end clears it. */
  let flight: { promise: Promise<string>; epoch: number } | null = null;
  /** Set when Wyze refused the refresh token, until the next sign-in or sign-out. */
  let sessionEnded = false;
  /** Bumped on sign-out so late answers from before it are dropped. */
  let epoch = 0;
  let lifecycle = new AbortController();

  const signedOutError = (): WyzeError =>
    wyzeError(sessionEnded ? 'SESSION_EXPIRED' : 'NOT_SIGNED_IN');

  /** Persists a new pair through onTokens, then uses it, unless a sign-out came in between. */
  async function adopt(pair: SessionTokens, at: number): Promise<void> {
    if (at !== epoch) throw wyzeError('CANCELLED');
    logger.addSecret(pair.accessToken);
    logger.addSecret(pair.refreshToken);
    await options.onTokens?.(pair);
    if (at !== epoch) throw wyzeError('CANCELLED');
    tokens = pair;
    sessionEnded = false;
  }

  /** Ends the session of generation `at` because Wyze refused its refresh token. */
  function expire(at: number): void {
    if (at !== epoch || tokens === null) return;
    tokens = null;
    sessionEnded = true;
    logger.warn('Wyze refused the refresh token; a new sign-in is needed');
    options.onSessionExpired?.();
  }

  /** Exchanges the refresh token once, however many callers meet an expired token together. */
  function refreshAfter(staleAccessToken: string): Promise<string> {
    if (!tokens) return Promise.reject(signedOutError());
    if (tokens.accessToken !== staleAccessToken) return Promise.resolve(tokens.accessToken);
    if (flight?.epoch === epoch) return flight.promise;
    const at = epoch;
    const current = tokens;
    const mine = {
      epoch: at,
      promise: (async () => {
        const result = await options.exchange(current, lifecycle.signal);
        if (result === 'refused') {
          expire(at);
          throw wyzeError('SESSION_EXPIRED');
        }
        await adopt(result, at);
        logger.info('tokens refreshed');
        return result.accessToken;
      })(),
    };
    flight = mine;
    // A flight replaced by a sign-out, a restore or a newer refresh must not clear its successor.
    const clear = (): void => {
      if (flight === mine) flight = null;
    };
    mine.promise.then(clear, clear);
    return mine.promise;
  }

  /** The access token to use now, refreshed ahead of time when a JWT is about to expire. */
  async function accessToken(): Promise<string> {
    if (flight?.epoch === epoch) return flight.promise;
    if (!tokens) throw signedOutError();
    const token = tokens.accessToken;
    const exp = jwtExpiry(token);
    if (exp === null || exp - now() > options.refreshAheadMs) return token;
    try {
      return await refreshAfter(token);
    } catch (err) {
      // A failed early refresh is harmless while the token still works.
      if (err instanceof WyzeError && err.code !== 'SESSION_EXPIRED' && exp > now()) return token;
      throw err;
    }
  }

  /** Forgets the pair and cancels everything started before now (sign-out, quit, restore). */
  function reset(): void {
    epoch++;
    lifecycle.abort();
    lifecycle = new AbortController();
    tokens = null;
    flight = null;
    sessionEnded = false;
  }

  /** Starts a new generation with stored tokens (e.g. the keychain at launch). */
  function restore(stored: SessionTokens): void {
    reset();
    logger.addSecret(stored.accessToken);
    logger.addSecret(stored.refreshToken);
    tokens = { ...stored };
  }

  return {
    adopt,
    expire,
    refreshAfter,
    accessToken,
    reset,
    restore,
    /** The current generation: capture it before an await, hand it to adopt() after. */
    epoch: (): number => epoch,
    /** Aborted on the next reset(): every request of this generation carries it. */
    signal: (): AbortSignal => lifecycle.signal,
    /** The access token held now, or null; never refreshes. */
    current: (): string | null => tokens?.accessToken ?? null,
    isSignedIn: (): boolean => tokens !== null,
  };
}

export type TokenKeeper = ReturnType<typeof createTokenKeeper>;
