import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockedComparedItems } from '../../../src/metrics/redundancy/blocked-items.js';
import { comparedItems, type ComparedItems } from '../../../src/metrics/redundancy/compared-items.js';
import { comparedItemsInThread } from '../../../src/metrics/redundancy/items-in-thread.js';
import {
  REPEAT_KEY_SPACE,
  type RepeatKeys,
  redundancyDistinctTexts,
  type TextCopy,
} from '../../../src/metrics/redundancy/queries.js';
import { RepeatKeyClash, TextRepeats } from '../../../src/metrics/redundancy/text-repeats.js';
import type { Dataset } from '../../../src/model/dataset.js';
import type { Query } from '../../../src/model/query.js';
import { inlineDataset } from '../../helpers/dataset.js';
import { sharedTextActivities } from '../../helpers/shared-texts.js';

/**
 * A repeated text names its first item by a number hashed from the item's key rather than by the
 * key (queries.ts `RepeatKeys`, issue 16 item 3): the same rows otherwise, and when two texts
 * awaited at once share a number, the texts are read again with exact keys, giving the same items.
 */

const row = (copies: number, shared: string | number | null, first: string | number | null): TextCopy => ({
  body: first === null ? 'text' : null,
  copies,
  shared_key: shared,
  first_key: first,
});

describe('TextRepeats with hashed keys', () => {
  it('refuses a key while a text holding it is awaited, and takes it again once its repeats are read', () => {
    const repeats = new TextRepeats<string>();
    repeats.note(row(2, 7, null), 'a');
    expect(() => repeats.note(row(3, 7, null), 'b')).toThrow(RepeatKeyClash);
    expect(repeats.repeat(row(2, null, 7))).toBe('a');
    // Text "a" had 2 copies, both read: 7 is free again.
    repeats.note(row(2, 7, null), 'c');
    expect(repeats.repeat(row(2, null, 7))).toBe('c');
    expect(() => repeats.repeat(row(2, null, 7))).toThrow(/not read/);
  });
});

/** The shared texts' pilot: the long text's first item is the wiki page (same instant, id first). */
async function sharedTexts(): Promise<Dataset> {
  return (await inlineDataset({ activities: sharedTextActivities() })).dataset;
}

const period = { since: '2026-03-01T00:00:00.000Z', until: '2026-04-01T00:00:00.000Z', timeZone: 'UTC' };

/**
 * `query` with every hashed key 0 (a key space of one number), so two texts awaited at once
 * always clash; `modes` records how each reading named its keys.
 */
function clashing(query: Query, modes: RepeatKeys[]): Query {
  return {
    ...query,
    batches: (sql, params) => {
      const hashed = params !== undefined && 'key_space' in params;
      if (sql.includes('first_key')) modes.push(hashed ? 'hashed' : 'exact');
      return query.batches(sql, hashed ? { ...params, key_space: 1 } : params);
    },
  };
}

/** Every array of `items` as plain numbers and strings, for one deep comparison. */
function plain(items: ComparedItems): unknown {
  const { corpus } = items;
  const arrays = [corpus.offsets, corpus.termIds, corpus.counts, corpus.df, items.isPage, items.atMs];
  return [corpus.size, corpus.terms, corpus.words, items.ids, ...arrays.map((a) => [...a]), [...items.introduction]];
}

describe('redundancyDistinctTexts with hashed keys', () => {
  let dataset: Dataset;
  beforeAll(async () => {
    dataset = await sharedTexts();
  });
  afterAll(() => dataset.close());

  it('gives the rows of exact keys, each key as one number below 2^53', async () => {
    const read = async (keys: RepeatKeys): Promise<TextCopy[]> => {
      const rows: TextCopy[] = [];
      for await (const batch of redundancyDistinctTexts(dataset.query, period.since, period.until, 2000, keys))
        rows.push(...batch);
      return rows;
    };
    const exact = await read('exact');
    const hashed = await read('hashed');
    const without = (r: TextCopy) => ({ ...r, shared_key: null, first_key: null });
    expect(hashed.map(without)).toEqual(exact.map(without));
    // Keys of three shared texts (long, "Thanks, done", the introduction) and of their five repeats.
    const pairs = new Map<string | number, string | number>();
    for (const [k, r] of exact.entries()) {
      const h = hashed[k];
      for (const [e, n] of [
        [r.shared_key, h?.shared_key],
        [r.first_key, h?.first_key],
      ]) {
        expect(e === null).toBe(n === null || n === undefined);
        if (e === null || e === undefined || n === null || n === undefined) continue;
        expect(typeof n).toBe('number');
        expect(Number.isInteger(n) && (n as number) >= 0 && (n as number) < REPEAT_KEY_SPACE).toBe(true);
        expect(pairs.get(e) ?? n).toBe(n);
        pairs.set(e, n);
      }
    }
    expect([...pairs.keys()].sort()).toEqual(['p:mediawiki:page:1', 't:yammer:2', 't:yammer:3']);
    expect(new Set(pairs.values()).size).toBe(3);
    expect(exact.filter((r) => r.first_key !== null)).toHaveLength(5);
  });

  it('reads again with exact keys when two awaited texts clash: the same items on every path', async () => {
    const reference = await comparedItems(dataset.query, period, 2000, 4);
    // Long (4 copies), the introduction (2), the other text: 7 items kept; "Thanks, done" is too short.
    expect(reference.ids).toEqual([
      'mediawiki:page:1',
      'yammer:1',
      'yammer:3',
      'yammer:4',
      'yammer:5',
      'yammer:7',
      'yammer:8',
    ]);
    // The JS path, on one thread or two, finds repeated texts itself (first-texts.ts, s15-c): no
    // reading of it names keys, so a clash of keys cannot reach it.
    const modes: RepeatKeys[] = [];
    expect(plain(await comparedItems(clashing(dataset.query, modes), period, 2000, 4))).toEqual(plain(reference));
    expect(modes).toEqual([]);
    const threaded: RepeatKeys[] = [];
    const inThread = await comparedItemsInThread(clashing(dataset.query, threaded), period, 2000, 4);
    expect(plain(inThread)).toEqual(plain(reference));
    expect(threaded).toEqual([]);
    const options = { cap: 2000, minWords: 4, maxPostings: 200, lsaDocs: 0 };
    const blocked: RepeatKeys[] = [];
    const clashed = await blockedComparedItems(clashing(dataset.query, blocked), period, options);
    expect(plain(clashed)).toEqual(plain(await blockedComparedItems(dataset.query, period, options)));
    expect(blocked).toEqual(['hashed', 'exact']);
  }, 60_000);
});
