import { describe, expect, it } from 'vitest';
import { bootstrapInterval } from '../../../src/metrics/stats/bootstrap.js';
import { mulberry32 } from '../../../src/metrics/prng.js';
import { median } from '../../../src/metrics/stats.js';

/**
 * The bootstrap distribution of the median of n distinct values (n odd, m = (n + 1) / 2) is known
 * exactly: the resampled median is ≤ x₍ₖ₎ when at least m draws are ≤ x₍ₖ₎, so
 * P(median* ≤ x₍ₖ₎) = P(Binomial(n, k/n) ≥ m) (Efron 1982, §10.4). For n = 11 (scipy.stats.binom.sf):
 * k = 2: 0.0072, k = 3: 0.0512, k = 8: 0.9488, k = 9: 0.9928. So the 2.5 % point is x₍₃₎ and the
 * 97.5 % point x₍₉₎, far enough from the borders that 20,000 resamples land on them for any seed.
 */
const VALUES = [34, 1, 89, 2, 0.5, 21, 3, 55, 8, 13, 5]; // sorted: 0.5 1 2 3 5 8 13 21 34 55 89

function binomialAtLeast(n: number, p: number, m: number): number {
  let total = 0;
  let choose = 1;
  for (let j = 0; j <= n; j += 1) {
    if (j > 0) choose = (choose * (n - j + 1)) / j;
    if (j >= m) total += choose * p ** j * (1 - p) ** (n - j);
  }
  return total;
}

describe('bootstrapInterval (median)', () => {
  it('the exact bootstrap distribution puts the 2.5 % and 97.5 % points at x(3) and x(9)', () => {
    // The test's own premise, from the binomial formula, so a wrong table cannot pass silently.
    expect(binomialAtLeast(11, 2 / 11, 6)).toBeLessThan(0.025);
    expect(binomialAtLeast(11, 3 / 11, 6)).toBeGreaterThan(0.025);
    expect(binomialAtLeast(11, 8 / 11, 6)).toBeLessThan(0.975);
    expect(binomialAtLeast(11, 9 / 11, 6)).toBeGreaterThan(0.975);
  });

  it.each([1, 42, 20_260_101])('lands on those points with seed %i and 20,000 resamples', (seed) => {
    expect(bootstrapInterval(VALUES, { seed, resamples: 20_000 })).toEqual({ low: 2, high: 34 });
  });

  it('is reproducible: the same seed gives the same interval, and the values order does not matter', () => {
    const options = { seed: 7, resamples: 2_000 };
    const a = bootstrapInterval([5, 1, 4, 2, 3, 9, 7], options);
    expect(bootstrapInterval([5, 1, 4, 2, 3, 9, 7], options)).toEqual(a);
    expect(a?.low).toBeLessThanOrEqual(a?.high ?? Number.NaN);
  });

  it('collapses to the value when every value is the same, and is null without values', () => {
    expect(bootstrapInterval([4, 4, 4], { seed: 1, resamples: 2_000 })).toEqual({ low: 4, high: 4 });
    expect(bootstrapInterval([], { seed: 1, resamples: 2_000 })).toBeNull();
  });

  it('equals the plain method (sort every resample, take stats.median) on the same draws, odd and even sizes', () => {
    const naive = (values: number[], seed: number, resamples: number): { low: number; high: number } => {
      // Draws index the sorted values, as bootstrapInterval does (so the order of the input does not matter).
      const sorted = [...values].sort((a, b) => a - b);
      const random = mulberry32(seed);
      const medians: number[] = [];
      for (let b = 0; b < resamples; b += 1) {
        const sample = sorted.map(() => sorted[Math.floor(random() * sorted.length)] ?? 0);
        medians.push(median(sample) ?? 0);
      }
      medians.sort((a, b) => a - b);
      return {
        low: medians[Math.ceil(0.025 * resamples) - 1] ?? 0,
        high: medians[Math.ceil(0.975 * resamples) - 1] ?? 0,
      };
    };
    const even = [3.5, 0.2, 7, 1, 12, 2, 40, 5, 9, 0.7];
    expect(bootstrapInterval(even, { seed: 3, resamples: 2_000 })).toEqual(naive(even, 3, 2_000));
    expect(bootstrapInterval(VALUES, { seed: 9, resamples: 2_000 })).toEqual(naive(VALUES, 9, 2_000));
  });

  it('two values: resampled medians are 1, 1.5 or 2 with chances 1/4, 1/2, 1/4, so the interval is 1 to 2', () => {
    expect(bootstrapInterval([2, 1], { seed: 5, resamples: 2_000 })).toEqual({ low: 1, high: 2 });
  });

  it('above RESAMPLE_UP_TO uses the large-sample limit, which resampling itself lands next to', () => {
    const random = mulberry32(11);
    const values = Array.from({ length: 10_001 }, () => -Math.log(1 - random()) * 5);
    const sorted = [...values].sort((a, b) => a - b);
    const rankOf = (v: number): number => sorted.indexOf(v) + 1;
    const limit = bootstrapInterval(values, { seed: 2, resamples: 2_000 });
    const resampled = bootstrapInterval(values, { seed: 2, resamples: 2_000 }, Number.POSITIVE_INFINITY);
    // By hand: 1.959964 · √10001 / 2 = 98.003; ranks round(5000.5 − 98.003) = 4902 and
    // round(5000.5 + 98.003 + 1) = 5100. Resampling lands within a few ranks of them.
    expect([rankOf(limit?.low ?? 0), rankOf(limit?.high ?? 0)]).toEqual([4902, 5100]);
    expect(Math.abs(rankOf(resampled?.low ?? 0) - 4902)).toBeLessThanOrEqual(12);
    expect(Math.abs(rankOf(resampled?.high ?? 0) - 5100)).toBeLessThanOrEqual(12);
  });
});
