/** Small statistics for `npm run bench`: every figure it prints is a median or a percentile. */

/** The middle value (the lower middle for an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/**
 * The nearest-rank percentile: the smallest value with at least `p` percent of the values at or
 * below it; NaN for no values.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? NaN;
}

/** A figure for the report: whole milliseconds, or "n/a" when nothing was measured. */
export const ms = (value: number): string =>
  Number.isFinite(value) ? `${value.toFixed(0)} ms` : 'n/a';

/** A ratio for the report, e.g. "1.32×". */
export const ratio = (a: number, b: number): string =>
  Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : 'n/a';
