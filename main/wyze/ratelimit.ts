const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RESET_BY = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (UTC|GMT|Z) (\d{4})$/i;

/** Parses X-RateLimit-Reset-By (`Fri Jan 09 17:07:12 UTC 2026`); null when it is anything else. */
export function parseResetBy(value: string | null): number | null {
  const m = value ? RESET_BY.exec(value.trim()) : null;
  if (!m) return null;
  const [, mon, day, hh, mm, ss, , year] = m;
  const month = MONTHS.indexOf((mon ?? '').toLowerCase());
  if (month < 0) return null;
  const ms = Date.UTC(Number(year), month, Number(day), Number(hh), Number(mm), Number(ss));
  return Number.isFinite(ms) ? ms : null;
}

/** Parses Retry-After as seconds or an HTTP date; null when absent or unusable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return now + Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? date : null;
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
 * it runs low (security S19; MB-api stops at ≤10, JF-api at <7, §6.2).
 */
export class RateLimitTracker {
  private readonly budgets: Record<Host, Budget> = {
    auth: { remaining: null, resetAt: null },
    app: { remaining: null, resetAt: null },
  };

  constructor(private readonly threshold = 10) {}

  observe(host: Host, headers: Headers, now: number): void {
    const remaining = headers.get('x-ratelimit-remaining');
    if (remaining === null || !/^\d+$/.test(remaining.trim())) return;
    this.budgets[host] = {
      remaining: Number(remaining),
      resetAt: parseResetBy(headers.get('x-ratelimit-reset-by')) ?? now + 60_000,
    };
  }

  /** Records a hard stop (HTTP 429, code 1011) until the given time. */
  exhausted(host: Host, until: number): void {
    this.budgets[host] = { remaining: 0, resetAt: until };
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
