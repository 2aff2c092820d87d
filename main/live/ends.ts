import type { LiveEnd } from '../../common/live';
import { WyzeError, wyzeError } from '../wyze/errors';
import type { EndAllReason } from './service';

/** Reconnects tried, each with a fresh bootstrap, before a session ends with SIGNALLING_FAILED. */
export const MAX_RECONNECT_ATTEMPTS = 5;
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

/** The wait before reconnect attempt `attempt` (1-based): 0.5 s, 1 s, 2 s, 4 s, 8 s, 8 s … */
export const reconnectDelayMs = (attempt: number): number =>
  Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempt - 1));

const END_ALL_MESSAGES: Record<EndAllReason, string> = {
  stopped: 'Live view was closed.',
  'signed-out': 'You signed out, so live view ended.',
  'window-closed': 'The window closed, so live view ended.',
};

/** Error codes a live session can end with, as the page's LiveEnd names them. */
const END_CODES = new Set<string>([
  'DEVICE_OFFLINE',
  'PRIVACY_MODE',
  'LIVE_NOT_SUPPORTED',
  'LIVE_REFUSED',
  'SIGNALLING_FAILED',
  'NETWORK',
  'RATE_LIMITED',
  'SESSION_EXPIRED',
  'INTERNAL',
]);

/**
 * Why a session ended, in plain words: an end-all reason, or a failure. Failures the page has no
 * code for are said as the signalling failure they amount to (timeouts, server errors); a sign-out
 * that raced a reconnect is a sign-out.
 */
export function endOf(cause: unknown): LiveEnd {
  if (typeof cause === 'string' && cause in END_ALL_MESSAGES) {
    const reason = cause as EndAllReason;
    return { code: reason, message: END_ALL_MESSAGES[reason] };
  }
  if (!(cause instanceof WyzeError))
    return { code: 'INTERNAL', message: wyzeError('INTERNAL').message };
  if (cause.code === 'NOT_SIGNED_IN' || cause.code === 'CANCELLED') {
    return { code: 'signed-out', message: END_ALL_MESSAGES['signed-out'] };
  }
  if (END_CODES.has(cause.code)) {
    return { code: cause.code as LiveEnd['code'], message: cause.message };
  }
  return { code: 'SIGNALLING_FAILED', message: wyzeError('SIGNALLING_FAILED').message };
}

/** The signalling service refused a message (STATUS_RESPONSE with an error). */
export function statusEnd(status: { statusCode: string; errorType: string }): LiveEnd {
  const code = /^\d{3}$/.test(status.statusCode) ? ` ${status.statusCode}` : '';
  const type = /^[\w.:-]{1,64}$/.test(status.errorType) ? ` ${status.errorType}` : '';
  return {
    code: 'SIGNALLING_FAILED',
    message:
      `The camera's signalling service refused the connection (${`status${code}${type}`.trim()}). ` +
      'Start watching the camera again.',
  };
}

/** The camera did not answer the page's offer in time (sessions.ts, ANSWER_TIMEOUT_MS). */
export function noAnswerEnd(): LiveEnd {
  return {
    code: 'SIGNALLING_FAILED',
    message:
      'The camera did not answer. It may be asleep or out of reach: check that it is online, ' +
      'then start watching it again.',
  };
}
