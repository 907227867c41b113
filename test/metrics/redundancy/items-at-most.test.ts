import { describe, expect, it } from 'vitest';
import type { Query } from '../../../src/model/query.js';
import { computeRedundancy } from '../../../src/metrics/redundancy/index.js';
import { ITEMS_AT_MOST_SQL, itemsSql } from '../../../src/metrics/redundancy/queries.js';
import { act, inlineDataset } from '../../helpers/dataset.js';
import { metricContext } from '../context.js';

/**
 * The bound that decides the path of duplicate efforts without reading a text (queries.ts): never
 * fewer than the items compared, and the exact count (which reads every text) asked only above it.
 */
const period = { since: '2026-03-01T00:00:00.000Z', until: '2026-04-01T00:00:00.000Z', timeZone: 'UTC' };

const activities = [
  act({ id: 'y:1', at: '2026-03-02T09:00:00Z', identityId: 'y:ana', text: 'Forklift booking sheet for the warehouse' }),
  act({ id: 'y:2', at: '2026-03-03T09:00:00Z', identityId: 'y:bo', text: '   ' }),
  // Outside the period (before, after): no item.
  act({ id: 'y:3', at: '2026-02-20T09:00:00Z', identityId: 'y:bo', text: 'An older post' }),
  act({ id: 'y:4', at: '2026-04-02T09:00:00Z', identityId: 'y:bo', text: 'A later post' }),
  // A reply is no item.
  act({
    id: 'y:5',
    kind: 'reply',
    threadId: 'y:1',
    parentId: 'y:1',
    at: '2026-03-04T09:00:00Z',
    identityId: 'y:bo',
    text: 'Yes',
  }),
  // Page 7: two revisions, one before the period (pages count when revised before its end).
  ...['2026-02-01T09:00:00Z', '2026-03-05T09:00:00Z'].map((at, k) =>
    act({
      id: `w:r${k + 1}`,
      source: 'mediawiki',
      kind: k === 0 ? 'page_create' : 'page_edit',
      threadId: 'w:page:7',
      spaceId: 'w:wiki',
      at,
      identityId: 'w:Ana',
      title: 'Forklift booking',
      text: 'Created page with "forklift slots"',
    }),
  ),
  // Page 8: two revisions without title or text: one item at most, none compared.
  ...['2026-03-06T09:00:00Z', '2026-03-07T09:00:00Z'].map((at, k) =>
    act({
      id: `w:n${k}`,
      source: 'mediawiki',
      kind: 'page_edit',
      threadId: 'w:page:8',
      spaceId: 'w:wiki',
      at,
      identityId: 'w:Bo',
    }),
  ),
  // A page first revised after the period: no item.
  act({
    id: 'w:r9',
    source: 'mediawiki',
    kind: 'page_create',
    threadId: 'w:page:9',
    spaceId: 'w:wiki',
    at: '2026-04-03T09:00:00Z',
    identityId: 'w:Ana',
    title: 'Later',
  }),
];

/** `query`, noting the text of every `all` statement. */
function noting(query: Query, statements: string[]): Query {
  return { ...query, all: (sql, params) => (statements.push(sql), query.all(sql, params)) };
}

describe('the bound on the items of duplicate efforts', () => {
  it('counts posts of the period and pages revised before its end, blank texts included', async () => {
    const { dataset } = await inlineDataset({ activities });
    const params = { since: period.since, until: period.until };
    const [bound] = await dataset.query.all<{ n: number }>(ITEMS_AT_MOST_SQL, params);
    const [exact] = await dataset.query.all<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM (${itemsSql('1')})`,
      params,
    );
    // y:1, y:2 (blank), page 7, page 8 (blank); only y:1 and page 7 have a text.
    expect(bound?.n).toBe(4);
    expect(exact?.n).toBe(2);
    await dataset.close();
  });

  it('asks for the exact count only when the bound is above the threshold, with the same result', async () => {
    const { dataset } = await inlineDataset({ activities });
    const ctx = metricContext(period, { capabilities: { wiki: true } });
    const exactCount = (sql: string): boolean => sql.includes('SELECT count(*)::INTEGER AS n FROM (');
    const results: string[] = [];
    const asked: boolean[] = [];
    // Bound 4, exact 2: at 4 the bound decides; at 3 the exact count does (the JS path both times);
    // at 1 both are above and the blocked path is taken.
    for (const blockedAbove of [4, 3, 1]) {
      const statements: string[] = [];
      const result = await computeRedundancy(noting(dataset.query, statements), ctx, { blockedAbove });
      asked.push(statements.some(exactCount));
      results.push(JSON.stringify(result));
    }
    expect(asked).toEqual([false, true, true]);
    expect(results[1]).toBe(results[0]);
    expect(results[2]).toBe(results[0]);
    await dataset.close();
  });
});
