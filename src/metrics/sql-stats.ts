/**
 * Medians and percentiles with the values kept in DuckDB: SQL picks the one or two order
 * statistics a figure needs and JS finishes it with the arithmetic of `stats.ts`, so the result is
 * bit-identical to `median` / `percentile` over all values in JS. DuckDB's own `median()` and
 * `quantile_cont` interpolate as `lo + (hi - lo) * d`, which can differ from `(lo + hi) / 2` in the
 * last bit, so they are not used.
 */

/** The order statistics of one value set: its size and the values `median` / `percentile` read. */
export interface OrderStats {
  /** Count of non-null values. */
  n: number;
  /** The lower and upper middle values (equal for an odd count); null without values. */
  lower: number | null;
  upper: number | null;
}

/**
 * SQL select items over `sorted`, a `list_sort(...)` of non-null values (or NULL): `<name>_n`,
 * `<name>_lower`, `<name>_upper` (DuckDB lists are 1-based; out-of-range gives NULL).
 */
export function middleColumns(sorted: string, name: string): string {
  return `coalesce(len(${sorted}), 0) AS ${name}_n,
          ${sorted}[(len(${sorted}) + 1) // 2] AS ${name}_lower,
          ${sorted}[len(${sorted}) // 2 + 1] AS ${name}_upper`;
}

/**
 * SQL select items `<name>_low`, `<name>_high`: the values at the floor and ceiling of the rank
 * p/100 · (n − 1) (`percentile`'s), computed in doubles as JS does.
 */
export function percentileColumns(sorted: string, p: number, name: string): string {
  const rank = `((${p}::DOUBLE / 100::DOUBLE) * (len(${sorted}) - 1)::DOUBLE)`;
  return `${sorted}[floor(${rank})::BIGINT + 1] AS ${name}_low,
          ${sorted}[ceil(${rank})::BIGINT + 1] AS ${name}_high`;
}

/** The median from `middleColumns` (`stats.median`'s arithmetic). */
export function medianOf(stats: OrderStats): number | null {
  if (stats.n === 0) return null;
  const upper = stats.upper ?? 0;
  if (stats.n % 2 === 1) return upper;
  return ((stats.lower ?? 0) + upper) / 2;
}

/** The p-th percentile from `percentileColumns` (`stats.percentile`'s arithmetic). */
export function percentileOf(n: number, p: number, low: number | null, high: number | null): number | null {
  if (n === 0) return null;
  const rank = (p / 100) * (n - 1);
  const l = low ?? 0;
  const h = high ?? 0;
  return l + (h - l) * (rank - Math.floor(rank));
}

/** Sum / count, as `stats.mean` gives it for integer values (their JS sum is exact below 2^53). */
export function meanOf(total: number, count: number): number | null {
  return count === 0 ? null : total / count;
}
