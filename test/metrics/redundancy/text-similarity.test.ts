import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linkedGroups } from '../../../src/metrics/redundancy/clusters.js';
import { DEFAULT_REDUNDANCY_CONFIG } from '../../../src/metrics/redundancy/index.js';
import { cosine, similarPairs, tfIdfVectors } from '../../../src/metrics/redundancy/tf-idf.js';
import { tokenize } from '../../../src/metrics/redundancy/tokenize.js';

describe('tokenize', () => {
  it('lower-cases, strips accents and punctuation, drops stop words and folds plurals', () => {
    expect(tokenize('The Café checklists, policies & a bus: 2026!')).toEqual(['cafe', 'checklist', 'policy', 'bus', '2026']);
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
    expect(similarPairs(vectors, 0.9, () => true).map((p) => [p.i, p.j])).toEqual([[0, 1], [0, 2], [1, 2]]);
    expect(similarPairs(vectors, 0.9, (i, j) => i !== 0 && j !== 0).map((p) => [p.i, p.j])).toEqual([[1, 2]]);
  });
});

describe('linkedGroups', () => {
  it('links pairs transitively and drops singletons', () => {
    const pairs = [{ i: 0, j: 3, similarity: 1 }, { i: 3, j: 4, similarity: 1 }, { i: 1, j: 2, similarity: 1 }];
    expect(linkedGroups(6, pairs)).toEqual([[0, 3, 4], [1, 2]]);
  });
});

interface LabelledPair {
  duplicate: boolean;
  a: string;
  b: string;
}

describe('the default similarity threshold on the labelled fixture', () => {
  it('has precision 1.00 and recall 22/23 = 0.96', () => {
    const fixture: { pairs: LabelledPair[] } = JSON.parse(readFileSync(new URL('../../fixtures/redundancy/labelled-pairs.json', import.meta.url), 'utf8'));
    // IDF over every distinct text of the fixture, as the metric does over its items.
    const texts = [...new Set(fixture.pairs.flatMap((p) => [p.a, p.b]))];
    const vectors = tfIdfVectors(texts);
    const vectorOf = (text: string) => vectors[texts.indexOf(text)]!;
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    for (const pair of fixture.pairs) {
      const predicted = cosine(vectorOf(pair.a), vectorOf(pair.b)) >= DEFAULT_REDUNDANCY_CONFIG.similarityThreshold;
      if (predicted && pair.duplicate) truePositives += 1;
      else if (predicted) falsePositives += 1;
      else if (pair.duplicate) falseNegatives += 1;
    }
    // 23 duplicate pairs and 27 others; the one missed is a question answered by a built app
    // ("track who borrowed the demo laptops" vs "app for tracking demo laptop loans", 0.25).
    expect(fixture.pairs.length).toBe(50);
    expect({ truePositives, falsePositives, falseNegatives }).toEqual({ truePositives: 22, falsePositives: 0, falseNegatives: 1 });
    expect(truePositives / (truePositives + falsePositives)).toBe(1);
    expect(truePositives / (truePositives + falseNegatives)).toBeCloseTo(0.9565, 4);
  });
});
