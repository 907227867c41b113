import { mulberry32 } from '../prng.js';
import { median } from '../stats.js';

/**
 * Percentile bootstrap (Efron & Tibshirani 1993, §13.3) of a sample statistic, drawn with the
 * project's seeded generator so the same data and seed give the same interval on every platform.
 * Used for medians, which have no closed-form interval worth trusting on small skewed samples.
 */

/** How the resampling is done; both come from the config (`uncertainty`). */
export interface BootstrapOptions {
  /** Seed of mulberry32. */
  seed: number;
  /** Number of resamples (at least 2,000 for stable 2.5 % / 97.5 % tails). */
  resamples: number;
}

export const DEFAULT_BOOTSTRAP: BootstrapOptions = { seed: 20_260_101, resamples: 2_000 };

/** Lower and upper ends of the 95 % percentile interval. */
export interface BootstrapInterval {
  low: number;
  high: number;
}

/**
 * The 95 % percentile-bootstrap interval of `statistic` (default: the median) over `values`: draw
 * `resamples` samples of the same size with replacement, take the statistic of each, and read the
 * 2.5th and 97.5th percentiles of those (the order statistics at ⌈0.025·B⌉ and ⌈0.975·B⌉, no
 * interpolation, so every bound is a value a resample produced). Null for no values.
 */
export function bootstrapInterval(
  values: readonly number[],
  options: BootstrapOptions = DEFAULT_BOOTSTRAP,
  statistic: (sample: readonly number[]) => number | null = median,
): BootstrapInterval | null {
  const n = values.length;
  if (n === 0 || options.resamples < 1) return null;
  const random = mulberry32(options.seed);
  const stats: number[] = [];
  const sample: number[] = new Array<number>(n);
  for (let b = 0; b < options.resamples; b += 1) {
    for (let i = 0; i < n; i += 1) sample[i] = values[Math.floor(random() * n)] ?? 0;
    const s = statistic(sample);
    if (s !== null) stats.push(s);
  }
  stats.sort((a, b) => a - b);
  return { low: orderStatistic(stats, 0.025), high: orderStatistic(stats, 0.975) };
}

/** The ⌈q·B⌉-th smallest of B sorted values (1-based), clamped to the sample. */
function orderStatistic(sorted: readonly number[], q: number): number {
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? 0;
}
