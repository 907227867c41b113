import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { completeLinkageGroups } from '../../../src/metrics/redundancy/clusters.js';
import { nearDuplicatePairs, wordOverlap } from '../../../src/metrics/redundancy/near-duplicates.js';
import { cosine, similarPairs, tfIdfVectors } from '../../../src/metrics/redundancy/tf-idf.js';
import { tokenize } from '../../../src/metrics/redundancy/tokenize.js';

describe('tokenize', () => {
  it('lower-cases, strips accents and punctuation, drops stop words and numbers, folds plurals', () => {
    expect(tokenize('The Café checklists, policies & a bus: 2026!')).toEqual(['cafe', 'checklist', 'policy', 'bus']);
  });

  it('folds -ing, -ed and a final -e so that rewordings meet, and keeps short words whole', () => {
    expect(
      tokenize('Mapping mapped map; automating automate automated; creating created; Q3 need speed bring'),
    ).toEqual(['map', 'map', 'map', 'automat', 'automat', 'automat', 'creat', 'creat', 'q3', 'need', 'speed', 'bring']);
  });
});

describe('tfIdfVectors and cosine', () => {
  it('weighs shared common words below rare ones', () => {
    const [a, b] = tfIdfVectors(['apple banana', 'apple cherry']);
    // idf(apple) = ln(3/3) + 1 = 1; idf(banana) = idf(cherry) = ln(3/2) + 1. Only apple is shared:
    // cosine = 1 / (1 + (ln 1.5 + 1)²)
    const rare = Math.log(1.5) + 1;
    expect(cosine(a!, b!)).toBeCloseTo(1 / (1 + rare * rare), 12);
    expect(cosine(a!, a!)).toBeCloseTo(1, 12);
  });

  it('finds pairs above the threshold that the filter allows', () => {
    const vectors = tfIdfVectors(['apple banana cherry', 'apple banana cherry', 'apple banana cherry', 'kiwi mango']);
    expect(similarPairs(vectors, 0.9, () => true).map((p) => [p.i, p.j])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    expect(similarPairs(vectors, 0.9, (i, j) => i !== 0 && j !== 0).map((p) => [p.i, p.j])).toEqual([[1, 2]]);
  });
});

describe('wordOverlap', () => {
  it('counts distinct shared words and their Jaccard index', () => {
    // {a, b, c, c} vs {b, c, d}: shared {b, c} = 2, union {a, b, c, d} = 4.
    expect(wordOverlap(new Set(['a', 'b', 'c', 'c']), new Set(['b', 'c', 'd']))).toEqual({ shared: 2, jaccard: 0.5 });
    expect(wordOverlap(new Set(), new Set())).toEqual({ shared: 0, jaccard: 0 });
  });
});

describe('nearDuplicatePairs', () => {
  // Words: 0 and 1 {rout, support, call, rotation, night} (the same after folding);
  // 2 {latest, version, support, rotation}; 3 {head, support, rotation, slip, week};
  // 4 {head, vpn, rollout, slip, week}. Jaccard: 0–1 = 5/5; 3–4 = 3/7 = 0.43 (the template
  // "Heads up: … slips a week"); 0–2 = 2/7, 0–3 = 2/8, 2–3 = 2/7 (the topic "support rotation").
  const texts = [
    'Route support calls to an on-call rotation at night',
    'Routing support calls to the on-call rotation at night',
    'Where is the latest version of the support rotation?',
    'Heads up: the support rotation slips a week',
    'Heads up: the VPN rollout slips a week',
  ];
  const ids = (thresholds: { cosine: number; wordOverlap: number; minSharedWords: number }) =>
    nearDuplicatePairs(texts, thresholds).map((p) => [p.i, p.j]);

  it('keeps the pairs that pass the cosine, the word Jaccard and the shared-word count', () => {
    const [pair] = nearDuplicatePairs(texts, { cosine: 0.99, wordOverlap: 0.6, minSharedWords: 4 });
    expect(pair).toMatchObject({ i: 0, j: 1, overlap: 1 });
    expect(pair?.similarity).toBeCloseTo(1, 12);
    expect(ids({ cosine: 0, wordOverlap: 0.6, minSharedWords: 4 })).toEqual([[0, 1]]);
  });

  it('needs each test: a lower Jaccard or shared count lets the template pair in', () => {
    expect(ids({ cosine: 0, wordOverlap: 0.4, minSharedWords: 3 })).toEqual([
      [0, 1],
      [3, 4],
    ]);
    expect(ids({ cosine: 0, wordOverlap: 0.4, minSharedWords: 4 })).toEqual([[0, 1]]);
    expect(ids({ cosine: 0, wordOverlap: 0.44, minSharedWords: 3 })).toEqual([[0, 1]]);
    expect(ids({ cosine: 0, wordOverlap: 0, minSharedWords: 6 })).toEqual([]);
  });
});

describe('completeLinkageGroups', () => {
  it('merges two groups only when every pair across them is linked', () => {
    // 0–1 and 1–2 without 0–2: a chain, so 2 stays out; 3–4, 4–5 and 3–5 form a clique.
    const links = [
      { i: 0, j: 1 },
      { i: 1, j: 2 },
      { i: 3, j: 4 },
      { i: 4, j: 5 },
      { i: 3, j: 5 },
    ];
    expect(completeLinkageGroups(6, links)).toEqual([
      [0, 1],
      [3, 4, 5],
    ]);
    expect(completeLinkageGroups(3, [...links.slice(0, 2), { i: 0, j: 2 }])).toEqual([[0, 1, 2]]);
  });

  it('takes links in the order given: the first one decides which pair of a chain is kept', () => {
    expect(
      completeLinkageGroups(3, [
        { i: 1, j: 2 },
        { i: 0, j: 1 },
      ]),
    ).toEqual([[1, 2]]);
  });

  it('keeps a long chain from collapsing into one group', () => {
    // 0–1, 1–2, …, 8–9: single linkage would give one group of 10; complete linkage pairs them up.
    const chain = Array.from({ length: 9 }, (_, k) => ({ i: k, j: k + 1 }));
    expect(completeLinkageGroups(10, chain)).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
      [6, 7],
      [8, 9],
    ]);
  });
});

interface LabelledPair {
  duplicate: boolean;
  a: string;
  b: string;
}

// The copy rule (TF-IDF cosine >= 0.70, word Jaccard >= 0.60, 4 shared words) was the duplicate-effort
// rule until issue 20; it stays tested here as the near-copy detector it is. The metric now uses
// the rare-term share (effort-pairs.test.ts), measured on real Slack exports in docs/metrics.md.
const COPY_RULE = { similarityThreshold: 0.7, wordOverlapThreshold: 0.6, minSharedWords: 4 };

describe('the copy rule on the labelled fixture', () => {
  it('has precision 20/21 = 0.95 and recall 20/24 = 0.83', () => {
    const fixture: { pairs: LabelledPair[] } = JSON.parse(
      readFileSync(new URL('../../fixtures/redundancy/labelled-pairs.json', import.meta.url), 'utf8'),
    );
    // IDF over every distinct text of the fixture, as the metric does over its items.
    const texts = [...new Set(fixture.pairs.flatMap((p) => [p.a, p.b]))];
    const { similarityThreshold, wordOverlapThreshold, minSharedWords } = COPY_RULE;
    const found = new Set(
      nearDuplicatePairs(texts, { cosine: similarityThreshold, wordOverlap: wordOverlapThreshold, minSharedWords }).map(
        (p) => `${p.i}:${p.j}`,
      ),
    );
    const predicted = (pair: LabelledPair) => {
      const [i, j] = [texts.indexOf(pair.a), texts.indexOf(pair.b)].sort((x, y) => x - y);
      return found.has(`${i}:${j}`);
    };
    const misses = fixture.pairs.filter((p) => p.duplicate && !predicted(p)).map((p) => p.a.slice(0, 30));
    const falseAlarms = fixture.pairs.filter((p) => !p.duplicate && predicted(p)).map((p) => p.a.slice(0, 30));
    const truePositives = fixture.pairs.filter((p) => p.duplicate && predicted(p)).length;
    // 24 duplicate pairs and 46 others (19 of the others are hard negatives from the sample pilot).
    expect(fixture.pairs.length).toBe(70);
    expect(fixture.pairs.filter((p) => p.duplicate).length).toBe(24);
    // Missed: rewordings that share the topic but under 60 % of their words (the laptop loans,
    // 0.25; the AI guidelines, 0.36; the complaint process, 0.55; the QBR template, 0.58): the
    // price of not matching same-topic posts, whose Jaccard reaches 0.5 in the sample pilot.
    expect(misses).toEqual([
      'Does anyone have a template fo',
      'Anyone know a good way to trac',
      'Our department is writing guid',
      'We mapped the customer complai',
    ]);
    // The one false alarm is a template pair ("Heads up: … slips a week, … people asked for time",
    // Jaccard 0.64): in this fixture its template words occur in that pair only, so IDF cannot
    // tell them as boilerplate (cosine 0.76); among the sample pilot's 320 texts, where this
    // template starts 18 posts, the same pair scores 0.65 < 0.70 and is rejected (see
    // sample-pilot.test.ts).
    expect(falseAlarms).toEqual(['Heads up: the CRM opportunity ']);
    expect(truePositives / (truePositives + falseAlarms.length)).toBeCloseTo(20 / 21, 12);
    expect(truePositives / (truePositives + misses.length)).toBeCloseTo(20 / 24, 12);
  });
});
