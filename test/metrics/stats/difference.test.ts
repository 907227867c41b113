import { describe, expect, it } from 'vitest';
import {
  bootstrapMeanDifference,
  newcombeDifference,
  quantile,
  wilsonInterval,
} from '../../../src/metrics/stats/difference.js';

describe('wilsonInterval', () => {
  it("matches Newcombe's (1998) published example 81/263: 0.2553 to 0.3662", () => {
    const interval = wilsonInterval(81, 263);
    expect(interval?.low).toBeCloseTo(0.2553, 4);
    expect(interval?.high).toBeCloseTo(0.3662, 4);
  });
});

describe('newcombeDifference', () => {
  it("matches Newcombe's (1998) example 56/70 - 48/80 (method 10): +0.0524 to +0.3339", () => {
    const interval = newcombeDifference(56, 70, 48, 80);
    expect(interval?.value).toBeCloseTo(0.2, 12);
    expect(interval?.low).toBeCloseTo(0.0524, 4);
    expect(interval?.high).toBeCloseTo(0.3339, 4);
  });

  it('is null when a side has no cases', () => {
    expect(newcombeDifference(1, 2, 0, 0)).toBeNull();
  });
});

describe('bootstrapMeanDifference', () => {
  it('is the same for the same seed and collapses when both groups are constant', () => {
    const a = [1, 2, 3, 4, 5, 6];
    const b = [2, 2, 3];
    expect(bootstrapMeanDifference(a, b, { seed: 3, resamples: 500 })).toEqual(
      bootstrapMeanDifference(a, b, { seed: 3, resamples: 500 }),
    );
    expect(bootstrapMeanDifference([1, 1, 1], [0, 0], { seed: 3, resamples: 200 })).toEqual({
      value: 1,
      low: 1,
      high: 1,
    });
  });

  it('brackets the observed difference', () => {
    const interval = bootstrapMeanDifference([1, 2, 3, 4, 5, 6], [2, 2, 3], { seed: 3, resamples: 2000 });
    expect(interval?.value).toBeCloseTo(3.5 - 7 / 3, 12);
    expect(interval?.low ?? 9).toBeLessThan(interval?.value ?? 0);
    expect(interval?.high ?? 0).toBeGreaterThan(interval?.value ?? 9);
  });
});

describe('quantile', () => {
  it("interpolates like R's type 7", () => {
    // R: quantile(c(1, 2, 4, 8), 0.25) = 1.75
    expect(quantile([1, 2, 4, 8], 0.25)).toBe(1.75);
  });
});
