/**
 * What the tests of duplicate efforts' other paths (blocked-items.test.ts, engine-path.test.ts)
 * share: the two pilots they compare the JS path on, the pairs with every score, and their cases.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ComparedItems } from '../../src/metrics/redundancy/compared-items.js';
import { effortPairs, rareIdf } from '../../src/metrics/redundancy/effort-pairs.js';
import type { RedundancyConfig } from '../../src/metrics/redundancy/index.js';
import { DEFAULT_LSA_OPTIONS } from '../../src/metrics/redundancy/lsa.js';
import { meaningScorer } from '../../src/metrics/redundancy/meaning-scorer.js';
import { populationOf, tfIdfWeights } from '../../src/metrics/redundancy/term-corpus.js';
import type { Period } from '../../src/metrics/types.js';
import { Dataset } from '../../src/model/dataset.js';
import { loadInputs } from '../../src/sources/load.js';
import { periodFromBounds } from '../../src/time/period.js';
import { SHARED_SAMPLES } from './shared-samples.js';

const SAMPLE = path.resolve(import.meta.dirname, '../../fixtures/sample-pilot');
const SAMPLES = SHARED_SAMPLES;

export interface RedundancyPilot {
  name: string;
  dataset: Dataset;
  period: Period;
}

async function loadPilot(name: string, inputs: string[], bots: string[], period: Period): Promise<RedundancyPilot> {
  const dataset = await Dataset.open();
  const accounts = await loadInputs(
    inputs,
    dataset,
    { includePrivate: false, botAccounts: bots },
    { warn: () => {}, verbose: () => {} },
  );
  await dataset.finalize(accounts, []);
  return { name, dataset, period };
}

/** Loads the bundled sample pilot and the real Slack export with labelled pairs, in that order, into `pilots`. */
export async function loadRedundancyPilots(pilots: RedundancyPilot[]): Promise<void> {
  pilots.push(
    await loadPilot(
      'sample pilot',
      ['yammer', 'slack', 'wiki/aurora-wiki.xml'].map((input) => path.join(SAMPLE, input)),
      ['aurorabot'],
      periodFromBounds('2026-03-01', '2026-11-01', 'UTC'),
    ),
  );
  const labelled = JSON.parse(
    readFileSync(new URL('../fixtures/redundancy/samples-labelled-pairs.json', import.meta.url), 'utf8'),
  ) as { export: string };
  pilots.push(
    await loadPilot(
      'real Slack export',
      [path.join(SAMPLES, labelled.export)],
      [],
      periodFromBounds('2016-01-01', '2017-01-01', 'UTC'),
    ),
  );
}

/**
 * The cases each path runs: the default postings and LSA sample, and short postings with a
 * sample of 60 (small pilots hold every item in some short posting list: these hold only a part).
 */
export const PATH_CASES = [
  { meaning: true, maxPostings: 200, lsaMaxDocs: DEFAULT_LSA_OPTIONS.maxDocs },
  { meaning: false, maxPostings: 200, lsaMaxDocs: DEFAULT_LSA_OPTIONS.maxDocs },
  { meaning: true, maxPostings: 3, lsaMaxDocs: 60 },
  { meaning: false, maxPostings: 3, lsaMaxDocs: 60 },
];

/** Pairs of `items` as effortPairs keeps them, by item key, with every score. */
export function keptPairs(
  items: ComparedItems,
  config: RedundancyConfig & { lsaMaxDocs: number },
  maxPostings: number,
): string[] {
  const { corpus } = items;
  const weights = tfIdfWeights(corpus);
  const idf = rareIdf(corpus);
  const n = populationOf(corpus);
  const scorer = config.meaning ? meaningScorer(corpus, weights, config) : undefined;
  const rare = Math.log((1 + n) / (1 + Math.min(50, Math.max(2, n / 100)))) + 1;
  const key = (k: number): string => `${items.isPage[k] === 1 ? 'page' : 'thread'}:${items.ids[k]}`;
  return effortPairs(corpus, weights, idf, {
    minRareShare: config.similarityThreshold,
    minCosine: config.copySimilarity,
    minSharedRare: config.minSharedWords,
    minTerms: config.minEffortWords,
    rareIdf: rare,
    maxPostings,
    ...(scorer ? { meaning: scorer } : {}),
  }).map((p) => `${key(p.i)} ${key(p.j)} ${p.rareShare} ${p.cosine} ${p.sharedRare} ${p.meaning} ${p.spelling}`);
}
