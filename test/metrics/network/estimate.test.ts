import { afterEach, describe, expect, it } from 'vitest';
import { computeNetwork } from '../../../src/metrics/network/index.js';
import { periodFromBounds } from '../../../src/time/period.js';
import type { Dataset } from '../../../src/model/dataset.js';
import type { Identity } from '../../../src/model/types.js';
import { act, inlineDataset } from '../../helpers/dataset.js';
import { metricContext } from '../context.js';

let open: Dataset | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

const SIZE = 120;
const user = (i: number): string => `p${String(i).padStart(3, '0')}`;
const person = (i: number): Identity => ({
  id: `slack:${user(i)}`,
  source: 'slack',
  name: user(i),
  email: null,
  department: null,
  isBot: false,
});

/** A path of 120 people: each posts once, and each replies to the next one's post. */
async function path(): Promise<Dataset> {
  const at = '2026-01-10T10:00:00Z';
  const { dataset } = await inlineDataset({
    identities: Array.from({ length: SIZE }, (_, i) => person(i)),
    activities: Array.from({ length: SIZE }, (_, i) => [
      act({ id: `P${i}`, source: 'slack', at, spaceId: 'slack:C1', identityId: `slack:${user(i)}` }),
      ...(i + 1 < SIZE
        ? [
            act({
              id: `R${i}`,
              source: 'slack',
              kind: 'reply',
              at,
              spaceId: 'slack:C1',
              identityId: `slack:${user(i)}`,
              threadId: `P${i + 1}`,
              parentId: `P${i + 1}`,
            }),
          ]
        : []),
    ]).flat(),
  });
  open = dataset;
  return dataset;
}

const january = periodFromBounds('2026-01-01', '2026-02-01', 'UTC');
// On a path of n, node i lies between its i nodes on one side and n − 1 − i on the other:
// normalized 2 · i · (n − 1 − i) / ((n − 1)(n − 2)); the middle (59 and 60) has 2 · 59 · 60 / (119 · 118).
const middle = (2 * 59 * 60) / (119 * 118);

describe('computeNetwork on a graph above the betweenness work budget', () => {
  it('is exact within the default budget', async () => {
    const n = await computeNetwork((await path()).query, metricContext(january));
    expect(n.topBrokers.slice(0, 2).map((b) => b.id)).toEqual(['slack:p059', 'slack:p060']);
    expect(n.topBrokers[0]?.betweenness).toBeCloseTo(middle, 12);
    expect(n.warnings.filter((w) => w.includes('estimated'))).toEqual([]);
  });

  it('estimates from 100 sources above the budget, and says so', async () => {
    // Exact work 120 · (120 + 2 · 119) = 42,960 > 10,000; pivots max(100, ⌊10,000 / 358⌋) = 100 < 120.
    const n = await computeNetwork((await path()).query, metricContext(january), {
      config: { maxBetweennessWork: 10_000 },
    });
    expect(n.warnings).toContain(
      'network.topBrokers: betweenness estimated from 100 of 120 people as sources (drawn with a fixed seed): exact would exceed the work budget (network.maxBetweennessWork)',
    );
    const top = n.topBrokers[0];
    // Measured: the estimate's top broker is within 5 places of the middle, its value within 10%.
    expect(Math.abs(Number(top?.id.slice('slack:p'.length)) - 59.5)).toBeLessThanOrEqual(5);
    expect(Math.abs((top?.betweenness ?? 0) - middle) / middle).toBeLessThan(0.1);
    expect(n.ties).toBe(119);
  });
});
