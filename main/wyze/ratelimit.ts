const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RESET_BY = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (UTC|GMT|Z) (\d{4})$/i;

/**
 * The longest the server may make this app wait, however far away the time it names: Retry-After,
 * X-RateLimit-Reset-By and the windows of codes 1011/3044 are all bounded by it, so a hostile or
 * broken answer cannot freeze refreshing for a day or forever (docs/protocol.md, "Rate limits").
 */
export const MAX_SERVER_WAIT_MS = 60 * 60_000;

/** How long to hold back when the server says "too many" without saying until when. */
export const DEFAULT_SERVER_WAIT_MS = 60_000;

/**
 * The one bound on a time the server asks us to wait until: never before `now`, never more than
 * MAX_SERVER_WAIT_MS after it; null when either is not a finite time.
 */
export function boundRetryAt(until: number, now: number): number | null {
  if (!Number.isFinite(until) || !Number.isFinite(now)) return null;
  return Math.min(Math.max(until, now), now + MAX_SERVER_WAIT_MS);
}

/**
 * Parses X-RateLimit-Reset-By (`Fri Jan 09 17:07:12 UTC 2026`); null when it is anything else.
 * Given `now`, the time is bounded by boundRetryAt.
 */
export function parseResetBy(value: string | null, now?: number): number | null {
  const m = value ? RESET_BY.exec(value.trim()) : null;
  if (!m) return null;
  const month = MONTHS.indexOf((m[1] ?? '').toLowerCase());
  const [day, hh, mm, ss, year] = [m[2], m[3], m[4], m[5], m[7]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 0 || day < 1 || day > 31 || hh > 23 || mm > 59 || ss > 60) return null;
  const ms = Date.UTC(year, month, day, hh, mm, ss);
  if (!Number.isFinite(ms)) return null;
  return now === undefined ? ms : boundRetryAt(ms, now);
}

/** HTTP dates (IMF-fixdate, RFC 850, asctime) start with a day name and carry hh:mm:ss. */
const HTTP_DATE = /^[a-z]{3,9},? [a-z0-9 ,-]*\d{1,2}:\d{2}:\d{2}[a-z0-9 ]*$/i;

/**
 * Parses Retry-After as seconds or an HTTP date, bounded by boundRetryAt; null when absent,
 * unusable or not finite (negative numbers, garbage, dates the runtime cannot represent).
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  const text = value?.trim() ?? '';
  if (!text || text.length > 64) return null;
  if (/^\d+$/.test(text)) return boundRetryAt(now + Number(text) * 1000, now);
  if (!HTTP_DATE.test(text)) return null;
  return boundRetryAt(Date.parse(text), now);
}

export type Host = 'auth' | 'app';

export interface RateLimitStatus {
  host: Host;
  remaining: number | null;
  resetAt: number | null;
  /** Epoch ms until which non-essential requests are held back, or null when not limited. */
  limitedUntil: number | null;
}

interface Budget {
  remaining: number | null;
  resetAt: number | null;
}

/**
 * Follows the budget Wyze reports on every response and holds back non-essential requests when
 * it runs low (docs/security.md, S19; docker-wyze-bridge stops at ≤10, wyze-api at <7:
 * docs/protocol.md, "Rate limits").
 */
export class RateLimitTracker {
  private readonly budgets: Record<Host, Budget> = {
    auth: { remaining: null, resetAt: null },
    app: { remaining: null, resetAt: null },
  };

  constructor(private readonly threshold = 10) {}

  observe(host: Host, headers: Headers, now: number): void {
    const text = headers.get('x-ratelimit-remaining')?.trim() ?? '';
    const remaining = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(remaining)) return;
    this.budgets[host] = {
      remaining,
      resetAt:
        parseResetBy(headers.get('x-ratelimit-reset-by'), now) ?? now + DEFAULT_SERVER_WAIT_MS,
    };
  }

  /** Records a hard stop (HTTP 429, code 1011) until the given time, bounded by boundRetryAt. */
  exhausted(host: Host, until: number, now: number): void {
    const resetAt = boundRetryAt(until, now) ?? boundRetryAt(now + DEFAULT_SERVER_WAIT_MS, now);
    this.budgets[host] = { remaining: 0, resetAt };
  }

  /** Forgets every budget and hard stop: a limit seen by one session must not hold the next. */
  reset(): void {
    this.budgets.auth = { remaining: null, resetAt: null };
    this.budgets.app = { remaining: null, resetAt: null };
  }

  /** Epoch ms until which non-essential requests to this host wait, or null. */
  limitedUntil(host: Host, now: number): number | null {
    const { remaining, resetAt } = this.budgets[host];
    if (remaining === null || resetAt === null || resetAt <= now) return null;
    return remaining <= this.threshold ? resetAt : null;
  }

  status(host: Host, now: number): RateLimitStatus {
    return { host, ...this.budgets[host], limitedUntil: this.limitedUntil(host, now) };
  }
}

/**
 * At or below this many app-host requests left, background reads (the event poll) wait: they are
 * the first to give way, stopping where the list's refresh only slows (≤30) and well before other
 * reads stop (≤10) (docs/protocol.md, "Events").
 */
export const BACKGROUND_RESERVE = 30;

/**
 * Until when a background read should wait, from the app host's status: while it is limited
 * (a 429 or code 1011 holds it), or while its budget is at or below the reserve until the budget
 * resets; null when it may go now.
 */
export function backgroundHoldUntil(
  status: RateLimitStatus | undefined,
  now: number,
  reserve = BACKGROUND_RESERVE,
): number | null {
  if (!status) return null;
  if (status.limitedUntil !== null && status.limitedUntil > now) return status.limitedUntil;
  const low = status.remaining !== null && status.remaining <= reserve;
  return low && status.resetAt !== null && status.resetAt > now ? status.resetAt : null;
}
