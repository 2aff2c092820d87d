const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/**
 * Formats a time the way X-RateLimit-Reset-By carries it: `Fri Jan 09 17:07:12 UTC 2026`
 * (docs/protocol.md, "Timestamps and units").
 */
export function formatResetBy(ms: number): string {
  const d = new Date(ms);
  return (
    `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`
  );
}

export interface BudgetState {
  allowed: boolean;
  remaining: number;
  resetBy: number;
}

/**
 * A fixed-window request budget, like the one Wyze's gateways count against (docs/protocol.md,
 * "Rate limits").
 */
export class RateBudget {
  private windowStart = -Infinity;
  private used = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Counts one request and says whether it may be served. */
  take(): BudgetState {
    const now = this.now();
    if (now >= this.windowStart + this.windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
    const allowed = this.used < this.limit;
    if (allowed) this.used++;
    return {
      allowed,
      remaining: Math.max(0, this.limit - this.used),
      resetBy: this.windowStart + this.windowMs,
    };
  }
}
