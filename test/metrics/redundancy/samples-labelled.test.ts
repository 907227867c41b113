import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodFromBounds } from '../../../src/time/period.js';
import { computeRedundancy, type Redundancy } from '../../../src/metrics/redundancy/index.js';
import { Dataset } from '../../../src/model/dataset.js';
import { loadInputs } from '../../../src/sources/load.js';
import { metricContext } from '../context.js';
import { SHARED_SAMPLES } from '../../helpers/shared-samples.js';

/**
 * The duplicate-effort rule on a real export (../shared/samples, see its PROVENANCE.md), against
 * pairs labelled by reading (test/fixtures/redundancy/README.md has the rule). This small export
 * holds no duplicate effort by that rule: every labelled pair is a negative, so this measures
 * false alarms only (precision and recall on larger real exports are in docs/metrics.md).
 */
const SAMPLES = SHARED_SAMPLES;
interface Labelled {
  export: string;
  pairs: { a: string; b: string; duplicate: boolean }[];
}
const labelled: Labelled = JSON.parse(
  readFileSync(new URL('../../fixtures/redundancy/samples-labelled-pairs.json', import.meta.url), 'utf8'),
);

let dataset: Dataset;
let result: Redundancy;

beforeAll(async () => {
  dataset = await Dataset.open();
  const accounts = await loadInputs(
    [path.join(SAMPLES, labelled.export)],
    dataset,
    { includePrivate: false, botAccounts: [] },
    { warn: () => {}, verbose: () => {} },
  );
  await dataset.finalize(accounts, []);
  result = await computeRedundancy(dataset.query, metricContext(periodFromBounds('2016-01-01', '2017-01-01', 'UTC')));
}, 60_000);

afterAll(async () => {
  await dataset.close();
});

describe('duplicate efforts on a real Slack export, against pairs labelled by reading', () => {
  it('reports none of the 20 labelled pairs, all of them negatives, and no cluster at all', () => {
    expect(labelled.pairs).toHaveLength(20);
    expect(labelled.pairs.filter((p) => p.duplicate)).toEqual([]);
    const reported = new Set(result.clusters.flatMap((c) => c.items.map((i) => i.id)));
    expect(labelled.pairs.filter((p) => reported.has(p.a) && reported.has(p.b))).toEqual([]);
    expect(result.itemsCompared).toBeGreaterThan(20);
    expect(result.clustersFound).toBe(0);
  });

  it('labels posts that exist in the export (ids, not text, are committed)', async () => {
    const ids = new Set(labelled.pairs.flatMap((p) => [p.a, p.b]));
    const rows = await dataset.query.all<{ activity_id: string }>(
      `SELECT activity_id FROM activities WHERE kind = 'post'`,
    );
    expect(rows.filter((r) => ids.has(r.activity_id))).toHaveLength(ids.size);
  });
});
