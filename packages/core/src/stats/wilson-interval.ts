/**
 * The Wilson score interval for a proportion (Wilson 1927), which the dashboard puts
 * around every "x % chose this" figure. Unlike the textbook Wald interval p̂ ± z·SE it
 * never leaves [0, 1] and keeps close to its nominal coverage for small n and for
 * proportions near 0 or 1 (Newcombe 1998), which is exactly where screeners live.
 */
import { normalQuantile } from "./normal-quantile";

/** A point estimate with its confidence interval, all as proportions in [0, 1]. */
export type ProportionInterval = { estimate: number; lower: number; upper: number };

/**
 * The observed proportion successes / n with its Wilson score interval at `confidence`
 * (any level in (0, 1); 0.90, 0.95 and 0.99 are the usual ones).
 * With n = 0 there is no information, so the estimate is 0 and the interval is all of [0, 1].
 * Example: `wilsonInterval(81, 263)` → { estimate: 0.308, lower: 0.2553, upper: 0.3662 }.
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): ProportionInterval {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`wilsonInterval needs 0 < confidence < 1, got ${confidence}`);
  }
  if (!(n >= 0) || !Number.isFinite(n)) throw new RangeError(`wilsonInterval needs finite n ≥ 0, got ${n}`);
  if (!(successes >= 0 && successes <= n)) {
    throw new RangeError(`wilsonInterval needs 0 ≤ successes ≤ n, got ${successes} of ${n}`);
  }
  if (n === 0) return { estimate: 0, lower: 0, upper: 1 };

  const z = normalQuantile(1 - (1 - confidence) / 2);
  const z2 = z * z;
  const p = successes / n;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 or n successes the bound is exactly 0 or 1 in theory; pin it so rounding
  // cannot report a lower bound of 1e-17 or an upper bound of 0.9999999999999999.
  return {
    estimate: p,
    lower: successes === 0 ? 0 : Math.max(0, centre - halfWidth),
    upper: successes === n ? 1 : Math.min(1, centre + halfWidth),
  };
}
