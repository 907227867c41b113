import { afterEach, describe, expect, it } from 'vitest';
import { computeConversations } from '../../../src/metrics/conversations.js';
import { periodFromBounds } from '../../../src/time/period.js';
import { computeConversationEvidence, computeRetentionInterval } from '../../../src/metrics/uncertainty/index.js';
import type { Query } from '../../../src/model/query.js';
import type { MetricContext } from '../../../src/metrics/types.js';
import type { Dataset } from '../../../src/model/dataset.js';
import type { Identity } from '../../../src/model/types.js';
import { act, inlineDataset } from '../../helpers/dataset.js';
import { metricContext } from '../context.js';

let open: Dataset | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

const person = (id: string, department: string): Identity => ({
  id,
  source: 'yammer',
  name: id,
  email: `${id.slice(7)}@example.com`,
  department,
  isBot: false,
});
const post = (id: string, at: string, who: string) => act({ id, at, identityId: who, spaceId: 'yammer:general' });
const reply = (id: string, thread: string, at: string, who: string) =>
  act({ id, kind: 'reply', threadId: thread, parentId: thread, at, identityId: who, spaceId: 'yammer:general' });

/**
 * January 2026, as of 1 February 00:00; the data runs past it (a reply on 3 February), so
 * observation ends at as-of. Ana (Sales) starts A, B, C; Bob (Ops) starts D, E, F.
 *   A  5 Jan 00:00, Bob replies after 2 h           -> event at 2 h
 *   B  6 Jan 00:00, Bob replies after 5 h           -> event at 5 h
 *   C  7 Jan 00:00, no reply                        -> censored at 25 days = 600 h
 *   D  8 Jan 00:00, Ana replies after 1 h           -> event at 1 h
 *   E 31 Jan 20:00, no reply                        -> censored at 4 h
 *   F  9 Jan 00:00, Ana replies on 3 Feb (after as-of) -> censored at 23 days = 552 h
 * Kaplan-Meier by hand: S(1) = 5/6; S(2) = 5/6 · 4/5 = 2/3; E leaves at 4; S(5) = 2/3 · 2/3 = 4/9.
 * So the curve's median is 5 h; it never reaches 0.1 (p90 none). Answered at any time (the
 * conversations figure): A, B, D, F = 4 of 6; their median is (2 + 5) / 2 = 3.5 h, shorter than the
 * curve's because C and E still wait. Ana also posted in December: 1 of 1 previous contributors returned.
 */
async function january(): Promise<Dataset> {
  const { dataset } = await inlineDataset({
    identities: [person('yammer:ana', 'Sales'), person('yammer:bob', 'Ops')],
    spaces: [{ id: 'yammer:general', source: 'yammer', name: 'General', kind: 'group', isPrivate: false }],
    activities: [
      post('Z', '2025-12-20T00:00:00Z', 'yammer:ana'),
      post('A', '2026-01-05T00:00:00Z', 'yammer:ana'),
      reply('Ar', 'A', '2026-01-05T02:00:00Z', 'yammer:bob'),
      post('B', '2026-01-06T00:00:00Z', 'yammer:ana'),
      reply('Br', 'B', '2026-01-06T05:00:00Z', 'yammer:bob'),
      post('C', '2026-01-07T00:00:00Z', 'yammer:ana'),
      post('D', '2026-01-08T00:00:00Z', 'yammer:bob'),
      reply('Dr', 'D', '2026-01-08T01:00:00Z', 'yammer:ana'),
      post('E', '2026-01-31T20:00:00Z', 'yammer:bob'),
      post('F', '2026-01-09T00:00:00Z', 'yammer:bob'),
      reply('Fr', 'F', '2026-02-03T00:00:00Z', 'yammer:ana'),
    ],
  });
  open = dataset;
  return dataset;
}

const period = periodFromBounds('2026-01-01', '2026-02-01', 'UTC');
const ctx = (minN: number, minGroupSize = 3) =>
  metricContext(period, {
    asOf: '2026-02-01T00:00:00Z',
    config: { minGroupSize, uncertainty: { minN, bootstrapSeed: 1, bootstrapResamples: 2_000 } },
  });

/** Both halves the registry computes: the conversations' evidence and the retention interval. */
async function computeThreadEvidence(query: Query, context: MetricContext) {
  return {
    conversations: await computeConversationEvidence(query, context),
    retentionInterval: await computeRetentionInterval(query, context),
  };
}

describe('thread evidence (conversations and retention)', () => {
  it('reads the median from the censored curve: longer than the median over answered threads', async () => {
    const dataset = await january();
    const { conversations: c } = await computeThreadEvidence(dataset.query, ctx(3));
    const s = c.responseSurvival;
    expect([s.n, s.events, s.censored, s.median, s.p90]).toEqual([6, 3, 3, 5, null]);
    expect(s.observedUntil).toBe('2026-02-01T00:00:00.000Z');
    expect(s.curve.map((p) => [p.time, Number(p.survival.toFixed(6))])).toEqual([
      [0, 1],
      [1, 0.833333],
      [2, 0.666667],
      [5, 0.444444],
      [600, 0.444444],
    ]);
    const figures = await computeConversations(dataset.query, ctx(3));
    expect(figures.medianHoursToFirstResponse).toBe(3.5);
    expect(c.medianHoursToFirstResponseInterval).toMatchObject({ value: 3.5, n: 4 });
  });

  it('puts the Wilson interval beside the answered rate, and the retention one beside retention', async () => {
    const evidence = await computeThreadEvidence((await january()).query, ctx(3));
    // 4 of 6, solved independently as the quadratic (p − 4/6)² = z²·p(1 − p)/6 in Python.
    const rate = evidence.conversations.answeredRateInterval;
    expect(rate.value).toBeCloseTo(4 / 6, 12);
    expect(rate.low).toBeCloseTo(0.299993, 6);
    expect(rate.high).toBeCloseTo(0.903229, 6);
    expect(rate.n).toBe(6);
    // Retention: 1 previous contributor, below minN 3: the figure, no interval.
    expect(evidence.retentionInterval).toEqual({ value: 1, low: null, high: null, n: 1 });
  });

  it('gives no interval below the minimum n ("too few to judge")', async () => {
    const { conversations: c } = await computeThreadEvidence((await january()).query, ctx(10));
    expect(c.answeredRateInterval).toEqual({ value: 4 / 6, low: null, high: null, n: 6 });
    expect(c.medianHoursToFirstResponseInterval).toEqual({ value: 3.5, low: null, high: null, n: 4 });
  });

  it('gives a curve per department with at least minGroupSize threads', async () => {
    const { conversations: c } = await computeThreadEvidence((await january()).query, ctx(3));
    // Sales: A 2, B 5, C censored -> S 2/3 then 1/3: median 5. Ops: D 1, E and F censored -> S 2/3: no median.
    expect(c.responseSurvival.byDepartment.map((g) => [g.name, g.n, g.events, g.median])).toEqual([
      ['Ops', 3, 1, null],
      ['Sales', 3, 2, 5],
    ]);
    expect(c.responseSurvival.bySpace.map((g) => [g.name, g.n])).toEqual([['General', 6]]);
    const { conversations: bigGroups } = await computeThreadEvidence((await january()).query, ctx(3, 4));
    expect(bigGroups.responseSurvival.byDepartment).toEqual([]);
  });

  it('orders same-sized groups of one name as their first threads started, not by id', async () => {
    // Two spaces both named "Team", two threads each; "yammer:z" (id last) has the earliest thread.
    const inSpace = (id: string, at: string, space: string) =>
      act({ id, at, identityId: 'yammer:ana', spaceId: space });
    const { dataset } = await inlineDataset({
      identities: [person('yammer:ana', 'Sales')],
      spaces: ['yammer:a', 'yammer:z'].map((id) => ({
        id,
        source: 'yammer',
        name: 'Team',
        kind: 'group',
        isPrivate: false,
      })),
      activities: [
        inSpace('P1', '2026-01-10T00:00:00Z', 'yammer:a'),
        inSpace('P2', '2026-01-03T00:00:00Z', 'yammer:z'),
        inSpace('P3', '2026-01-20T00:00:00Z', 'yammer:a'),
        inSpace('P4', '2026-01-21T00:00:00Z', 'yammer:z'),
      ],
    });
    open = dataset;
    const c = await computeConversationEvidence(dataset.query, ctx(3, 2));
    expect(c.responseSurvival.bySpace.map((g) => [g.key, g.n])).toEqual([
      ['yammer:z', 2],
      ['yammer:a', 2],
    ]);
  });
});
