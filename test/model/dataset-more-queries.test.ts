import { describe, expect, it } from 'vitest';
import { act, inlineDataset } from '../helpers/dataset.js';

describe('Dataset.moreQueries (more connections for the metrics of a small dataset)', () => {
  it('reads the same tables, keeps temporary tables of its own, and statements on two connections run at once', async () => {
    const { dataset } = await inlineDataset({
      activities: [
        act({ id: 'yammer:1', at: '2026-01-05T10:00:00Z', identityId: 'yammer:u1' }),
        act({ id: 'yammer:2', at: '2026-01-06T10:00:00Z', identityId: 'yammer:u2' }),
      ],
    });
    try {
      const [other] = await dataset.moreQueries(1);
      if (!other) throw new Error('no second query surface');
      const count = 'SELECT count(*)::INTEGER AS n FROM activities';
      expect(await other.all(count)).toEqual([{ n: 2 }]);
      // The same name on both connections: each sees its own table, as two metric areas running
      // at once each build and drop theirs.
      await dataset.query.run('CREATE TEMP TABLE scratch AS SELECT 1 AS v');
      await other.run('CREATE TEMP TABLE scratch AS SELECT 2 AS v');
      const [mine, theirs] = await Promise.all([
        dataset.query.all('SELECT v FROM scratch'),
        other.all('SELECT v FROM scratch'),
      ]);
      expect(mine).toEqual([{ v: 1 }]);
      expect(theirs).toEqual([{ v: 2 }]);
      await other.run('DROP TABLE scratch');
      expect(await dataset.query.all('SELECT v FROM scratch')).toEqual([{ v: 1 }]);
    } finally {
      await dataset.close();
    }
  });

  it('is closed with the dataset', async () => {
    const { dataset } = await inlineDataset({
      activities: [act({ id: 'yammer:1', at: '2026-01-05T10:00:00Z', identityId: 'yammer:u1' })],
    });
    const [other] = await dataset.moreQueries(1);
    await dataset.close();
    await expect(other?.all('SELECT 1 AS one')).rejects.toThrow();
  });
});
