import { afterEach, describe, expect, it } from 'vitest';
import { computeNetwork } from '../../src/metrics/network/index.js';
import { tiesAmong, withNetworkTables } from '../../src/metrics/network/tables.js';
import { periodFromBounds } from '../../src/time/period.js';
import type { Dataset } from '../../src/model/dataset.js';
import type { Activity, Identity } from '../../src/model/types.js';
import { act, inlineDataset } from '../helpers/dataset.js';
import { metricContext } from './context.js';

let open: Dataset | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

const person = (user: string, department: string | null): Identity => ({
  id: `slack:${user}`,
  source: 'slack',
  name: user.toUpperCase(),
  email: null,
  department,
  isBot: false,
});
const msg = (partial: Partial<Omit<Activity, 'at'>> & { id: string; user: string; at?: string }) =>
  act({
    source: 'slack',
    at: '2026-01-10T10:00:00Z',
    spaceId: 'slack:C1',
    identityId: `slack:${partial.user}`,
    ...partial,
  });

/**
 * Departments A (a1, a2), B (b1, b2), C (c1), D (d1, d2); x has none.
 * b1 replies to P1 (a1)        -> b1→a1 reply
 * a2 replies to R1 (b1)        -> a2→b1 reply (the message replied to, not the starter)
 * c1 replies in P1, no parent  -> c1→a1 reply (the starter)
 * a1 replies to own P1         -> no edge
 * b2 reacts to R1              -> b2→b1 reaction (weight 0.5)
 * a2 posts P2 mentioning b2 twice and herself -> a2→b2 mention, once
 * d2 replies to P3 (d1), x too -> d2→d1, x→d1
 */
async function pilot(): Promise<Dataset> {
  const { dataset } = await inlineDataset({
    identities: [
      person('a1', 'A'),
      person('a2', 'A'),
      person('b1', 'B'),
      person('b2', 'B'),
      person('c1', 'C'),
      person('d1', 'D'),
      person('d2', 'D'),
      person('x', null),
    ],
    activities: [
      msg({ id: 'P1', user: 'a1' }),
      msg({ id: 'R1', user: 'b1', kind: 'reply', threadId: 'P1', parentId: 'P1' }),
      msg({ id: 'R2', user: 'a2', kind: 'reply', threadId: 'P1', parentId: 'R1' }),
      msg({ id: 'R3', user: 'c1', kind: 'reply', threadId: 'P1', parentId: null }),
      msg({ id: 'R4', user: 'a1', kind: 'reply', threadId: 'P1', parentId: 'P1' }),
      msg({ id: 'X1', user: 'b2', kind: 'reaction', threadId: 'P1', parentId: 'R1', reaction: '+1' }),
      msg({ id: 'P2', user: 'a2', mentions: ['slack:b2', 'slack:b2', 'slack:a2'] }),
      msg({ id: 'P3', user: 'd1' }),
      msg({ id: 'R5', user: 'd2', kind: 'reply', threadId: 'P3', parentId: 'P3' }),
      msg({ id: 'R6', user: 'x', kind: 'reply', threadId: 'P3', parentId: 'P3' }),
      msg({ id: 'OLD', user: 'x', kind: 'reply', threadId: 'P1', parentId: 'P1', at: '2025-12-01T00:00:00Z' }),
    ],
  });
  open = dataset;
  return dataset;
}

const january = periodFromBounds('2026-01-01', '2026-02-01', 'UTC');

describe('computeNetwork', () => {
  it('builds weighted interaction edges from replies, mentions and reactions', async () => {
    const n = await computeNetwork((await pilot()).query, metricContext(january, { config: { minGroupSize: 2 } }));
    expect(n.interactions).toEqual({ reply: 5, mention: 1, reaction: 1 });
    expect(n.weightedInteractions).toBe(6.5);
    // Ties a1-b1, a2-b1, a1-c1, b1-b2, a2-b2, d1-d2, d1-x among 8 people: 7 / 28
    expect(n).toMatchObject({ people: 8, connectedPeople: 8, ties: 7, density: 0.25 });
  });

  it('lists brokers by normalized betweenness', async () => {
    const n = await computeNetwork((await pilot()).query, metricContext(january, { config: { minGroupSize: 2 } }));
    // Shortest paths through b1: c1-a2, c1-b2, a1-a2, a1-b2 (4); a1: c1-a2, c1-b1, c1-b2 (3); d1: d2-x (1).
    // Normalized: 2 · pairs / ((8 − 1)(8 − 2)) = pairs / 21
    expect(n.topBrokers.map((b) => [b.id, b.partners])).toEqual([
      ['slack:b1', 3],
      ['slack:a1', 2],
      ['slack:d1', 2],
    ]);
    expect(n.topBrokers[0]?.betweenness).toBeCloseTo(4 / 21, 12);
    expect(n.topBrokers[1]?.betweenness).toBeCloseTo(3 / 21, 12);
    expect(n.topBrokers[2]).toMatchObject({ name: 'D1', department: 'D' });
    expect(n.topBrokers[2]?.betweenness).toBeCloseTo(1 / 21, 12);
  });

  it('above maxPeopleForBrokers, finds brokers among the most connected people only, and says so', async () => {
    const n = await computeNetwork((await pilot()).query, metricContext(january, { config: { minGroupSize: 2 } }), {
      config: { maxPeopleForBrokers: 5 },
    });
    // Partners: b1 3; a1, a2, b2, d1 2 each; c1, d2, x 1. Kept: b1, a1, a2, b2, d1 (ties by id).
    // Ties among them: a1-b1, a2-b1, b1-b2, a2-b2. Through b1: a1-a2, a1-b2 -> 2 pairs; 2 · 2 / (4 · 3) = 1/3.
    expect(n.topBrokers.map((b) => [b.id, b.partners])).toEqual([['slack:b1', 3]]);
    expect(n.topBrokers[0]?.betweenness).toBeCloseTo(1 / 3, 12);
    expect(n.warnings).toContain(
      'network.topBrokers: betweenness computed over the 5 most connected of 8 people (network.maxPeopleForBrokers)',
    );
  });

  it('shares interactions across departments, suppressing small ones', async () => {
    const n = await computeNetwork((await pilot()).query, metricContext(january, { config: { minGroupSize: 2 } }));
    const d = n.departments;
    // Known both ends: B→A 1, A→B 1 + 1, C→A 1, B→B 0.5, D→D 1 = 5.5, of which 1.5 within a department
    expect(d?.crossDepartmentShare).toBeCloseTo(4 / 5.5, 12);
    expect(d?.departments).toEqual([
      { name: 'A', people: 2, internalInteractions: 0, crossInteractions: 4, suppressed: false, note: null },
      { name: 'B', people: 2, internalInteractions: 0.5, crossInteractions: 3, suppressed: false, note: null },
      {
        name: 'C',
        people: null,
        internalInteractions: null,
        crossInteractions: null,
        suppressed: true,
        note: 'fewer than 2',
      },
      { name: 'D', people: 2, internalInteractions: 1, crossInteractions: 0, suppressed: false, note: null },
    ]);
    expect(d?.matrix).toEqual([
      [0, 2, null, 0],
      [1, 0.5, null, 0],
      [null, null, null, null],
      [0, 0, null, 1],
    ]);
    expect(d).toMatchObject({
      departmentPairsConnected: 2,
      departmentPairsPossible: 6,
      isolatedDepartments: ['D'],
      interactionsWithoutDepartment: 1,
    });
  });

  it('applies configured edge weights', async () => {
    const n = await computeNetwork((await pilot()).query, metricContext(january, { config: { minGroupSize: 2 } }), {
      config: { edgeWeights: { reply: 2, mention: 0, reaction: 1 } },
    });
    expect(n.weightedInteractions).toBe(11); // 5 · 2 + 1 · 0 + 1 · 1
  });

  it('has no department figures when no department is known', async () => {
    const { dataset } = await inlineDataset({
      identities: [person('a1', null), person('b1', null)],
      activities: [
        msg({ id: 'P1', user: 'a1' }),
        msg({ id: 'R1', user: 'b1', kind: 'reply', threadId: 'P1', parentId: 'P1' }),
      ],
    });
    open = dataset;
    const n = await computeNetwork(dataset.query, metricContext(january));
    expect(n).toMatchObject({ people: 2, ties: 1, density: 1, topBrokers: [], departments: null });
    expect(n.warnings[0]).toMatch(/^no departments known/);
  });
});

describe('tiesAmong', () => {
  it('gives each tie once, as node pairs in the order of their first interaction by (source, target) id', async () => {
    const dataset = await pilot();
    // All eight are active in January: nodes by id, a1 0, a2 1, b1 2, b2 3, c1 4, d1 5, d2 6, x 7.
    // Directed: b1→a1, a2→b1, c1→a1, b2→b1, a2→b2, d2→d1, x→d1, i.e. 2→0, 1→2, 4→0, 3→2, 1→3, 6→5, 7→5.
    const [all, some] = await withNetworkTables(dataset.query, january.since, january.until, async () => [
      await tiesAmong(dataset.query, [0, 1, 2, 3, 4, 5, 6, 7], 16),
      await tiesAmong(dataset.query, [0, 1, 2], 16),
    ]);
    expect([...(all ?? [])]).toEqual([1, 2, 1, 3, 2, 0, 3, 2, 4, 0, 6, 5, 7, 5]);
    expect([...(some ?? [])]).toEqual([1, 2, 2, 0]);
  });
});
