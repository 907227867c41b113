import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodFromBounds } from '../../../src/metrics/period.js';
import { computeRedundancy, DEFAULT_REDUNDANCY_CONFIG, type Redundancy } from '../../../src/metrics/redundancy/index.js';
import { nearDuplicatePairs } from '../../../src/metrics/redundancy/near-duplicates.js';
import { redundancyItems } from '../../../src/metrics/redundancy/queries.js';
import { tokenize } from '../../../src/metrics/redundancy/tokenize.js';
import { Dataset } from '../../../src/model/dataset.js';
import { loadInputs } from '../../../src/sources/load.js';
import { metricContext } from '../context.js';

/**
 * The real pipeline (adapters, DuckDB dataset, metric) on the bundled sample pilot, whose only
 * planted duplicate effort is one proposal posted in Yammer "Operations" and, reworded, in Slack
 * #customer-success (fixtures/README.md, "Duplicate effort"). Its 300-odd background starters
 * are short posts written from 14 sentence templates about a few subjects per department: the
 * shape that used to make TF-IDF alone report 15 clusters, one of 219 chained items.
 */
const SAMPLE = path.resolve(import.meta.dirname, '../../../fixtures/sample-pilot');
const PLANTED = ['slack:C05B39C423:1788856200.999834', 'yammer:2212000013281432'];
/** "Idea: a shared onboarding checklist …" (Yammer HR) and "Onboarding the new CI runners …" (Slack #engineering). */
const NEGATIVE = ['slack:C0A0C92A64:1774344600.637766', 'yammer:2212000001234441'];
const PERIOD = periodFromBounds('2026-03-01', '2026-11-01', 'UTC');

let dataset: Dataset;
let result: Redundancy;

beforeAll(async () => {
  dataset = await Dataset.open();
  const inputs = ['yammer', 'slack', 'wiki/aurora-wiki.xml'].map((input) => path.join(SAMPLE, input));
  const accounts = await loadInputs(inputs, dataset, { includePrivate: false, botAccounts: ['aurorabot'] }, { warn: () => {}, verbose: () => {} });
  await dataset.finalize(accounts, []);
  result = await computeRedundancy(dataset.query, metricContext(PERIOD));
}, 60_000);

afterAll(async () => {
  await dataset.close();
});

describe('duplicate efforts in the bundled sample pilot', () => {
  it('finds exactly the planted pair, as one cluster of two spaces', () => {
    expect(result.itemsCompared).toBeGreaterThan(300);
    expect(result.clustersFound).toBe(1);
    expect(result.clusters.map((c) => c.items.map((i) => i.id).sort())).toEqual([PLANTED]);
    expect(result.clusters[0]).toMatchObject({ spaces: 2, people: 2 });
    expect(result.clusters[0]?.items.map((i) => i.space).sort()).toEqual(['Operations', 'customer-success']);
  });

  it('compares the negative pair and does not match it', async () => {
    const rows = await redundancyItems(dataset.query, PERIOD.since, PERIOD.until, DEFAULT_REDUNDANCY_CONFIG.maxTextLength);
    const texts = NEGATIVE.map((id) => rows.find((r) => r.item_id === id)?.body);
    expect(texts.map((t) => t?.toLowerCase().includes('onboarding'))).toEqual([true, true]);
    const thresholds = { cosine: 0, wordOverlap: DEFAULT_REDUNDANCY_CONFIG.wordOverlapThreshold, minSharedWords: 0 };
    expect(nearDuplicatePairs(texts.map((t) => t ?? ''), thresholds)).toEqual([]);
    expect(result.clusters.flatMap((c) => c.items.map((i) => i.id))).not.toContain(NEGATIVE[0]);
    expect(result.clusters.flatMap((c) => c.items.map((i) => i.id))).not.toContain(NEGATIVE[1]);
  });

  it('keeps every cluster a clique even under the old cosine-only rule (no chaining)', async () => {
    // The old rule (TF-IDF cosine >= 0.47 alone) matches same-subject background posts again,
    // and single linkage chained 219 of them into one cluster. Complete linkage keeps each
    // cluster a set of items that all match each other.
    const config = { similarityThreshold: 0.47, wordOverlapThreshold: 0, minSharedWords: 0, maxClusters: 1000 };
    const loose = await computeRedundancy(dataset.query, metricContext(PERIOD), { config });
    const rows = await redundancyItems(dataset.query, PERIOD.since, PERIOD.until, DEFAULT_REDUNDANCY_CONFIG.maxTextLength);
    const items = rows.filter((r) => new Set(tokenize(r.body)).size >= DEFAULT_REDUNDANCY_CONFIG.minWords);
    const pairs = nearDuplicatePairs(items.map((r) => r.body), { cosine: 0.47, wordOverlap: 0, minSharedWords: 0 });
    const linked = new Set(pairs.map((p) => [items[p.i]?.item_id, items[p.j]?.item_id].sort().join(' ')));
    expect(loose.clustersFound).toBeGreaterThan(10);
    for (const cluster of loose.clusters) {
      const ids = cluster.items.map((i) => i.id).sort();
      for (const [x, a] of ids.entries()) for (const b of ids.slice(x + 1)) expect(linked.has(`${a} ${b}`), `${a} ${b}`).toBe(true);
      expect(cluster.similarity.min).toBeGreaterThanOrEqual(0.47);
    }
    expect(Math.max(...loose.clusters.map((c) => c.items.length))).toBeLessThan(20);
  });
});
