import type { ErrorCode } from '../../common/errors';
import type { ErrorDto } from '../../common/result';
import { boundedText, capText } from './normalise';
import { DEFAULT_SERVER_WAIT_MS, boundRetryAt } from './ratelimit';

/**
 * The one place that decides what each failure is called and what the user is told
 * (docs/protocol.md, "Error codes"; docs/engineering.md: errors are data, with a plain-language
 * message that says what happened and what to do next).
 */
const MESSAGES: Record<ErrorCode, string> = {
  INVALID_CREDENTIALS:
    'Wyze did not accept that e-mail and password. Check them and try again. If you created your ' +
    'Wyze account with Google or Apple sign-in, it has no Wyze password yet: choose "Forgot ' +
    'password" in the Wyze app with the same e-mail to set one, then sign in here with it.',
  INVALID_API_KEY:
    'Wyze did not accept the sign-in. Check that the API key ID and the API key are each in ' +
    'their own field (the key ID is the shorter one), that the key has not expired (keys last ' +
    'one year) and was not replaced by a newer one, and that the password is right.',
  MISSING_API_KEY:
    'Wyze requires an API key and its key ID for apps like this one. Create them in the Wyze ' +
    'developer console, signed in with the same account.',
  ACCOUNT_LOCKED:
    'Wyze has paused sign-in for this account after too many failed attempts. Wait a few hours ' +
    'before trying again: every attempt while locked can extend the lock.',
  RATE_LIMITED:
    'Wyze is limiting how often this computer may ask for data. The app will wait and try again.',
  MFA_CODE_INVALID:
    'That verification code is wrong or has expired. Ask for a new code and try again.',
  MFA_METHOD_UNAVAILABLE:
    'That verification method is not set up for this account. Choose one of the offered methods.',
  SESSION_EXPIRED: 'Your Wyze session has ended. Sign in again to continue.',
  TOKEN_REFUSED:
    'Wyze refused the sign-in it had just renewed. Try again in a moment; if it keeps happening, ' +
    'sign out and sign in again.',
  NOT_SIGNED_IN: 'You are not signed in to Wyze.',
  PARAMETER_ERROR:
    'Wyze rejected the request as incomplete. Try again; if it persists, sign in again.',
  DEVICE_OFFLINE: 'That device is offline, so Wyze cannot reach it right now.',
  BLOCKED:
    "Wyze's servers refused this request. This happens when Wyze blocks a network or an app for " +
    'a while; wait and try again later.',
  NETWORK: 'Could not reach Wyze. Check your internet connection and try again.',
  TIMEOUT: 'Wyze took too long to answer. Try again in a moment.',
  SERVER_ERROR: "Wyze's servers had a problem answering. Try again in a moment.",
  RESPONSE_TOO_LARGE: 'Wyze sent more data than expected, so it was not accepted. Try again later.',
  UNEXPECTED_RESPONSE:
    'Wyze answered in a way this app does not understand. Try again; if it keeps happening, the ' +
    'service may have changed.',
  UNKNOWN_CODE: 'Wyze reported an error this app does not know.',
  CANCELLED: 'The request was cancelled.',
  INVALID_BASE_URL:
    'The Wyze server address is not allowed: only https addresses (or loopback http for testing).',
  INVALID_ARGUMENT: 'The request was not valid.',
  KEYCHAIN_UNAVAILABLE:
    "This computer's keychain is not available, so your sign-in will not be remembered after " +
    'you quit the app.',
  PRIVACY_MODE:
    'Privacy mode is on for this camera, so it is not streaming. Turn privacy mode off in the ' +
    'Wyze app to watch it live.',
  LIVE_NOT_SUPPORTED:
    'Wyze does not offer live view of this camera to apps like this one. Watch it in the Wyze app.',
  LIVE_REFUSED:
    'Wyze refused to start live view of this camera. Try again in a moment; if it keeps ' +
    'happening, watch it in the Wyze app.',
  LIVE_LIMIT: 'Four cameras are already live. Close one of them before watching another.',
  LIVE_SESSION_UNKNOWN: 'That live view has already ended. Start watching the camera again.',
  SIGNALLING_FAILED:
    'The connection to the camera was lost and could not be made again. Check your internet ' +
    'connection, then start watching the camera again.',
  INTERNAL:
    'Something went wrong inside the app. Try again; if it keeps happening, restart the app.',
};

/** A failure with a stable code, a message for people and, for logs, a short technical detail. */
export class WyzeError extends Error {
  override name = 'WyzeError';

  constructor(
    readonly code: ErrorCode,
    message: string = MESSAGES[code],
    readonly retryAt?: number,
    readonly detail?: string,
  ) {
    super(message);
  }

  /** The form that crosses process boundaries: code, message and retry time only. */
  toDto(): ErrorDto {
    return this.retryAt === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, retryAt: this.retryAt };
  }
}

const isShowable = (ms: number): boolean => Number.isFinite(new Date(ms).getTime());
const sameDay = (a: Date, b: Date): boolean =>
  a.getFullYear() === b.getFullYear() &&
  a.getMonth() === b.getMonth() &&
  a.getDate() === b.getDate();

/**
 * "3:05 PM" when `ms` falls on the same local day as `now`, else "3:05 PM on Nov 28" (with the
 * year when it differs); null when either is not a time a person can be shown.
 */
export function untilPhrase(ms: number, now: number): string | null {
  if (!isShowable(ms) || !isShowable(now)) return null;
  const at = new Date(ms);
  const today = new Date(now);
  // ICU puts a narrow no-break space before AM/PM; a plain one reads the same and copies cleanly.
  const time = at
    .toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' })
    .replace(/\s/g, ' ');
  if (sameDay(at, today)) return time;
  const date = at.toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    ...(at.getFullYear() === today.getFullYear() ? {} : { year: 'numeric' }),
  });
  return `${time} on ${date}`;
}

/** The rate-limit message: sign-in is never retried by the app, reads are. */
function rateLimitedMessage(until: string | null, host: 'auth' | 'app'): string {
  if (host === 'auth') {
    return until
      ? `Wyze is limiting sign-in attempts from this computer until about ${until}. ` +
          'Nothing retries on its own: try signing in again after that time.'
      : 'Wyze is limiting sign-in attempts from this computer. Wait a few minutes, then try ' +
          'signing in again.';
  }
  return until
    ? `Wyze is limiting how often this computer may ask for data, until about ${until}. The ` +
        'app will wait until then.'
    : MESSAGES.RATE_LIMITED;
}

export interface ErrorOptions {
  /** When a rate limit lifts (epoch ms). */
  retryAt?: number;
  /** The client's clock, to say whether `retryAt` is today; the system clock when absent. */
  now?: number;
  /** Which host set the limit: the auth host (sign-in) or the app host (reads, refresh). */
  host?: 'auth' | 'app';
  /** A short technical detail for logs. */
  detail?: string;
}

/** When a limit lifts: bounded against the client's clock when given, dropped when unshowable. */
function liftTime(retryAt: number | undefined, now: number | undefined): number | undefined {
  if (retryAt === undefined) return undefined;
  const bounded = now === undefined ? retryAt : boundRetryAt(retryAt, now);
  return bounded !== null && isShowable(bounded) ? bounded : undefined;
}

/** Builds the error for a code, with the time a limit lifts worked into the message. */
export function wyzeError(code: ErrorCode, opts: ErrorOptions = {}): WyzeError {
  let message = MESSAGES[code];
  let retryAt = opts.retryAt;
  if (code === 'RATE_LIMITED') {
    retryAt = liftTime(opts.retryAt, opts.now);
    const until = retryAt === undefined ? null : untilPhrase(retryAt, opts.now ?? Date.now());
    message = rateLimitedMessage(until, opts.host ?? 'app');
  }
  if (code === 'UNKNOWN_CODE' && opts.detail) message = `${message} (${opts.detail})`;
  return new WyzeError(code, message, retryAt, opts.detail);
}

/**
 * A body that stopped before its declared end (the connection closed part-way): kept under
 * NETWORK, so it is retried like one, but said as what it is.
 */
export function incompleteAnswer(detail: string): WyzeError {
  return new WyzeError(
    'NETWORK',
    "Wyze's answer was cut off before it was complete, so it was not used. Try again in a moment.",
    undefined,
    detail,
  );
}

/** How much of a server's error code and message an error message repeats. */
const MAX_SHOWN_CODE = 16;
const MAX_SHOWN_MESSAGE = 120;

/**
 * Server text as it may appear in an error message: no control or bidi characters (a message
 * must not rewrite itself on screen or in the log), cut to `max` characters; null when empty.
 */
function serverText(text: string, max: number): string | null {
  const clean = boundedText(text);
  return clean === null ? null : capText(clean, max);
}

/** Auth-host 400 descriptions and what they mean (docs/protocol.md, "Error codes"). */
const AUTH_DESCRIPTIONS: [RegExp, ErrorCode][] = [
  [/too many failed attempts/i, 'ACCOUNT_LOCKED'],
  [/invalid user name or password/i, 'INVALID_CREDENTIALS'],
  [/check username, password, keyid or apikey/i, 'INVALID_API_KEY'],
];

/** Maps an auth-host error description; `mfaStep` marks the second login, where 400 is a bad code. */
export function authFailure(description: string, mfaStep: boolean): WyzeError {
  for (const [pattern, code] of AUTH_DESCRIPTIONS) {
    if (pattern.test(description)) {
      // During the MFA step, a credential message can only mean the code was refused.
      if (mfaStep && code !== 'ACCOUNT_LOCKED') return wyzeError('MFA_CODE_INVALID');
      return wyzeError(code);
    }
  }
  const shown = serverText(description, MAX_SHOWN_MESSAGE);
  if (mfaStep) return wyzeError('MFA_CODE_INVALID', shown ? { detail: shown } : {});
  return wyzeError('UNKNOWN_CODE', { detail: shown ? `sign-in: ${shown}` : 'sign-in' });
}

/**
 * App-host business codes and legacy messages (docs/protocol.md, "Error codes"). `2001` is handled
 * by the refresh logic.
 */
export function appFailure(code: string, msg: string, now: number): WyzeError {
  switch (code) {
    case '1001':
      return wyzeError('PARAMETER_ERROR');
    case '1011':
      return wyzeError('RATE_LIMITED', { retryAt: now + DEFAULT_SERVER_WAIT_MS, now });
    case '2001':
    case '2002':
      return wyzeError('SESSION_EXPIRED');
    case '3019':
      return wyzeError('DEVICE_OFFLINE');
    case '3044':
      // Only one client treats 3044 as a rate limit (retry after 10 minutes; docs/protocol.md,
      // "Error codes"); we follow it.
      return wyzeError('RATE_LIMITED', { retryAt: now + 600_000, now });
  }
  if (msg === 'UserIsLocked') return wyzeError('ACCOUNT_LOCKED');
  if (msg === 'UserNameOrPasswordError') return wyzeError('INVALID_CREDENTIALS');
  const shownCode = serverText(code, MAX_SHOWN_CODE) ?? '?';
  const shownMsg = serverText(msg, MAX_SHOWN_MESSAGE);
  return wyzeError('UNKNOWN_CODE', {
    detail: shownMsg ? `code ${shownCode}: ${shownMsg}` : `code ${shownCode}`,
  });
}
