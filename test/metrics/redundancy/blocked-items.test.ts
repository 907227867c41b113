import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockedComparedItems } from '../../../src/metrics/redundancy/blocked-items.js';
import { comparedItems, type ComparedItems } from '../../../src/metrics/redundancy/compared-items.js';
import { computeRedundancy, DEFAULT_REDUNDANCY_CONFIG as C } from '../../../src/metrics/redundancy/index.js';
import { DEFAULT_LSA_OPTIONS, lsaSpace } from '../../../src/metrics/redundancy/lsa.js';
import { populationOf, TermCorpusBuilder, tfIdfWeights } from '../../../src/metrics/redundancy/term-corpus.js';
import { act, inlineDataset } from '../../helpers/dataset.js';
import { keptPairs, loadRedundancyPilots, PATH_CASES, type RedundancyPilot } from '../../helpers/redundancy-pilots.js';
import { metricContext } from '../context.js';

/**
 * The blocked path of duplicate efforts (blocked-items.ts: only the items that can pair and the
 * LSA sample held) against the JS path (compared-items.ts: every item held): the same pairs with
 * every score, the same LSA space and the same metric result, on the bundled sample pilot and the
 * real Slack export with labelled pairs, with the default postings and with short ones (so that
 * only a part is held).
 */
const pilots: RedundancyPilot[] = [];

beforeAll(() => loadRedundancyPilots(pilots), 120_000);

afterAll(async () => {
  for (const p of pilots) await p.dataset.close();
});

describe.each(PATH_CASES)('the blocked path, %o', ({ meaning, maxPostings, lsaMaxDocs }) => {
  const config = { ...C, meaning, lsaMaxDocs };
  it.each([0, 1])('gives the JS path’s pairs, scores and LSA space on pilot %i', async (n) => {
    const pilot = pilots[n];
    if (!pilot) throw new Error('no pilot');
    const { query } = pilot.dataset;
    const js = await comparedItems(query, pilot.period, C.maxTextLength, C.minWords);
    const blocked = await blockedComparedItems(query, pilot.period, {
      cap: C.maxTextLength,
      minWords: C.minWords,
      maxPostings,
      lsaDocs: meaning ? lsaMaxDocs : 0,
    });
    expect(populationOf(blocked.corpus)).toBe(js.ids.length);
    expect(blocked.corpus.terms).toEqual(js.corpus.terms);
    expect(blocked.corpus.words).toEqual(js.corpus.words);
    expect([...blocked.corpus.df]).toEqual([...js.corpus.df]);
    // Each held item is the JS path's item at its place, with its terms, counts and columns.
    const index = blocked.corpus.whole?.index ?? Int32Array.from(blocked.ids, (_, k) => k);
    blocked.ids.forEach((id, k) => {
      const at = index[k] ?? -1;
      expect(id).toBe(js.ids[at]);
      expect(blocked.isPage[k]).toBe(js.isPage[at]);
      expect(blocked.atMs[k]).toBe(js.atMs[at]);
      expect(blocked.active[k]).toBe(js.active[at]);
      expect(blocked.introduction[k]).toBe(js.introduction[at]);
      const range = (c: ComparedItems, i: number): number[] => [
        ...c.corpus.termIds.subarray(c.corpus.offsets[i], c.corpus.offsets[i + 1]),
        ...c.corpus.counts.subarray(c.corpus.offsets[i], c.corpus.offsets[i + 1]),
      ];
      expect(range(blocked, k)).toEqual(range(js, at));
    });
    if (maxPostings < 200 && (!meaning || lsaMaxDocs < js.ids.length))
      expect(blocked.ids.length).toBeLessThan(js.ids.length);
    if (meaning) {
      const options = { ...DEFAULT_LSA_OPTIONS, maxDocs: lsaMaxDocs };
      const space = lsaSpace(js.corpus, tfIdfWeights(js.corpus), options);
      expect(space).not.toBeNull();
      expect(lsaSpace(blocked.corpus, tfIdfWeights(blocked.corpus), options)?.termVectors).toEqual(space?.termVectors);
    }
    const pairs = keptPairs(js, config, maxPostings);
    expect(pairs.length).toBeGreaterThan(0);
    expect(keptPairs(blocked, config, maxPostings)).toEqual(pairs);
  });
});

describe.each([true, false])('duplicate efforts by the blocked path, meaning rule %s', (meaning) => {
  it.each([0, 1])('are those of the JS path on pilot %i', async (n) => {
    const pilot = pilots[n];
    if (!pilot) throw new Error('no pilot');
    const ctx = metricContext(pilot.period);
    const viaJs = await computeRedundancy(pilot.dataset.query, ctx, { config: { meaning }, blockedAbove: Infinity });
    if (n === 0) expect(viaJs.clustersFound).toBeGreaterThan(0);
    expect(await computeRedundancy(pilot.dataset.query, ctx, { config: { meaning }, blockedAbove: 0 })).toEqual(viaJs);
  });
});

describe('the blocked path with texts shared by several items', () => {
  // Nine copies of one text whose words are all held by 9 texts or more (never rare with
  // postings of at most 3), another text that cannot pair, two texts sharing a rare word, a
  // short one. Kept order: k0 the other text, k1 and k7 the two sharing "calibration", k2..k6
  // and k8..k11 the copies (k2 the first).
  const common = 'warehouse forklift booking sheet weekly slots teams';
  const texts = [
    'quarterly badge printer review east wing offices',
    'Thanks, done',
    `${common} calibration`,
    ...Array.from({ length: 5 }, () => common),
    `${common} calibration audit`,
    ...Array.from({ length: 4 }, () => common),
  ];
  const activities = texts.map((text, k) =>
    act({
      id: `yammer:${k + 10}`,
      at: `2026-03-${String(k + 10).padStart(2, '0')}T09:00:00Z`,
      identityId: `yammer:person${k % 3}`,
      spaceId: `yammer:group:g${k % 2}`,
      text,
    }),
  );
  const period = { since: '2026-03-01T00:00:00.000Z', until: '2026-04-01T00:00:00.000Z', timeZone: 'UTC' };
  const options = { cap: 2000, minWords: 4, maxPostings: 3 };

  it('holds a sampled repeat whose first item cannot pair, and only the items that can pair', async () => {
    const { dataset } = await inlineDataset({ activities });
    const js = await comparedItems(dataset.query, period, 2000, 4);
    const blocked = await blockedComparedItems(dataset.query, period, { ...options, lsaDocs: 2 });
    const none = await blockedComparedItems(dataset.query, period, { ...options, lsaDocs: 0 });
    await dataset.close();
    // 12 kept (the short one left out); calibration is in 2 texts, audit in 1, the rest in 11 or 1.
    expect(js.ids).toHaveLength(12);
    expect(none.ids).toEqual(['yammer:12', 'yammer:18']);
    // The LSA sample of 2 over 12 is k0 and k6: the other text and the fifth copy, whose first
    // copy (k2) is not held, so its text is read again with it.
    expect(blocked.ids).toEqual(['yammer:10', 'yammer:12', 'yammer:17', 'yammer:18']);
    expect([...(blocked.corpus.whole?.index ?? [])]).toEqual([0, 1, 6, 7]);
    expect(blocked.corpus.whole?.size).toBe(12);
    for (const k of [0, 1, 2, 3]) {
      const at = blocked.corpus.whole?.index[k] ?? -1;
      expect([...blocked.corpus.termIds.subarray(blocked.corpus.offsets[k], blocked.corpus.offsets[k + 1])]).toEqual([
        ...js.corpus.termIds.subarray(js.corpus.offsets[at], js.corpus.offsets[at + 1]),
      ]);
    }
  });

  it('leaves out an item without a person, as the JS path does, and keeps every place', async () => {
    // The JS path numbers authors by a join that drops an item whose person is NULL; the first
    // pass reads texts only, without that join, so it must drop the same items or every later
    // place (read again by the second pass) would be one off. k0 and the fourth copy lose their person.
    const { dataset } = await inlineDataset({ activities });
    await dataset.query.run(`UPDATE activities SET person_id = NULL WHERE activity_id IN ('yammer:10', 'yammer:15')`);
    const js = await comparedItems(dataset.query, period, 2000, 4);
    const none = await blockedComparedItems(dataset.query, period, { ...options, lsaDocs: 0 });
    const all = await blockedComparedItems(dataset.query, period, { ...options, lsaDocs: 10 });
    await dataset.close();
    expect(js.ids).toHaveLength(10);
    expect(js.ids).not.toContain('yammer:10');
    expect(js.ids).not.toContain('yammer:15');
    expect(none.ids).toEqual(['yammer:12', 'yammer:18']);
    expect(none.corpus.whole?.size).toBe(10);
    expect([...(none.corpus.whole?.index ?? [])]).toEqual([0, 5]);
    expect(all.ids).toEqual(js.ids);
    expect([...all.corpus.df]).toEqual([...js.corpus.df]);
  });
});

describe('TermCorpusBuilder.tally', () => {
  it('counts a text as copies of add would, keeping no position', () => {
    const tallied = new TermCorpusBuilder();
    const added = new TermCorpusBuilder();
    expect([...(tallied.tally('Apples, apple and bananas', 0, 3) ?? [])]).toEqual([0, 1]);
    for (let k = 0; k < 3; k += 1) added.add('Apples, apple and bananas');
    // Too short: its new term is in the dictionary (as add leaves it), no frequency counted.
    expect(tallied.tally('cherry', 2, 5)).toBeNull();
    added.add('cherry', 2);
    const corpus = tallied.build();
    expect(corpus.size).toBe(0);
    expect(corpus.termIds).toHaveLength(0);
    expect(corpus.terms).toEqual(added.build().terms);
    expect([...tallied.documentFrequencies()]).toEqual([...added.build().df]);
    expect([...tallied.documentFrequencies()]).toEqual([3, 3, 0]);
  });
});
