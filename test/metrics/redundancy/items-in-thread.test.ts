import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparedItems, type ComparedItems } from '../../../src/metrics/redundancy/compared-items.js';
import { computeRedundancy } from '../../../src/metrics/redundancy/index.js';
import { DEFAULT_REDUNDANCY_CONFIG as C } from '../../../src/metrics/redundancy/index.js';
import { columnsOf, rowOf } from '../../../src/metrics/redundancy/copy-columns.js';
import { comparedItemsInThread } from '../../../src/metrics/redundancy/items-in-thread.js';
import { FirstTexts } from '../../../src/metrics/redundancy/first-texts.js';
import type { HashedText } from '../../../src/metrics/redundancy/queries.js';
import type { Query, Row } from '../../../src/model/query.js';
import { loadRedundancyPilots, type RedundancyPilot } from '../../helpers/redundancy-pilots.js';
import { metricContext } from '../context.js';

/**
 * The JS path of duplicate efforts with its texts cleaned and split in a worker thread
 * (items-in-thread.ts) against the same path on one thread (compared-items.ts): the same items,
 * term ids, counts and columns, and the same section, on the sample pilot and the real Slack
 * export with labelled pairs.
 */
const pilots: RedundancyPilot[] = [];

beforeAll(() => loadRedundancyPilots(pilots), 120_000);

afterAll(async () => {
  for (const p of pilots) await p.dataset.close();
});

/** Every array of `items` as plain numbers and strings, for one deep comparison. */
function plain(items: ComparedItems): Record<string, unknown> {
  const { corpus } = items;
  return {
    size: corpus.size,
    terms: corpus.terms,
    words: corpus.words,
    offsets: [...corpus.offsets],
    termIds: [...corpus.termIds],
    counts: [...corpus.counts],
    df: [...corpus.df],
    ids: items.ids,
    isPage: [...items.isPage],
    space: [...items.space],
    author: [...items.author],
    atMs: [...items.atMs],
    introduction: [...items.introduction],
    active: [...items.active],
  };
}

describe('duplicate efforts’ texts split in a worker thread', () => {
  it('a row crosses to the thread as it was read, a text met again by its number', () => {
    const row = (item_id: string, body: string, body_hash: number): HashedText => ({
      item_id,
      is_page: item_id.startsWith('p'),
      space_no: 3,
      active: true,
      author_no: 7,
      at_ms: 1.7e12,
      body,
      body_hash,
    });
    const texts = new FirstTexts();
    // t1 and p1 hold one text; t2 another text of the same hash; t3 repeats t2's, in the next batch.
    const first = columnsOf([row('t1', 'Forklift slots', 5), row('p1', 'Forklift slots', 5)], texts);
    const second = columnsOf([row('t2', 'Badge printer', 5), row('t3', 'Badge printer', 5)], texts);
    expect(first.body).toEqual(['Forklift slots', null]);
    expect([...first.repeatOf]).toEqual([-1, 0]);
    expect(second.body).toEqual(['Badge printer', null]);
    expect([...second.repeatOf]).toEqual([-1, 1]);
    const { body: _b, body_hash: _h, ...p1 } = row('p1', '', 0);
    expect(rowOf(first, 1)).toEqual(p1);
  });

  it.each([0, 1])('gives the one-thread items, term ids included, on pilot %i', async (n) => {
    const pilot = pilots[n];
    if (!pilot) throw new Error('no pilot');
    const { query } = pilot.dataset;
    const one = await comparedItems(query, pilot.period, C.maxTextLength, C.minWords);
    const two = await comparedItemsInThread(query, pilot.period, C.maxTextLength, C.minWords);
    expect(one.ids.length).toBeGreaterThan(20);
    expect(plain(two)).toEqual(plain(one));
  });

  it('gives the one-thread items when the batches are shared between the threads', async () => {
    const pilot = pilots[1];
    if (!pilot) throw new Error('no pilot');
    const { query } = pilot.dataset;
    // Batches of 2 rows: the thread is sent the first four and starts (a tenth of a second or more)
    // while this one reads and tokenizes the others, so both numberings of terms meet in one corpus.
    const small: Query = {
      ...query,
      batches: async function* <T extends Row>(sql: string, params?: Record<string, string | number | boolean | null>) {
        for await (const batch of query.batches<T>(sql, params))
          for (let i = 0; i < batch.length; i += 2) yield batch.slice(i, i + 2);
      },
    };
    const one = await comparedItems(query, pilot.period, C.maxTextLength, C.minWords);
    const two = await comparedItemsInThread(small, pilot.period, C.maxTextLength, C.minWords);
    expect(one.ids.length).toBeGreaterThan(20);
    expect(plain(two)).toEqual(plain(one));
  });

  it('gives the same section through computeRedundancy', async () => {
    const pilot = pilots[0];
    if (!pilot) throw new Error('no pilot');
    const ctx = metricContext(pilot.period, { capabilities: { wiki: true } });
    const one = await computeRedundancy(pilot.dataset.query, ctx, { threadAbove: Infinity });
    const two = await computeRedundancy(pilot.dataset.query, ctx, { threadAbove: 0 });
    expect(one.clustersFound + one.crossPostsFound).toBeGreaterThan(0);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });
});
