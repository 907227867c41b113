import { describe, expect, it } from 'vitest';
import { segmentedRegression, tQuantile975 } from '../../../src/metrics/stats/its.js';

describe('segmentedRegression', () => {
  it('recovers an exact broken line', () => {
    // y = 2 + 0.5t before month 6; from it on 3 higher and rising 1 more per month.
    const values = Array.from({ length: 12 }, (_, t) => 2 + 0.5 * t + (t >= 6 ? 3 + (t - 6) : 0));
    const fit = segmentedRegression(
      values.map((y, t) => ({ t, y })),
      6,
    );
    expect(fit?.levelChange.estimate).toBeCloseTo(3, 10);
    expect(fit?.slopeChange.estimate).toBeCloseTo(1, 10);
    expect(fit?.slopeBefore.estimate).toBeCloseTo(0.5, 10);
    expect(fit?.levelChange.high).toBeCloseTo(3, 8);
  });

  it('matches two separate straight lines solved by hand', () => {
    // Before (t = 0,1,2; y = 1,3,2): slope 0.5, intercept 1.5. After (t = 3,4,5; y = 6,6,9):
    // slope 1.5, intercept 1. Level change at t = 3: (1 + 4.5) - (1.5 + 1.5) = 2.5; slope change 1.
    // Residuals -0.5, 1, -0.5, 0.5, -1, 0.5: RSS 3, df 2, s² 1.5, t(0.975, 2) = 4.303.
    // Var(slope change) = s²/2 + s²/2 = 1.5; Var(level change) = s²(1/3 + 1/2) + s²(1/3 + 4/2) = 4.75.
    const fit = segmentedRegression(
      [1, 3, 2, 6, 6, 9].map((y, t) => ({ t, y })),
      3,
    );
    expect(fit?.levelChange.estimate).toBeCloseTo(2.5, 10);
    expect(fit?.slopeChange.estimate).toBeCloseTo(1, 10);
    expect(fit?.slopeChange.high).toBeCloseTo(1 + 4.303 * Math.sqrt(1.5), 8);
    expect(fit?.levelChange.low).toBeCloseTo(2.5 - 4.303 * Math.sqrt(4.75), 8);
    expect(fit?.pointsBefore).toBe(3);
    expect(fit?.pointsAfter).toBe(3);
  });

  it('takes months with gaps (a month without threads is left out, not shifted)', () => {
    // The hand-solved example above, with the after side moved two months later (t = 5, 6, 7) and
    // the interruption at 5: the before line is the same, the after line y = 1.5t - 2 gives
    // 5.5 at t = 5, so the jump is 5.5 - (1.5 + 0.5·5) = 1.5.
    const fit = segmentedRegression(
      [
        { t: 0, y: 1 },
        { t: 1, y: 3 },
        { t: 2, y: 2 },
        { t: 5, y: 6 },
        { t: 6, y: 6 },
        { t: 7, y: 9 },
      ],
      5,
    );
    expect(fit?.levelChange.estimate).toBeCloseTo(1.5, 10);
    expect(fit?.slopeChange.estimate).toBeCloseTo(1, 10);
  });

  it('is null with fewer than two points on a side', () => {
    expect(
      segmentedRegression(
        [1, 2, 3, 4, 5, 6].map((y, t) => ({ t, y })),
        1,
      ),
    ).toBeNull();
  });

  it('reads the t table', () => {
    expect(tQuantile975(8)).toBe(2.306);
    expect(tQuantile975(45)).toBe(2.021);
  });
});
