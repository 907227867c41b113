import { describe, expect, it } from 'vitest';
import { withInteractions } from '../../../src/metrics/network/edges.js';
import { act, inlineDataset, recordingQuery } from '../../helpers/dataset.js';

describe('withInteractions', () => {
  it('builds the interactions table once for nested uses of one period and drops it after the outermost', async () => {
    const { dataset } = await inlineDataset({
      activities: [
        act({ id: 'yammer:1', at: '2026-03-02T09:00:00Z', identityId: 'yammer:ana' }),
        act({
          id: 'yammer:2',
          kind: 'reply',
          threadId: 'yammer:1',
          parentId: 'yammer:1',
          at: '2026-03-02T10:00:00Z',
          identityId: 'yammer:bo',
        }),
        act({
          id: 'yammer:3',
          kind: 'reply',
          threadId: 'yammer:1',
          parentId: 'yammer:2',
          at: '2026-03-02T11:00:00Z',
          identityId: 'yammer:ana',
        }),
      ],
    });
    const { query, runs: creates } = recordingQuery(dataset, 'CREATE OR REPLACE TEMP TABLE interactions_in_period');
    const [since, until] = ['2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'];
    const count = () => query.all<{ n: number }>('SELECT sum(interactions)::INTEGER AS n FROM interactions_in_period');
    const inner = await withInteractions(query, since, until, async () => {
      const outer = await count();
      const nested = await withInteractions(query, since, until, count);
      return [outer, nested];
    });
    // bo replies to ana, ana replies to bo: two interactions.
    expect(inner).toEqual([[{ n: 2 }], [{ n: 2 }]]);
    expect(creates).toHaveLength(1);
    const left = await dataset.query.all(
      "SELECT table_name FROM duckdb_tables() WHERE table_name = 'interactions_in_period'",
    );
    expect(left).toEqual([]);
    await expect(
      withInteractions(query, since, until, () => withInteractions(query, since, '2026-05-01T00:00:00.000Z', count)),
    ).rejects.toThrow('nested period');
    await dataset.close();
  });
});
