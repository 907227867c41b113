import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparedItems, type ComparedItems } from '../../../src/metrics/redundancy/compared-items.js';
import { HASHED_NUMBERS, type ItemNumbers, itemNumbers } from '../../../src/metrics/redundancy/item-numbers.js';
import { type HashedText, redundancyOrderedTexts } from '../../../src/metrics/redundancy/queries.js';
import type { Dataset } from '../../../src/model/dataset.js';
import type { Query } from '../../../src/model/query.js';
import { act, inlineDataset } from '../../helpers/dataset.js';
import { sharedTextActivities } from '../../helpers/shared-texts.js';

/**
 * The JS path of duplicate efforts numbers the items' spaces and authors by a hash of their ids,
 * without the two joins that built their hash tables on the texts (queries.ts `ItemNumbers`,
 * s15-c), when no two ids share a number; else by the joins. Either way equal numbers mean equal
 * ids: the pairs of items in one space, and by one author, are those the joined numbers give.
 */

const period = { since: '2026-03-01T00:00:00.000Z', until: '2026-04-01T00:00:00.000Z', timeZone: 'UTC' };

/** The shared texts' pilot, plus a post in a third group by a fourth person. */
async function pilot(): Promise<Dataset> {
  const activities = sharedTextActivities();
  activities.push(
    act({
      id: 'yammer:9',
      at: '2026-03-09T09:00:00Z',
      identityId: 'yammer:person9',
      spaceId: 'yammer:group:g9',
      text: 'Parking permits for the night shift, renewed every quarter by facilities',
    }),
  );
  return (await inlineDataset({ activities })).dataset;
}

/** `query` with the hashed numbers' space narrowed to one number: every two ids clash. */
function narrowed(query: Query): Query {
  const narrow = <P extends Record<string, string | number | boolean | null>>(params?: P) =>
    params && 'numbers' in params ? { ...params, numbers: 1 } : params;
  return {
    ...query,
    all: (sql, params) => query.all(sql, narrow(params)),
    batches: (sql, params) => query.batches(sql, narrow(params)),
  };
}

async function rowsOf(query: Query, numbers: ItemNumbers): Promise<HashedText[]> {
  const rows: HashedText[] = [];
  for await (const batch of redundancyOrderedTexts(query, period.since, period.until, 2000, numbers))
    rows.push(...batch);
  return rows;
}

/** For every two places, whether their numbers are equal. */
function sameness(numbers: ArrayLike<number>): boolean[] {
  const same: boolean[] = [];
  for (let i = 0; i < numbers.length; i += 1)
    for (let j = 0; j < numbers.length; j += 1) same.push(numbers[i] === numbers[j]);
  return same;
}

function plain(items: ComparedItems): unknown {
  const { corpus } = items;
  const arrays = [corpus.offsets, corpus.termIds, corpus.counts, corpus.df, items.isPage, items.atMs, items.active];
  return [corpus.size, corpus.terms, items.ids, ...arrays.map((a) => [...a]), [...items.introduction]];
}

describe('the items’ spaces and authors as hashed numbers', () => {
  let dataset: Dataset;
  beforeAll(async () => {
    dataset = await pilot();
  });
  afterAll(() => dataset.close());

  it('are taken when no two ids share one, and the joins when two do', async () => {
    expect(await itemNumbers(dataset.query)).toBe('hashed');
    expect(await itemNumbers(narrowed(dataset.query))).toBe('joined');
  });

  it('give the rows of the joined numbers, with the same spaces and authors equal', async () => {
    const joined = await rowsOf(dataset.query, 'joined');
    const hashed = await rowsOf(dataset.query, 'hashed');
    const without = ({ space_no: _s, author_no: _a, ...rest }: HashedText) => rest;
    expect(hashed.map(without)).toEqual(joined.map(without));
    // Nine posts and the page: spaces g0, g1, g9 and the wiki; authors person0-2, person9 and Ana.
    expect(hashed).toHaveLength(10);
    expect(new Set(joined.map((r) => r.space_no)).size).toBe(4);
    expect(new Set(joined.map((r) => r.author_no)).size).toBe(5);
    expect(sameness(hashed.map((r) => r.space_no))).toEqual(sameness(joined.map((r) => r.space_no)));
    expect(sameness(hashed.map((r) => r.author_no))).toEqual(sameness(joined.map((r) => r.author_no)));
    for (const r of hashed) {
      expect(Number.isInteger(r.space_no) && r.space_no >= 0 && r.space_no < HASHED_NUMBERS).toBe(true);
      expect(Number.isInteger(r.author_no) && r.author_no >= 0 && r.author_no < HASHED_NUMBERS).toBe(true);
    }
  });

  it('give the items of the joins when they clash', async () => {
    const hashed = await comparedItems(dataset.query, period, 2000, 4);
    const joined = await comparedItems(narrowed(dataset.query), period, 2000, 4);
    expect(plain(hashed)).toEqual(plain(joined));
    expect(sameness(hashed.space)).toEqual(sameness(joined.space));
    expect(sameness(hashed.author)).toEqual(sameness(joined.author));
    // Joined numbers are ranks (1, 2, ...), hashed ones are not: the clash took the joins.
    expect(Math.max(...joined.author)).toBeLessThanOrEqual(5);
    expect(Math.max(...hashed.author)).toBeGreaterThan(5);
  });
});
