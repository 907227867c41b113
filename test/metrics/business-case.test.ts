import { describe, expect, it } from 'vitest';
import { computeBusinessCase, type BusinessCaseInputs } from '../../src/metrics/business-case.js';

/** 40 answered questions over 2 months, 3 actioned ideas, 50 active people (20 contributors). */
const inputs: BusinessCaseInputs = { answeredThreads: 40, months: 2, actionedIdeas: 3, ledgerValue: null, activePeople: 50, contributors: 20 };

const full = {
  minutesSavedPerAnsweredQuestion: 15,
  hourlyCost: 60,
  hoursPerActionedIdea: 8,
  moderatorHoursPerMonth: 5,
  licenceCostPerMonth: 100,
  orgSize: 1000,
  currency: 'EUR',
};

describe('computeBusinessCase', () => {
  it('computes every figure of the three scenarios when every assumption is given', () => {
    const result = computeBusinessCase(inputs, full);
    expect(result.estimate).toBe(true);
    expect(result.currency).toBe('EUR');
    expect(result.warnings).toEqual([]);
    // base: 40 × 15 min = 10 h -> 10 × 60 = 600; ideas 3 × 8 h = 24 h -> 1440; value 2040.
    // cost: 2 months × (5 h × 60 + 100) = 800; ROI (2040 - 800) / 800 = 1.55;
    // payback 800 / (2040 / 2) = 0.784…; projection: scale 1000 / 50 = 20, per year × 12 / 2 × 20 = 120.
    const base = result.scenarios.base;
    expect(base).toMatchObject({ factor: 1, hoursSaved: 10, hoursFromIdeas: 24, valueFromAnswers: 600, valueFromIdeas: 1440, value: 2040, cost: 800 });
    expect(base.roi).toBeCloseTo(1.55, 10);
    expect(base.paybackMonths).toBeCloseTo(800 / 1020, 10);
    expect(base.projection).toEqual({ orgSize: 1000, scale: 20, hoursSavedPerYear: 1200, valuePerYear: 244800 });
    // low (× 0.5): 5 h, 300, 12 h, 720, value 1020, ROI 220 / 800 = 0.275, payback 800 / 510.
    const low = result.scenarios.low;
    expect(low).toMatchObject({ factor: 0.5, hoursSaved: 5, hoursFromIdeas: 12, valueFromAnswers: 300, valueFromIdeas: 720, value: 1020, cost: 800 });
    expect(low.roi).toBeCloseTo(0.275, 10);
    expect(low.paybackMonths).toBeCloseTo(800 / 510, 10);
    expect(low.projection?.valuePerYear).toBeCloseTo(122400, 6);
    // high (× 1.5): 15 h, 900, 36 h, 2160, value 3060, ROI 2260 / 800 = 2.825; costs do not scale.
    const high = result.scenarios.high;
    expect(high).toMatchObject({ factor: 1.5, hoursSaved: 15, hoursFromIdeas: 36, valueFromAnswers: 900, valueFromIdeas: 2160, value: 3060, cost: 800 });
    expect(high.roi).toBeCloseTo(2.825, 10);
    expect(high.projection?.hoursSavedPerYear).toBeCloseTo(1800, 6);
  });

  it('gives hours saved with only the default and leaves every money figure null with a reason', () => {
    const result = computeBusinessCase(inputs, { minutesSavedPerAnsweredQuestion: 15 });
    expect([result.scenarios.low.hoursSaved, result.scenarios.base.hoursSaved, result.scenarios.high.hoursSaved]).toEqual([5, 10, 15]);
    for (const s of Object.values(result.scenarios)) {
      expect(s).toMatchObject({ hoursFromIdeas: null, valueFromAnswers: null, valueFromIdeas: null, value: null, cost: null, roi: null, paybackMonths: null, projection: null });
    }
    expect(result.currency).toBeNull();
    expect(result.warnings).toEqual([
      'business case: no program cost (set businessCase.moderatorHoursPerMonth and/or licenceCostPerMonth), so cost, ROI and payback are not computed',
      'business case: businessCase.hourlyCost is not set, so time saved is given in hours only, not in money',
      'business case: neither ledger values nor businessCase.hoursPerActionedIdea are given, so actioned ideas add no value',
      'business case: businessCase.currency is not set, so money amounts carry no currency',
      'business case: businessCase.orgSize is not set, so there is no scale-up projection',
    ]);
  });

  it('uses the ledger value for ideas instead of hours per idea, scaled like every benefit', () => {
    const result = computeBusinessCase({ ...inputs, ledgerValue: 5000 }, full);
    expect([result.scenarios.low.valueFromIdeas, result.scenarios.base.valueFromIdeas, result.scenarios.high.valueFromIdeas]).toEqual([2500, 5000, 7500]);
    // base value 600 + 5000; hours from ideas are still shown.
    expect(result.scenarios.base.value).toBe(5600);
    expect(result.scenarios.base.hoursFromIdeas).toBe(24);
    expect(result.warnings).toContain('business case: the ideas ledger has values, so they are used for the value of ideas instead of businessCase.hoursPerActionedIdea');
  });

  it('counts the ledger value without an hourly cost and a licence-only cost, saying what is left out', () => {
    const result = computeBusinessCase({ ...inputs, ledgerValue: 5000 }, { minutesSavedPerAnsweredQuestion: 15, licenceCostPerMonth: 100, currency: 'EUR' });
    const base = result.scenarios.base;
    // value = the ledger's 5000 only; cost = 2 × 100 = 200; ROI (5000 - 200) / 200 = 24; payback 200 / 2500 = 0.08.
    expect(base).toMatchObject({ valueFromAnswers: null, valueFromIdeas: 5000, value: 5000, cost: 200, roi: 24, paybackMonths: 0.08 });
    expect(result.warnings).toContain('business case: moderator time is not in the cost (businessCase.moderatorHoursPerMonth is not set)');
    expect(result.warnings).toContain('business case: businessCase.hourlyCost is not set, so time saved is given in hours only, not in money');
  });

  it('does not price moderator hours without an hourly cost: cost, ROI and payback are null', () => {
    const result = computeBusinessCase({ ...inputs, ledgerValue: 5000 }, { minutesSavedPerAnsweredQuestion: 15, moderatorHoursPerMonth: 5, licenceCostPerMonth: 100 });
    expect(result.scenarios.base).toMatchObject({ value: 5000, cost: null, roi: null, paybackMonths: null });
    expect(result.warnings[0]).toBe('business case: moderator hours are set but businessCase.hourlyCost is not, so the program cost, ROI and payback are not computed');
  });

  it('has no ROI for a zero cost and no payback for a zero value', () => {
    const free = computeBusinessCase(inputs, { ...full, moderatorHoursPerMonth: 0, licenceCostPerMonth: 0 });
    expect(free.scenarios.base).toMatchObject({ cost: 0, roi: null, paybackMonths: 0 });
    expect(free.warnings).toContain('business case: the program cost is 0, so the ROI is not computed');
    const idle = computeBusinessCase({ ...inputs, answeredThreads: 0, actionedIdeas: 0 }, full);
    // value 0, cost 800: ROI (0 - 800) / 800 = -1.
    expect(idle.scenarios.base).toMatchObject({ hoursSaved: 0, value: 0, cost: 800, roi: -1, paybackMonths: null });
    expect(idle.warnings).toContain('business case: the value is 0, so there is no payback');
  });

  it('adds no value from ideas when ideas were not computed, and no projection without active people', () => {
    const result = computeBusinessCase({ ...inputs, actionedIdeas: null, activePeople: 0 }, full);
    expect(result.scenarios.base).toMatchObject({ hoursFromIdeas: null, valueFromIdeas: null, value: 600, projection: null });
    expect(result.warnings).toEqual([
      'business case: ideas were not computed, so actioned ideas add no value',
      'business case: no active people in the period, so there is no scale-up projection',
    ]);
  });

  it('lists every assumption with its value, unit and source', () => {
    const byKey = (config: Parameters<typeof computeBusinessCase>[1]) =>
      Object.fromEntries(computeBusinessCase(inputs, config).assumptions.map((a) => [a.key, a]));
    const defaults = byKey({ minutesSavedPerAnsweredQuestion: 15 });
    expect(defaults['minutesSavedPerAnsweredQuestion']).toEqual({
      key: 'minutesSavedPerAnsweredQuestion',
      label: 'Minutes saved per answered question',
      value: 15,
      unit: 'minutes',
      source: 'default: the coefficient Viva Engage uses in its Answers analytics',
    });
    expect(defaults['hourlyCost']).toMatchObject({ value: null, source: 'not set' });
    expect(defaults['lowFactor']).toMatchObject({ value: 0.5, unit: '×' });
    expect(defaults['baseFactor']).toMatchObject({ value: 1 });
    expect(defaults['highFactor']).toMatchObject({ value: 1.5, source: 'tool: fixed scenario factor; costs are the same in every scenario' });
    expect(defaults['answeredThreads']).toMatchObject({ value: 40, source: 'metrics: conversations.questions.answered' });
    expect(defaults['contributors']).toMatchObject({ value: 20, source: 'metrics: engagement.totals.contributors' });
    const set = byKey({ ...full, minutesSavedPerAnsweredQuestion: 20 });
    expect(set['minutesSavedPerAnsweredQuestion']).toMatchObject({ value: 20, source: 'config: businessCase.minutesSavedPerAnsweredQuestion' });
    expect(set['hourlyCost']).toMatchObject({ value: 60, unit: 'EUR', source: 'config: businessCase.hourlyCost' });
    expect(set['licenceCostPerMonth']).toMatchObject({ value: 100, unit: 'EUR/month' });
  });
});
