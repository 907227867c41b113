import { describe, expect, it } from 'vitest';
import { curveQuantile, kaplanMeier, type Observation } from '../../../src/metrics/stats/kaplan-meier.js';

/**
 * The acute myelogenous leukaemia data (Miller 1981; R survival package `aml`), weeks of
 * remission, `+` censored. Published `summary(survfit(Surv(time, status) ~ x, data = aml))`:
 * Maintained: n = 11, 7 events, median 31; Nonmaintained: n = 12, 11 events, median 23. The
 * survival column (3 and 4 decimals as R prints them) is recorded below per event time.
 */
const parse = (times: string): Observation[] =>
  times.split(' ').map((t) => ({ time: Number.parseFloat(t), event: !t.endsWith('+') }));
const MAINTAINED = parse('9 13 13+ 18 23 28+ 31 34 45+ 48 161+');
const NONMAINTAINED = parse('5 5 8 8 12 16+ 23 27 30 33 43 45');

const R_MAINTAINED: [time: number, atRisk: number, survival: number][] = [
  [9, 11, 0.9091],
  [13, 10, 0.8182],
  [18, 8, 0.7159],
  [23, 7, 0.6136],
  [31, 5, 0.4909],
  [34, 4, 0.3682],
  [48, 2, 0.1841],
];
const R_NONMAINTAINED: [time: number, atRisk: number, survival: number][] = [
  [5, 12, 0.8333],
  [8, 10, 0.6667],
  [12, 8, 0.5833],
  [23, 6, 0.4861],
  [27, 5, 0.3889],
  [30, 4, 0.2917],
  [33, 3, 0.1944],
  [43, 2, 0.0972],
  [45, 1, 0],
];

function eventSteps(observations: Observation[]): [number, number, number][] {
  return kaplanMeier(observations)
    .steps.filter((s) => s.events > 0)
    .map((s) => [s.time, s.atRisk, Number(s.survival.toFixed(4))]);
}

describe('kaplanMeier on the aml data (R survival package)', () => {
  it('reproduces survfit for the maintained group, censorings included', () => {
    expect(eventSteps(MAINTAINED)).toEqual(R_MAINTAINED);
    const curve = kaplanMeier(MAINTAINED);
    expect([curve.n, curve.events]).toEqual([11, 7]);
    expect(curveQuantile(curve, 0.5)).toBe(31);
  });

  it('reproduces survfit for the non-maintained group (tied events at 5 and 8)', () => {
    expect(eventSteps(NONMAINTAINED)).toEqual(R_NONMAINTAINED);
    expect(curveQuantile(kaplanMeier(NONMAINTAINED), 0.5)).toBe(23);
    // S drops to 0.0972 at 43, the first time at or below 0.1.
    expect(curveQuantile(kaplanMeier(NONMAINTAINED), 0.9)).toBe(43);
  });

  it('has no median while more than half are still waiting', () => {
    // 2 of 6 answered, 4 still waiting at the end: S never goes below 4/6.
    const curve = kaplanMeier(parse('1 2 10+ 10+ 10+ 10+'));
    expect(curve.steps.at(-1)?.survival).toBeCloseTo(4 / 6, 12);
    expect(curveQuantile(curve, 0.5)).toBeNull();
  });

  it('is the empirical distribution without censoring: the median is the first time half had the event', () => {
    // By hand: S = 3/4 after 1, 1/2 after 2 -> median 2 (R's midpoint rule would give 2.5, see curveQuantile).
    const curve = kaplanMeier(parse('1 2 3 4'));
    expect(curve.steps.map((s) => s.survival)).toEqual([0.75, 0.5, 0.25, 0]);
    expect(curveQuantile(curve, 0.5)).toBe(2);
  });

  it('has no steps without observations', () => {
    expect(kaplanMeier([])).toEqual({ n: 0, events: 0, steps: [] });
  });
});
