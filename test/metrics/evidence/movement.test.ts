import { afterEach, describe, expect, it } from 'vitest';
import { computeMovement } from '../../../src/metrics/evidence/index.js';
import { levelOf } from '../../../src/metrics/evidence/migration.js';
import { periodFromBounds } from '../../../src/time/period.js';
import type { Dataset } from '../../../src/model/dataset.js';
import { act, inlineDataset } from '../../helpers/dataset.js';
import { metricContext } from '../context.js';

let open: Dataset | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

const period = periodFromBounds('2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z', 'UTC');

/**
 * a: active in December (before the period) and January: in no cohort of the period.
 * b: first active in January (one post), reacts in February, silent in March.
 * c: first active in January (three posts), ten replies in March.
 * d: first active in February (a post), one reaction in March.
 */
const activities = [
  { id: 'a0', at: '2025-12-10T10:00:00Z', identityId: 'yammer:a' },
  { id: 'a1', at: '2026-01-10T10:00:00Z', identityId: 'yammer:a' },
  { id: 'b1', at: '2026-01-11T10:00:00Z', identityId: 'yammer:b' },
  {
    id: 'b2',
    kind: 'reaction' as const,
    threadId: 'a1',
    parentId: 'a1',
    at: '2026-02-02T10:00:00Z',
    identityId: 'yammer:b',
  },
  ...[1, 2, 3].map((i) => ({ id: `c${i}`, at: `2026-01-1${i}T12:00:00Z`, identityId: 'yammer:c' })),
  ...Array.from({ length: 10 }, (_, i) => ({
    id: `cr${i}`,
    kind: 'reply' as const,
    threadId: 'a1',
    parentId: 'a1',
    at: `2026-03-${String(i + 10)}T12:00:00Z`,
    identityId: 'yammer:c',
  })),
  { id: 'd1', at: '2026-02-20T10:00:00Z', identityId: 'yammer:d' },
  {
    id: 'd2',
    kind: 'reaction' as const,
    threadId: 'c1',
    parentId: 'c1',
    at: '2026-03-05T10:00:00Z',
    identityId: 'yammer:d',
  },
];

describe('computeMovement', () => {
  it('counts cohorts by first month and who stays active (hand-counted)', async () => {
    open = (await inlineDataset({ activities: activities.map(act) })).dataset;
    const movement = await computeMovement(open.query, metricContext(period, { config: { minGroupSize: 1 } }));
    expect(movement.cohorts).toEqual({
      months: ['2026-01', '2026-02', '2026-03'],
      cohorts: [
        // January: b and c; February only b (a reaction); March only c.
        { month: '2026-01', people: 2, active: [2, 1, 1], shares: [1, 0.5, 0.5] },
        // February: d, active again in March.
        { month: '2026-02', people: 1, active: [1, 1], shares: [1, 1] },
      ],
    });
  });

  it('hides the shares of cohorts smaller than minGroupSize', async () => {
    open = (await inlineDataset({ activities: activities.map(act) })).dataset;
    const movement = await computeMovement(open.query, metricContext(period, { config: { minGroupSize: 5 } }));
    expect(movement.cohorts.cohorts.map((c) => c.shares)).toEqual([null, null]);
    expect(movement.cohorts.cohorts.map((c) => c.people)).toEqual([2, 1]);
  });

  it('moves each person between the levels of the first and the last month (hand-counted)', async () => {
    open = (await inlineDataset({ activities: activities.map(act) })).dataset;
    const { migration } = await computeMovement(open.query, metricContext(period));
    // a and b: occasional -> inactive; c: regular (3 posts) -> core (10 replies); d: inactive -> reacting.
    expect(migration?.people).toBe(4);
    expect(migration?.matrix.occasional.inactive).toBe(2);
    expect(migration?.matrix.regular.core).toBe(1);
    expect(migration?.matrix.inactive.reacting).toBe(1);
    const cells = Object.values(migration?.matrix ?? {}).flatMap((row) => Object.values(row));
    expect(cells.reduce((s, n) => s + n, 0)).toBe(4);
    expect([migration?.movedUp, migration?.held, migration?.movedDown]).toEqual([2, 0, 2]);
  });

  it('has no migration in a one-month period', async () => {
    open = (await inlineDataset({ activities: activities.map(act) })).dataset;
    const { migration } = await computeMovement(
      open.query,
      metricContext(periodFromBounds('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', 'UTC')),
    );
    expect(migration).toBeNull();
  });
});

describe('levelOf', () => {
  it('uses the documented thresholds', () => {
    expect([
      levelOf(0, 0),
      levelOf(4, 0),
      levelOf(1, 1),
      levelOf(2, 2),
      levelOf(3, 3),
      levelOf(9, 9),
      levelOf(10, 10),
    ]).toEqual(['inactive', 'reacting', 'occasional', 'occasional', 'regular', 'regular', 'core']);
  });
});
