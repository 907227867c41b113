import { describe, expect, it } from 'vitest';
import { absenceFactor, gini, mean, median, p90, percentile, topShare } from '../../src/metrics/stats.js';

describe('median', () => {
  it('takes the middle value of an odd count, whatever the input order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });
  it('takes the mean of the two middle values of an even count', () => {
    // sorted 1, 3, 8, 20: (3 + 8) / 2
    expect(median([20, 3, 1, 8])).toBe(5.5);
  });
  it('sorts numerically (negatives, fractions, magnitudes), from an array or a typed array', () => {
    // sorted -2, 2, 9.5, 10, 100 (as text 10 and 100 would come before 2)
    expect(median([10, -2, 9.5, 100, 2])).toBe(9.5);
    // sorted -1e-9, 0.25, 3, 1e9: (0.25 + 3) / 2
    expect(median(Float64Array.from([0.25, 1e9, -1e-9, 3]))).toBe(1.625);
  });
  it('is null for no values', () => {
    expect(median([])).toBeNull();
    expect(mean([])).toBeNull();
  });
});

describe('p90', () => {
  it('interpolates linearly between closest ranks like numpy.percentile', () => {
    // numpy.percentile([1, 2, 3, 4], 90): rank 0.9 * 3 = 2.7 -> 3 + 0.7 * (4 - 3) = 3.7
    expect(p90([4, 1, 3, 2])).toBeCloseTo(3.7, 12);
    // rank 0.9 * 9 = 8.1 over 10, 20, ..., 100 -> 90 + 0.1 * 10 = 91
    expect(p90([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toBeCloseTo(91, 12);
  });
  it('is the value itself for one value and null for none', () => {
    expect(p90([7])).toBe(7);
    expect(p90([])).toBeNull();
    expect(percentile([1, 2], 0)).toBe(1);
    expect(percentile([1, 2], 100)).toBe(2);
  });
});

describe('gini', () => {
  it('is 0 when everybody contributes the same', () => {
    expect(gini([4, 4, 4, 4])).toBe(0);
  });
  it('follows the standard population formula', () => {
    // [0, 1]: mean absolute difference 0.5 / (2 * mean 0.5) = 0.5
    expect(gini([1, 0])).toBe(0.5);
    // [1, 2, 3]: ((-2)*1 + 0*2 + 2*3) / (3 * 6) = 4/18
    expect(gini([3, 1, 2])).toBeCloseTo(2 / 9, 12);
  });
  it('is null without values', () => {
    expect(gini([])).toBeNull();
  });
});

describe('topShare', () => {
  it('takes the top ceil(fraction * n) values', () => {
    // 11 values: ceil(1.1) = 2 for 10 %, ceil(0.11) = 1 for 1 %; total 10 * 1 + 10 = 20
    const values = [10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    expect(topShare(values, 0.1)).toBe(11 / 20);
    expect(topShare(values, 0.01)).toBe(10 / 20);
  });
  it('is null without contributions', () => {
    expect(topShare([], 0.1)).toBeNull();
  });
});

describe('absenceFactor', () => {
  it('counts the fewest contributors making at least half of the contributions', () => {
    // total 20: 10 alone is exactly half
    expect(absenceFactor([10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toBe(1);
    // total 10: 3 + 3 = 6 >= 5 after two
    expect(absenceFactor([2, 3, 3, 2])).toBe(2);
    expect(absenceFactor([])).toBeNull();
  });
});
