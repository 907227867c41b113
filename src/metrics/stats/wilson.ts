/**
 * Wilson score interval for a binomial proportion (Wilson 1927; Newcombe 1998, method 3). Chosen
 * over the textbook Wald interval because pilots are small: Wald collapses to zero width at 0 % and
 * 100 % and undercovers below n ≈ 40, Wilson stays inside [0, 1] and keeps close to 95 % coverage.
 */

/** z for a two-sided 95 % interval: the 0.975 quantile of the standard normal. */
export const Z_95 = 1.959963984540054;

/** A proportion's interval: `low ≤ successes / n ≤ high`. */
export interface ProportionInterval {
  low: number;
  high: number;
}

/**
 * The Wilson interval of `successes` out of `n` trials at the given z (default 95 %):
 * (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n). Null for n = 0 (no proportion to qualify).
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): ProportionInterval | null {
  if (n <= 0) return null;
  if (successes < 0 || successes > n) throw new RangeError(`wilsonInterval: ${successes} successes out of ${n}`);
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // The bounds are exactly 0 and 1 at the extremes; rounding must not push them past.
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === n ? 1 : Math.min(1, centre + half),
  };
}
