import { describe, expect, it } from 'vitest';
import type { IdeaItem, Ideas } from '../../../src/metrics/ideas/result.js';
import { periodFromBounds } from '../../../src/time/period.js';
import { computeIdeaEvidence } from '../../../src/metrics/uncertainty/index.js';
import { metricContext } from '../context.js';

const DAY = 86_400_000;
const at = (day: number): string => new Date(Date.parse('2026-01-01T00:00:00Z') + day * DAY).toISOString();

/** An idea raised on `raised` (days after 1 Jan), actioned or declined on the given day. */
function idea(
  id: string,
  raised: number,
  outcome: { actioned?: number; decided?: number; declined?: number },
  department: string,
): IdeaItem {
  return {
    id,
    source: 'yammer',
    spaceId: 'yammer:ideas',
    space: 'Ideas',
    author: `p-${id}`,
    authorName: null,
    department,
    stage: outcome.actioned !== undefined ? 'actioned' : outcome.decided !== undefined ? 'decided' : 'raised',
    declined: outcome.declined !== undefined,
    stalled: false,
    raisedAt: at(raised),
    discussedAt: null,
    endorsedAt: null,
    decidedAt:
      outcome.decided !== undefined
        ? at(outcome.decided)
        : outcome.actioned !== undefined
          ? at(outcome.actioned)
          : null,
    actionedAt: outcome.actioned !== undefined ? at(outcome.actioned) : null,
    declinedAt: outcome.declined !== undefined ? at(outcome.declined) : null,
    lastActivityAt: at(raised),
    participants: 1,
    evidence: [],
  };
}

/**
 * Period: January to March 2026 (90 days), as of the period end (day 90).
 *   I1 raised day 0, actioned day 10   -> event at 10
 *   I2 raised day 0, actioned day 30   -> event at 30
 *   I3 raised day 20, declined day 25  -> censored at 5 (a declined idea stops waiting for action)
 *   I4 raised day 60, open             -> censored at 30
 *   I5 raised day 80, decided day 82   -> censored at 10
 * By hand: at 5, I3 leaves (censored). t = 10: at risk 4 (I1, I2, I4, I5; I5's censoring at 10 comes
 * after the event), S = 3/4. t = 30: at risk 2 (I2, I4), one event: S = 3/4 · 1/2 = 3/8 -> median 30.
 */
const items = [
  idea('I1', 0, { actioned: 10 }, 'Ops'),
  idea('I2', 0, { actioned: 30 }, 'Ops'),
  idea('I3', 20, { declined: 25 }, 'Ops'),
  idea('I4', 60, {}, 'Sales'),
  idea('I5', 80, { decided: 82 }, 'Sales'),
];
const funnel = { raised: 5, discussed: 3, endorsed: 3, decided: 3, actioned: 2 };
const ideas = { funnel, items } as unknown as Ideas;
const period = periodFromBounds('2026-01-01', '2026-04-01', 'UTC');

describe('computeIdeaEvidence', () => {
  it('censors ideas not actioned at their decline or the period end, and reads the median from the curve', () => {
    const e = computeIdeaEvidence(
      ideas,
      metricContext(period, {
        config: { minGroupSize: 3, uncertainty: { minN: 2, bootstrapSeed: 1, bootstrapResamples: 2_000 } },
      }),
    );
    const s = e.actionSurvival;
    expect([s.unit, s.n, s.events, s.censored, s.median, s.p90]).toEqual(['days', 5, 2, 3, 30, null]);
    expect(s.curve).toEqual([
      { time: 0, survival: 1 },
      { time: 10, survival: 0.75 },
      { time: 30, survival: 0.375 },
    ]);
    expect(s.byDepartment.map((g) => g.name)).toEqual(['Ops']);
    // Days to action over actioned ideas: 10 and 30 -> median 20. To decision (actioned implies decided; I5 after 2 days): 2, 10, 30 -> 10.
    expect(e.medianDaysToActionInterval).toMatchObject({ value: 20, n: 2 });
    expect(e.medianDaysToDecisionInterval).toMatchObject({ value: 10, n: 3 });
    // 2 of 5 actioned: Wilson 0.117621 to 0.769276, solved independently as the quadratic (p − 0.4)² = z²·p(1 − p)/5 in Python.
    expect(e.conversionInterval.actioned.low).toBeCloseTo(0.117621, 5);
    expect(e.conversionInterval.actioned.high).toBeCloseTo(0.769276, 5);
  });
});
