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

  it('finds a reply its parent, else its starter, and a reaction only its parent', async () => {
    const at = (minute: number) => `2026-03-02T09:${String(minute).padStart(2, '0')}:00Z`;
    const reply = (id: number, who: string, parentId: string | null, threadId = 'yammer:1') =>
      act({ id: `yammer:${id}`, kind: 'reply', threadId, parentId, at: at(id), identityId: `yammer:${who}` });
    const reaction = (id: number, who: string, parentId: string) =>
      act({
        id: `yammer:${id}`,
        kind: 'reaction',
        threadId: 'yammer:1',
        parentId,
        at: at(id),
        identityId: `yammer:${who}`,
      });
    const { dataset } = await inlineDataset({
      activities: [
        act({ id: 'yammer:1', at: at(1), identityId: 'yammer:ana' }),
        reply(2, 'bo', 'yammer:99'), // parent not loaded: the starter, ana
        reply(3, 'cy', null), // no parent: the starter, ana
        reply(4, 'ana', 'yammer:2'), // bo
        reply(5, 'bo', 'yammer:3'), // cy
        reaction(6, 'cy', 'yammer:98'), // parent not loaded: no interaction (a reaction never falls back)
        reaction(7, 'cy', 'yammer:4'), // ana
        reaction(8, 'bo', 'yammer:1'), // ana
        reply(9, 'ana', 'yammer:96', 'yammer:97'), // neither parent nor starter loaded: none
        reply(10, 'bo', 'yammer:2'), // bo's own message: dropped, not sent to the starter
        reply(11, 'bo', 'yammer:1'), // ana
        reply(12, 'cy', 'yammer:95', 'yammer:95'), // parent is the thread, not loaded: none
        reply(13, 'cy', 'yammer:94', 'yammer:4'), // parent not loaded, its thread names ana's reply: ana
      ],
    });
    const edges = await withInteractions(dataset.query, '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', () =>
      dataset.query.all(`
        SELECT (SELECT min(identity_id) FROM identities WHERE person_id = i.source_id) AS source,
               (SELECT min(identity_id) FROM identities WHERE person_id = i.target_id) AS target,
               kind, interactions::INTEGER AS n
        FROM interactions_in_period i ORDER BY source, target, kind`),
    );
    expect(edges).toEqual([
      { source: 'yammer:ana', target: 'yammer:bo', kind: 'reply', n: 1 },
      { source: 'yammer:bo', target: 'yammer:ana', kind: 'reaction', n: 1 },
      { source: 'yammer:bo', target: 'yammer:ana', kind: 'reply', n: 2 },
      { source: 'yammer:bo', target: 'yammer:cy', kind: 'reply', n: 1 },
      { source: 'yammer:cy', target: 'yammer:ana', kind: 'reaction', n: 1 },
      { source: 'yammer:cy', target: 'yammer:ana', kind: 'reply', n: 2 },
    ]);
    await dataset.close();
  });
});
