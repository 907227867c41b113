import { capabilitiesOf } from '../../../src/sources/capabilities.js';
import { periodFromBounds } from '../../../src/time/period.js';
import { DEFAULT_METRICS_CONFIG } from '../../../src/metrics/types.js';
import { MEASURES } from '../../../src/metrics/registry.js';
import type { MetricInput } from '../../../src/metrics/registry-types.js';
import { assembleDocument } from '../../../src/report/json/build.js';
import type { MetricsDocument, Provenance } from '../../../src/report/json/document.js';
import { act, inlineDataset, type InlineData } from '../../helpers/dataset.js';
import { defaultSettings } from '../../metrics/context.js';
import { computeComparisons } from '../../../src/metrics/evidence/index.js';
import type { ConversationEvidence, Interval } from '../../../src/metrics/uncertainty/index.js';

/** A Yammer pilot: one public and one private group, an answered and two unanswered threads, a bot-free reaction-free export. */
export const YAMMER_PILOT: InlineData = {
  spaces: [
    { id: 'yammer:1', source: 'yammer', name: 'All Company', kind: 'group', isPrivate: false },
    { id: 'yammer:2', source: 'yammer', name: 'Leadership', kind: 'group', isPrivate: true },
  ],
  activities: [
    act({
      id: 'yammer:10',
      at: '2026-01-05T10:00:00Z',
      identityId: 'yammer:a',
      spaceId: 'yammer:1',
      text: 'Where are the travel rules?',
    }),
    act({
      id: 'yammer:11',
      kind: 'reply',
      threadId: 'yammer:10',
      parentId: 'yammer:10',
      at: '2026-01-05T12:30:00Z',
      identityId: 'yammer:b',
      spaceId: 'yammer:1',
    }),
    act({
      id: 'yammer:12',
      at: '2026-01-20T10:00:00Z',
      identityId: 'yammer:b',
      spaceId: 'yammer:2',
      text: 'Budget cuts',
    }),
    act({
      id: 'yammer:13',
      at: '2026-02-03T09:00:00Z',
      identityId: 'yammer:c',
      spaceId: 'yammer:1',
      text: 'Anyone using the new CRM?',
    }),
  ],
};

/** Slack messages with a reaction, plus wiki edits. */
export const MIXED_PILOT: InlineData = {
  activities: [
    act({ id: 'slack:C1:1', source: 'slack', at: '2026-03-02T09:00:00Z', identityId: 'slack:U1', spaceId: 'slack:C1' }),
    act({
      id: 'slack:C1:1#+1:U2',
      source: 'slack',
      kind: 'reaction',
      threadId: 'slack:C1:1',
      parentId: 'slack:C1:1',
      reaction: '+1',
      at: '2026-03-02T09:00:00Z',
      identityId: 'slack:U2',
      spaceId: 'slack:C1',
    }),
    act({
      id: 'mediawiki:r1',
      source: 'mediawiki',
      kind: 'page_create',
      threadId: 'mediawiki:p1',
      at: '2026-03-04T09:00:00Z',
      identityId: 'mediawiki:W',
      spaceId: 'mediawiki:wiki',
    }),
  ],
};

/** Provenance of a run over one tiny export: sha256("abc") is the FIPS 180-2 test vector. */
export const SAMPLE_PROVENANCE: Provenance = {
  tool: { name: 'pilot-report', version: '0.1.0' },
  configHash: '0'.repeat(64),
  inputs: [
    {
      path: 'export/Messages.csv',
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      bytes: 3,
    },
  ],
};

/**
 * The evidence a run writes beside its figures, with nothing to show: an interval without a value
 * and a response curve over no threads. Hand-made documents that are not about the evidence use
 * these; the report then prints the plain figures, as for a run whose figures have no data.
 */
export const NO_INTERVAL: Interval = { value: null, low: null, high: null, n: 0 };

export function noConversationEvidence(observedUntil: string): ConversationEvidence {
  return {
    answeredRateInterval: NO_INTERVAL,
    medianHoursToFirstResponseInterval: NO_INTERVAL,
    responseSurvival: {
      unit: 'hours',
      observedUntil,
      n: 0,
      events: 0,
      censored: 0,
      median: null,
      p90: null,
      curve: [],
      bySpace: [],
      byDepartment: [],
    },
    questions: { answeredRateInterval: NO_INTERVAL, medianHoursToFirstResponseInterval: NO_INTERVAL },
  };
}

/** Builds metrics.json for an inline dataset, as of the end of its period, with the four first sections only (the registry's own areas). */
export async function documentFor(
  data: InlineData,
  since: string,
  until: string,
  timeZone = 'UTC',
): Promise<MetricsDocument> {
  const { dataset, account } = await inlineDataset(data);
  try {
    const period = periodFromBounds(since, until, timeZone);
    const kinds = [...new Set(data.activities.map((a) => a.source))].map((kind) => ({ kind }));
    const input: MetricInput = {
      query: dataset.query,
      accounts: [account],
      ctx: { period, asOf: period.until, config: DEFAULT_METRICS_CONFIG, capabilities: capabilitiesOf(kinds) },
      settings: defaultSettings(),
    };
    const sources = await MEASURES.sources.compute(input, {});
    const identities = await MEASURES.identities.compute(input, {});
    const engagement = await MEASURES.engagement.compute(input, {});
    const conversations = await MEASURES.conversations.compute(input, {});
    // Comparisons need moderation's before/after spaces; with none given, only the benchmarks and pilot vs rest.
    const comparisons = await computeComparisons(input.query, input.ctx, {
      ...input.settings.comparison,
      engagement,
      moderated: [],
    });
    const movement = await MEASURES.movement.compute(input, {});
    const measureWarnings = [
      ...(MEASURES.engagement.warnings?.(engagement, input) ?? []),
      ...(MEASURES.conversations.warnings?.(conversations, input) ?? []),
    ];
    return assembleDocument(
      {
        sections: { sources, identities, engagement, conversations, comparisons, movement },
        measureWarnings,
        estimateWarnings: [],
      },
      { version: '0.1.0', generatedAt: '2026-04-01T00:00:00.000Z', provenance: SAMPLE_PROVENANCE, period },
    );
  } finally {
    await dataset.close();
  }
}
