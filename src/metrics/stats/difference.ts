import { mulberry32 } from '../prng.js';

/** z for a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

/** An estimate with its 95 % interval. */
export interface Interval {
  value: number;
  low: number;
  high: number;
}

/**
 * Wilson score interval (no continuity correction) of `successes / n`. Kept here, beside the
 * difference it feeds, so this module does not depend on the headline-interval module.
 */
export function wilsonInterval(successes: number, n: number): Interval | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { value: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Newcombe's hybrid score interval for a difference of two proportions, `x1/n1 - x2/n2`
 * (Newcombe 1998, method 10): each side's Wilson interval, combined. It stays inside [-1, 1] and
 * behaves at 0 or 100 %, where the plain Wald interval collapses. Null when a side is empty.
 */
export function newcombeDifference(x1: number, n1: number, x2: number, n2: number): Interval | null {
  const first = wilsonInterval(x1, n1);
  const second = wilsonInterval(x2, n2);
  if (!first || !second) return null;
  const value = first.value - second.value;
  const low = value - Math.sqrt((first.value - first.low) ** 2 + (second.high - second.value) ** 2);
  const high = value + Math.sqrt((first.high - first.value) ** 2 + (second.value - second.low) ** 2);
  return { value, low, high };
}

/**
 * Seeded percentile bootstrap of `mean(a) - mean(b)`: each resample draws both groups again with
 * replacement, at their own sizes. The same seed gives the same interval on every platform.
 * Null when a group is empty.
 */
export function bootstrapMeanDifference(
  a: readonly number[],
  b: readonly number[],
  options: { seed: number; resamples: number },
): Interval | null {
  if (a.length === 0 || b.length === 0) return null;
  const random = mulberry32(options.seed);
  const resampledMean = (values: readonly number[]): number => {
    let total = 0;
    for (let i = 0; i < values.length; i++) total += values[Math.floor(random() * values.length)] ?? 0;
    return total / values.length;
  };
  const differences: number[] = [];
  for (let r = 0; r < options.resamples; r++) differences.push(resampledMean(a) - resampledMean(b));
  differences.sort((x, y) => x - y);
  return { value: mean(a) - mean(b), low: quantile(differences, 0.025), high: quantile(differences, 0.975) };
}

/** Linear interpolation between order statistics (R's type 7, the default of `quantile()`). */
export function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const lower = sorted[below] ?? 0;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] ?? lower;
  return lower + (upper - lower) * (position - below);
}

export const mean = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0) / values.length;
