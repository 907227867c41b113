import { mulberry32 } from '../prng.js';

/** A two-sided permutation test of the difference of two groups' means. */
export interface PermutationTest {
  /** `mean(a) - mean(b)`. */
  difference: number;
  /** Share of relabellings whose |difference| is at least the observed one. */
  pValue: number;
  /** `exact`: every relabelling enumerated; `sampled`: seeded random relabellings. */
  method: 'exact' | 'sampled';
  /** How many relabellings were counted. */
  relabellings: number;
}

/** Above this many relabellings the test samples instead of enumerating (C(20,10) = 184,756 is still exact). */
export const EXACT_LIMIT = 200_000;

/** Relative slack when comparing a relabelling's statistic with the observed one (float sums). */
const TIE = 1e-9;

/**
 * Two-sided permutation test of `mean(a) - mean(b)`: the groups' labels are shuffled over the
 * pooled values. Small samples enumerate every split exactly (so a test can check it by hand);
 * larger ones draw `samples` seeded relabellings and report (hits + 1) / (samples + 1), the
 * estimate that never says p = 0 from a finite sample. Null when a group is empty.
 */
export function permutationTest(
  a: readonly number[],
  b: readonly number[],
  options: { seed: number; samples: number },
): PermutationTest | null {
  if (a.length === 0 || b.length === 0) return null;
  const pooled = [...a, ...b];
  const total = sum(pooled);
  const observed = Math.abs(meanDifference(sum(a), a.length, total, pooled.length));
  const threshold = observed - TIE * Math.max(1, observed);
  const difference = sum(a) / a.length - sum(b) / b.length;
  if (binomial(pooled.length, a.length) <= EXACT_LIMIT) {
    let hits = 0;
    let count = 0;
    forEachSubsetSum(pooled, a.length, (groupSum) => {
      count += 1;
      if (Math.abs(meanDifference(groupSum, a.length, total, pooled.length)) >= threshold) hits += 1;
    });
    return { difference, pValue: hits / count, method: 'exact', relabellings: count };
  }
  const random = mulberry32(options.seed);
  const values = [...pooled];
  let hits = 0;
  for (let s = 0; s < options.samples; s++) {
    // Partial Fisher-Yates: the first a.length places become group a.
    let groupSum = 0;
    for (let i = 0; i < a.length; i++) {
      const j = i + Math.floor(random() * (values.length - i));
      const v = values[j] ?? 0;
      values[j] = values[i] ?? 0;
      values[i] = v;
      groupSum += v;
    }
    if (Math.abs(meanDifference(groupSum, a.length, total, pooled.length)) >= threshold) hits += 1;
  }
  return { difference, pValue: (hits + 1) / (options.samples + 1), method: 'sampled', relabellings: options.samples };
}

function meanDifference(groupSum: number, groupSize: number, total: number, size: number): number {
  return groupSum / groupSize - (total - groupSum) / (size - groupSize);
}

/** Calls `visit` with the sum of every k-subset of `values` (by index). */
function forEachSubsetSum(values: readonly number[], k: number, visit: (sum: number) => void): void {
  const walk = (start: number, left: number, acc: number): void => {
    if (left === 0) {
      visit(acc);
      return;
    }
    for (let i = start; i <= values.length - left; i++) walk(i + 1, left - 1, acc + (values[i] ?? 0));
  };
  walk(0, k, 0);
}

/** n choose k, as a float (large values only need to compare with EXACT_LIMIT). */
export function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) result = (result * (n - Math.min(k, n - k) + i)) / i;
  return result;
}

const sum = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0);
