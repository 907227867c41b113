import { describe, expect, it } from 'vitest';
import { binomial, permutationTest } from '../../../src/metrics/stats/permutation.js';

describe('permutationTest', () => {
  it('enumerates every split of a tiny example exactly', () => {
    // Pooled 1..5, group a = {3, 5}: observed mean difference 4 - 7/3 = 5/3. Over the 10 two-element
    // groups the sums are 3,4,5,6,5,6,7,7,8,9; the difference is (5·sum - 30)/6, at least 5/3 in
    // absolute value for sums <= 4 or >= 8: {1,2}, {1,3}, {3,5}, {4,5}: p = 4/10.
    const test = permutationTest([3, 5], [1, 2, 4], { seed: 1, samples: 100 });
    expect(test).toMatchObject({ pValue: 0.4, method: 'exact', relabellings: 10 });
    expect(test?.difference).toBeCloseTo(5 / 3, 12);
  });

  it('counts ties with the observed difference as at least as extreme', () => {
    // a = {1, 0}, b = {1, 0}: every split of {1,1,0,0} into two pairs has |difference| >= 0.
    expect(permutationTest([1, 0], [1, 0], { seed: 1, samples: 10 })?.pValue).toBe(1);
    // a = {1, 1}, b = {0, 0}: only {1,1} and {0,0} reach |difference| = 1: 2 of 6 splits.
    expect(permutationTest([1, 1], [0, 0], { seed: 1, samples: 10 })?.pValue).toBeCloseTo(2 / 6, 12);
  });

  it('samples seeded relabellings for large groups, reproducibly, near the exact value', () => {
    const a = Array.from({ length: 40 }, (_, i) => (i < 28 ? 1 : 0));
    const b = Array.from({ length: 40 }, (_, i) => (i < 18 ? 1 : 0));
    const first = permutationTest(a, b, { seed: 7, samples: 4000 });
    const second = permutationTest(a, b, { seed: 7, samples: 4000 });
    expect(first?.method).toBe('sampled');
    expect(first).toEqual(second);
    // Independent path: with 0/1 values the ones falling in group a follow a hypergeometric law
    // (80 values, 46 ones, 40 drawn); |difference| >= 0.25 exactly when |2k - 46| >= 10.
    const choose = (n: number, k: number): number => {
      let r = 1;
      for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
      return r;
    };
    let exact = 0;
    for (let k = 6; k <= 40; k++)
      if (Math.abs(2 * k - 46) >= 10) exact += (choose(46, k) * choose(34, 40 - k)) / choose(80, 40);
    // 4,000 samples: a standard error of about 0.003 around the exact value.
    expect(Math.abs((first?.pValue ?? 1) - exact)).toBeLessThan(0.012);
    expect(first?.difference).toBeCloseTo(0.25, 12);
  });

  it('is null when a group is empty', () => {
    expect(permutationTest([], [1], { seed: 1, samples: 10 })).toBeNull();
  });

  it('binomial', () => {
    expect(binomial(5, 2)).toBe(10);
    expect(binomial(20, 10)).toBe(184_756);
  });
});
