import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { baselineDeltas, evaluateTargets, type TargetOperator } from '../../src/metrics/targets.js';

const document = {
  schemaVersion: 1,
  engagement: {
    totals: { activePeople: 120, reactions: null },
    monthly: [
      { month: '2026-08', activePeople: 10 },
      { month: '2026-09', activePeople: 14 },
    ],
  },
  conversations: { answeredRate: 0.75, medianHoursToFirstResponse: null, unanswered: [] },
  ideas: null,
};

describe('evaluateTargets', () => {
  it.each<[TargetOperator, number, boolean]>([
    ['>=', 0.75, true],
    ['>=', 0.76, false],
    ['>', 0.74, true],
    ['>', 0.75, false],
    ['<=', 0.75, true],
    ['<=', 0.74, false],
    ['<', 0.76, true],
    ['<', 0.75, false],
    ['==', 0.75, true],
    ['==', 0.7, false],
    ['!=', 0.7, true],
    ['!=', 0.75, false],
  ])('answeredRate 0.75 %s %s passes: %s', (op, value, passed) => {
    const [result] = evaluateTargets(document, [{ metric: 'conversations.answeredRate', op, value, level: 'error' }]);
    expect(result).toEqual({
      metric: 'conversations.answeredRate',
      op,
      expected: value,
      actual: 0.75,
      passed,
      level: 'error',
      message: `conversations.answeredRate = 0.75, target ${op} ${value} ${passed ? 'met' : 'not met'}`,
    });
  });

  it('does not pass a target whose metric is null or missing, and says it could not be computed', () => {
    const results = evaluateTargets(document, [
      {
        metric: 'conversations.medianHoursToFirstResponse',
        op: '<=',
        value: 4,
        level: 'warn',
        message: 'Questions get a fast answer',
      },
      { metric: 'ideas.funnel.actioned', op: '>=', value: 3, level: 'error' },
      { metric: 'engagement.monthly', op: '>=', value: 3, level: 'error' },
    ]);
    expect(results).toEqual([
      {
        metric: 'conversations.medianHoursToFirstResponse',
        op: '<=',
        expected: 4,
        actual: null,
        passed: false,
        level: 'warn',
        message:
          'Questions get a fast answer: conversations.medianHoursToFirstResponse could not be computed (null in metrics.json), target <= 4 not met',
      },
      {
        metric: 'ideas.funnel.actioned',
        op: '>=',
        expected: 3,
        actual: null,
        passed: false,
        level: 'error',
        message: 'ideas.funnel.actioned could not be computed (not in metrics.json), target >= 3 not met',
      },
      {
        metric: 'engagement.monthly',
        op: '>=',
        expected: 3,
        actual: null,
        passed: false,
        level: 'error',
        message: 'engagement.monthly is not a number (array), target >= 3 not met',
      },
    ]);
  });

  it('indexes arrays, negative indices from the end', () => {
    const [last, first, beyond] = evaluateTargets(document, [
      { metric: 'engagement.monthly.-1.activePeople', op: '>=', value: 12, level: 'error' },
      { metric: 'engagement.monthly.0.activePeople', op: '>=', value: 12, level: 'error' },
      { metric: 'engagement.monthly.5.activePeople', op: '>=', value: 12, level: 'error' },
    ]);
    expect([last?.actual, last?.passed]).toEqual([14, true]);
    expect([first?.actual, first?.passed]).toEqual([10, false]);
    expect([beyond?.actual, beyond?.passed]).toEqual([null, false]);
  });

  it('compares equality with a float tolerance: 0.1 + 0.2 == 0.3', () => {
    const [result] = evaluateTargets({ x: 0.1 + 0.2 }, [{ metric: 'x', op: '==', value: 0.3, level: 'error' }]);
    expect(result?.passed).toBe(true);
  });
});

describe('baselineDeltas', () => {
  const baseline = {
    schemaVersion: 1,
    engagement: { totals: { activePeople: 100, reactions: 40 }, monthly: [] },
    conversations: { answeredRate: 0.6, medianHoursToFirstResponse: 5 },
    ideas: { funnel: { raised: 0 } },
  };
  const current = { ...document, ideas: { funnel: { raised: 4 } } };

  it('gives the change and the change in percent of the baseline per path', () => {
    const deltas = baselineDeltas(current, baseline, [
      'engagement.totals.activePeople',
      'conversations.answeredRate',
      'engagement.totals.reactions',
      'ideas.funnel.raised',
    ]);
    // 120 - 100 = 20 = +20 %; 0.75 - 0.6 = 0.15 = +25 % of 0.6; reactions null now; raised from 0 has no percent.
    expect(deltas['engagement.totals.activePeople']).toEqual({ current: 120, baseline: 100, delta: 20, deltaPct: 20 });
    expect(deltas['conversations.answeredRate']?.delta).toBeCloseTo(0.15, 12);
    expect(deltas['conversations.answeredRate']?.deltaPct).toBeCloseTo(25, 9);
    expect(deltas['engagement.totals.reactions']).toEqual({ current: null, baseline: 40, delta: null, deltaPct: null });
    expect(deltas['ideas.funnel.raised']).toEqual({ current: 4, baseline: 0, delta: 4, deltaPct: null });
  });

  it('refuses a baseline with another schemaVersion, or not a metrics.json at all', () => {
    const newer = { ...baseline, schemaVersion: 2 };
    expect(() => baselineDeltas(current, newer, [], 'runs/2026-09/metrics.json')).toThrow(ConfigError);
    expect(() => baselineDeltas(current, newer, [], 'runs/2026-09/metrics.json')).toThrow(
      "runs/2026-09/metrics.json: metrics.json schemaVersion 2 cannot be compared with this run's schemaVersion 1\n  hint: re-run the baseline period with this version of pilot-report, or leave out --baseline",
    );
    expect(() => baselineDeltas(current, { engagement: {} }, [])).toThrow(
      'baseline: not a pilot-report metrics.json (no schemaVersion)',
    );
    expect(() => baselineDeltas(current, [1, 2], [])).toThrow(
      'baseline: not a pilot-report metrics.json (no schemaVersion)',
    );
  });
});
