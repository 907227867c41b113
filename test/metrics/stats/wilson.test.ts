import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../../src/metrics/stats/wilson.js';

/**
 * Published values: Newcombe RG (1998), "Two-sided confidence intervals for the single proportion:
 * comparison of seven methods", Statistics in Medicine 17:857-872, Table II, method 3 (Wilson
 * score without continuity correction), given to 4 decimals. The last case was computed for this
 * test by solving the quadratic (p − p̂)² = z²·p(1 − p)/n for p in Python (a different route from
 * the closed form in wilson.ts): 223 of 310 -> 0.666888, 0.766452.
 */
const PUBLISHED: [successes: number, n: number, low: number, high: number][] = [
  [81, 263, 0.2553, 0.3662],
  [15, 148, 0.0624, 0.1605],
  [0, 20, 0.0, 0.1611],
  [1, 29, 0.0061, 0.1718],
];

describe('wilsonInterval', () => {
  it.each(PUBLISHED)('%i of %i matches Newcombe (1998) Table II', (x, n, low, high) => {
    const interval = wilsonInterval(x, n);
    expect(interval?.low).toBeCloseTo(low, 4);
    expect(interval?.high).toBeCloseTo(high, 4);
  });

  it('matches the quadratic solved independently for 223 of 310 (72 %)', () => {
    const interval = wilsonInterval(223, 310);
    expect(interval?.low).toBeCloseTo(0.666888, 6);
    expect(interval?.high).toBeCloseTo(0.766452, 6);
  });

  it('is exactly 1 at the top when every trial succeeded, and mirrors the bottom', () => {
    const all = wilsonInterval(20, 20);
    const none = wilsonInterval(0, 20);
    expect(all?.high).toBe(1);
    expect(all?.low).toBeCloseTo(1 - (none?.high ?? 0), 12);
  });

  it('has no interval without trials and refuses impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
  });
});
