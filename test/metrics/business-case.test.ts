import { describe, expect, it } from 'vitest';
import { computeBusinessCase, type BusinessCaseInputs } from '../../src/metrics/business-case.js';

/**
 * 40 answered questions over 2 months (January, February), 3 actioned ideas without a ledger value
 * (i1 in January, i2 and i3 in February), 50 active people of 50 persons (20 contributors).
 */
const inputs: BusinessCaseInputs = {
  answeredThreads: 40,
  months: 2,
  actionedIdeas: 3,
  ledgerValue: null,
  ledgerEntries: [],
  actionedWithoutValue: [
    { ideaId: 'i1', month: '2026-01' },
    { ideaId: 'i2', month: '2026-02' },
    { ideaId: 'i3', month: '2026-02' },
  ],
  monthKeys: ['2026-01', '2026-02'],
  activePeople: 50,
  contributors: 20,
  persons: 50,
};

/** The same, with a ledger entry of 5000 for i1 (so i1 is no longer valued in hours). */
const withLedger: BusinessCaseInputs = {
  ...inputs,
  ledgerValue: 5000,
  ledgerEntries: [{ ideaId: 'i1', line: 2, value: 5000, month: '2026-01' }],
  actionedWithoutValue: inputs.actionedWithoutValue.slice(1),
};

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
    // cost: 2 months × (5 h × 60 + 100) = 800, 400 a month; ROI (2040 - 800) / 800 = 1.55.
    // Break-even: January 600 / 2 + i1 8 × 60 = 780 >= 400 -> January, month 1.
    // Projection: active share 50 / 50 persons = 1 -> 1000 people at scale, scale 20;
    // 10 h / 50 people / 2 months = 0.1 h per person-month × 1000 × 12 = 1200 h; 2040 / 100 = 20.4 × 12000 = 244800.
    const base = result.scenarios.base;
    expect(base).toMatchObject({
      factor: 1,
      hoursSaved: 10,
      hoursFromIdeas: 24,
      valueFromAnswers: 600,
      valueFromIdeas: 1440,
      valueFromLedger: null,
      value: 2040,
      cost: 800,
      monthlyValue: 1020,
      monthlyCost: 400,
      breakEvenMonth: '2026-01',
      paybackMonths: 1,
    });
    expect(base.roi).toBeCloseTo(1.55, 10);
    expect(base.projection).toMatchObject({
      orgSize: 1000,
      activeShare: 1,
      activePeopleAtScale: 1000,
      scale: 20,
      valuePerActivePersonPerMonth: 20.4,
    });
    expect(base.projection?.hoursPerActivePersonPerMonth).toBeCloseTo(0.1, 12);
    expect(base.projection?.hoursSavedPerYear).toBeCloseTo(1200, 9);
    expect(base.projection?.valuePerYear).toBeCloseTo(244800, 6);
    // low (× 0.5): 5 h, 300, 12 h, 720, value 1020, ROI 220 / 800 = 0.275.
    // Break-even: January 150 + 240 = 390 < 400; February 390 + 150 + 480 = 1020 >= 800 -> month 2.
    const low = result.scenarios.low;
    expect(low).toMatchObject({
      factor: 0.5,
      hoursSaved: 5,
      hoursFromIdeas: 12,
      valueFromAnswers: 300,
      valueFromIdeas: 720,
      value: 1020,
      cost: 800,
      breakEvenMonth: '2026-02',
      paybackMonths: 2,
    });
    expect(low.roi).toBeCloseTo(0.275, 10);
    expect(low.projection?.valuePerYear).toBeCloseTo(122400, 6);
    expect(result.concentration).toBeNull(); // each idea is 480 of 2040: 24 %
    // high (× 1.5): 15 h, 900, 36 h, 2160, value 3060, ROI 2260 / 800 = 2.825; costs do not scale.
    const high = result.scenarios.high;
    expect(high).toMatchObject({
      factor: 1.5,
      hoursSaved: 15,
      hoursFromIdeas: 36,
      valueFromAnswers: 900,
      valueFromIdeas: 2160,
      value: 3060,
      cost: 800,
    });
    expect(high.roi).toBeCloseTo(2.825, 10);
    expect(high.projection?.hoursSavedPerYear).toBeCloseTo(1800, 6);
  });

  it('gives hours saved with only the default and leaves every money figure null with a reason', () => {
    const result = computeBusinessCase(inputs, { minutesSavedPerAnsweredQuestion: 15 });
    expect([
      result.scenarios.low.hoursSaved,
      result.scenarios.base.hoursSaved,
      result.scenarios.high.hoursSaved,
    ]).toEqual([5, 10, 15]);
    for (const s of Object.values(result.scenarios)) {
      expect(s).toMatchObject({
        hoursFromIdeas: null,
        valueFromAnswers: null,
        valueFromIdeas: null,
        value: null,
        cost: null,
        roi: null,
        paybackMonths: null,
        projection: null,
      });
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

  it('values an idea by its ledger entry, the others by hours, and flags one entry carrying most of the value', () => {
    const result = computeBusinessCase(withLedger, full);
    // Ledger 5000 × factor + (i2, i3) 2 × 8 h × factor × 60.
    expect([
      result.scenarios.low.valueFromLedger,
      result.scenarios.base.valueFromLedger,
      result.scenarios.high.valueFromLedger,
    ]).toEqual([2500, 5000, 7500]);
    expect([
      result.scenarios.low.hoursFromIdeas,
      result.scenarios.base.hoursFromIdeas,
      result.scenarios.high.hoursFromIdeas,
    ]).toEqual([8, 16, 24]);
    expect([
      result.scenarios.low.valueFromIdeas,
      result.scenarios.base.valueFromIdeas,
      result.scenarios.high.valueFromIdeas,
    ]).toEqual([2980, 5960, 8940]);
    // base value 600 + 5000 + 960 = 6560; the entry is 5000 / 6560 = 76 % of it (> 40 %).
    expect(result.scenarios.base.value).toBe(6560);
    expect(result.concentration).toEqual({
      kind: 'ledgerEntry',
      ideaId: 'i1',
      line: 2,
      value: 5000,
      share: 5000 / 6560,
    });
    expect(result.assumptions.find((a) => a.key === 'ledgerEntries')).toMatchObject({ value: 1 });
    expect(result.assumptions.find((a) => a.key === 'actionedWithoutValue')).toMatchObject({ value: 2 });
  });

  it('has no payback within the period when the value so far never covers the cost so far', () => {
    // cost (50 h × 60 + 100) = 3100 a month; value by February 2040 < 6200.
    const result = computeBusinessCase(inputs, { ...full, moderatorHoursPerMonth: 50 });
    expect(result.scenarios.base).toMatchObject({
      cost: 6200,
      monthlyCost: 3100,
      breakEvenMonth: null,
      paybackMonths: null,
    });
    expect(result.warnings).toContain(
      'business case: the value so far does not cover the cost so far in any month of the period (base case), so there is no payback within the period',
    );
  });

  it('projects with a configured active share: per active person per month × employees × share × 12', () => {
    const p = computeBusinessCase(inputs, { ...full, activeShare: 0.3 }).scenarios.base.projection;
    // 1000 × 0.3 = 300 people at scale: 0.1 h × 300 × 12 = 360 h; 20.4 × 300 × 12 = 73440.
    expect(p).toMatchObject({
      activeShare: 0.3,
      activeShareSource: 'config: businessCase.activeShare',
      activePeopleAtScale: 300,
      scale: 6,
    });
    expect(p?.hoursSavedPerYear).toBeCloseTo(360, 9);
    expect(p?.valuePerYear).toBeCloseTo(73440, 6);
  });

  it('counts the ledger value without an hourly cost and a licence-only cost, saying what is left out', () => {
    const result = computeBusinessCase(withLedger, {
      minutesSavedPerAnsweredQuestion: 15,
      licenceCostPerMonth: 100,
      currency: 'EUR',
    });
    const base = result.scenarios.base;
    // value = the ledger's 5000 only; cost = 2 × 100 = 200; ROI (5000 - 200) / 200 = 24; January 5000 >= 100.
    expect(base).toMatchObject({
      valueFromAnswers: null,
      valueFromIdeas: 5000,
      value: 5000,
      cost: 200,
      roi: 24,
      breakEvenMonth: '2026-01',
      paybackMonths: 1,
    });
    expect(result.warnings).toContain(
      'business case: moderator time is not in the cost (businessCase.moderatorHoursPerMonth is not set)',
    );
    expect(result.warnings).toContain(
      'business case: businessCase.hourlyCost is not set, so time saved is given in hours only, not in money',
    );
  });

  it('does not price moderator hours without an hourly cost: cost, ROI and payback are null', () => {
    const result = computeBusinessCase(withLedger, {
      minutesSavedPerAnsweredQuestion: 15,
      moderatorHoursPerMonth: 5,
      licenceCostPerMonth: 100,
    });
    expect(result.scenarios.base).toMatchObject({ value: 5000, cost: null, roi: null, paybackMonths: null });
    expect(result.warnings[0]).toBe(
      'business case: moderator hours are set but businessCase.hourlyCost is not, so the program cost, ROI and payback are not computed',
    );
  });

  it('has no ROI for a zero cost and no payback for a zero value', () => {
    const free = computeBusinessCase(inputs, { ...full, moderatorHoursPerMonth: 0, licenceCostPerMonth: 0 });
    expect(free.scenarios.base).toMatchObject({ cost: 0, roi: null, paybackMonths: 1 });
    expect(free.warnings).toContain('business case: the program cost is 0, so the ROI is not computed');
    const idle = computeBusinessCase(
      { ...inputs, answeredThreads: 0, actionedIdeas: 0, actionedWithoutValue: [] },
      full,
    );
    // value 0, cost 800: ROI (0 - 800) / 800 = -1.
    expect(idle.scenarios.base).toMatchObject({ hoursSaved: 0, value: 0, cost: 800, roi: -1, paybackMonths: null });
    expect(idle.warnings).toContain('business case: the value is 0, so there is no payback');
  });

  it('adds no value from ideas when ideas were not computed, and no projection without active people', () => {
    const result = computeBusinessCase({ ...inputs, actionedIdeas: null, activePeople: 0 }, full);
    expect(result.scenarios.base).toMatchObject({
      hoursFromIdeas: null,
      valueFromIdeas: null,
      value: 600,
      projection: null,
    });
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
    expect(defaults['highFactor']).toMatchObject({
      value: 1.5,
      source: 'tool: fixed scenario factor; costs are the same in every scenario',
    });
    expect(defaults['answeredThreads']).toMatchObject({
      value: 40,
      source: 'metrics: conversations.questions.answered',
    });
    expect(defaults['contributors']).toMatchObject({ value: 20, source: 'metrics: engagement.totals.contributors' });
    const set = byKey({ ...full, minutesSavedPerAnsweredQuestion: 20 });
    expect(set['minutesSavedPerAnsweredQuestion']).toMatchObject({
      value: 20,
      source: 'config: businessCase.minutesSavedPerAnsweredQuestion',
    });
    expect(set['hourlyCost']).toMatchObject({ value: 60, unit: 'EUR', source: 'config: businessCase.hourlyCost' });
    expect(set['licenceCostPerMonth']).toMatchObject({ value: 100, unit: 'EUR/month' });
  });
});
