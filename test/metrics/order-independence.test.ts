import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dataset } from '../../src/model/dataset.js';
import { capabilitiesOf } from '../../src/sources/capabilities.js';
import { computeConversations } from '../../src/metrics/conversations.js';
import { computeEngagement } from '../../src/metrics/engagement.js';
import { computeIdeas } from '../../src/metrics/ideas/index.js';
import { computeModeration } from '../../src/metrics/moderation.js';
import { computeNetwork } from '../../src/metrics/network/index.js';
import { computeRecognition } from '../../src/metrics/recognition/index.js';
import { computeRedundancy } from '../../src/metrics/redundancy/index.js';
import { defaultPeriod } from '../../src/time/period.js';
import { DEFAULT_METRICS_CONFIG, type MetricContext } from '../../src/metrics/types.js';
import { loadInputs } from '../../src/sources/load.js';
import { parseThreadLink } from '../../src/sources/thread-links.js';

/**
 * The activities table is not sorted (sorting it cost 20 s on large exports), so no metric may
 * depend on its physical order: every metric of the sample pilot must come out the same after the
 * table is rewritten in other orders. A metric that takes "the first row" without its own ORDER BY,
 * or numbers nodes in scan order, fails here.
 */
let dataset: Dataset;
let ctx: MetricContext;

async function everyMetric(): Promise<unknown> {
  const ideas = await computeIdeas(dataset.query, ctx, [], parseThreadLink);
  return {
    engagement: await computeEngagement(dataset.query, ctx),
    conversations: await computeConversations(dataset.query, ctx),
    ideas,
    moderation: await computeModeration(dataset.query, ctx, {}),
    recognition: await computeRecognition(dataset.query, ctx, {}),
    network: await computeNetwork(dataset.query, ctx, {}),
    redundancy: await computeRedundancy(dataset.query, ctx, {}),
  };
}

async function rewriteActivities(orderBy: string): Promise<void> {
  await dataset.query.run(`
    CREATE TABLE reordered AS SELECT * FROM activities ORDER BY ${orderBy};
    DROP TABLE activities;
    ALTER TABLE reordered RENAME TO activities;`);
}

beforeAll(async () => {
  dataset = await Dataset.open();
  const accounts = await loadInputs(
    [path.resolve('fixtures/sample-pilot')],
    dataset,
    { includePrivate: false, botAccounts: [], notAfter: Date.parse('2027-01-01T00:00:00Z') },
    { warn: () => {}, verbose: () => {} },
  );
  await dataset.finalize(accounts, []);
  const [range] = await dataset.query.all<{ first_at: string; last_at: string }>(
    'SELECT min(occurred_at) AS first_at, max(occurred_at) AS last_at FROM activities',
  );
  ctx = {
    period: defaultPeriod(range?.first_at ?? '', range?.last_at ?? '', 'UTC'),
    asOf: range?.last_at ?? '',
    config: DEFAULT_METRICS_CONFIG,
    capabilities: capabilitiesOf(accounts),
  };
}, 60_000);

afterAll(async () => {
  await dataset.close();
});

describe('metrics do not depend on the order of the activities table', () => {
  it('gives the same results in time order, reversed, and in a hashed order', async () => {
    await rewriteActivities('occurred_at, activity_id');
    const inTimeOrder = JSON.stringify(await everyMetric());
    await rewriteActivities('occurred_at DESC, activity_id DESC');
    expect(JSON.stringify(await everyMetric())).toBe(inTimeOrder);
    await rewriteActivities('md5(activity_id)');
    expect(JSON.stringify(await everyMetric())).toBe(inTimeOrder);
    // Not vacuous: the sample pilot has brokers, duplicate efforts and moderation figures.
    const parsed = JSON.parse(inTimeOrder) as {
      network: { topBrokers: unknown[] };
      redundancy: { clustersFound: number };
      conversations: { threads: number };
    };
    expect(parsed.network.topBrokers.length).toBeGreaterThan(0);
    // The 4 labelled duplicate efforts of the sample (see redundancy/sample-pilot.test.ts).
    expect(parsed.redundancy.clustersFound).toBe(4);
    expect(parsed.conversations.threads).toBe(310);
  }, 60_000);
});
