/**
 * The metric registry: every section of metrics.json that is computed from the dataset, in the
 * order the document writes them. An area declares what it needs (source capabilities, config
 * keys) and a compute function returning its typed section; `runMetrics` (metrics/run-metrics.ts)
 * runs them. Adding a metric is one folder under metrics/ and one line here.
 *
 * Two kinds: a measure reads the dataset; an estimate (the business case) is computed from the
 * measured sections and its remarks come after the run's own (metrics.json `warnings`).
 */
import { computeBusinessCase } from './business-case.js';
import { businessCaseInputs } from './business-case-inputs.js';
import { computeConversations } from './conversations.js';
import { conversationWindow, withConversationThreads } from './conversation-threads.js';
import { conversationWarnings } from './conversations-warnings.js';
import { sourceQuality } from './data-quality.js';
import { computeEngagement } from './engagement.js';
import { engagementWarnings } from './engagement-warnings.js';
import { computeIdentities } from './identities.js';
import { computeIdeasSection, ideaCountsByAuthor } from './ideas/section.js';
import { computeModeration } from './moderation.js';
import { withInteractions } from './network/edges.js';
import { computeNetwork } from './network/index.js';
import { computeRecognition } from './recognition/index.js';
import { computeRedundancy } from './redundancy/index.js';
import { computeConversationEvidence, computeRetentionInterval } from './uncertainty/index.js';
import { computeComparisons, computeMovement } from './evidence/index.js';
import type { ModeratedSpace } from './evidence/moderation-effects.js';
import type { Moderation } from './moderation.js';
import { InternalError } from '../errors.js';
import type { ConversationsSection } from './conversations-schema.js';
import type { EngagementSection } from './engagement-schema.js';
import type { EstimateArea, MetricArea, MetricInput, Scope, Upstream } from './registry-types.js';

/** Recognition and the network read the same interactions: built once for the two (see edges.ts). */
const interactions: Scope = ({ query, ctx }, use) => withInteractions(query, ctx.period.since, ctx.period.until, use);

const measure = <T>(area: MetricArea<T>): MetricArea<T> => area;

export const MEASURES = {
  sources: measure({
    title: 'data quality',
    needs: {},
    compute: ({ accounts }) => Promise.resolve(sourceQuality(accounts)),
  }),
  identities: measure({
    title: 'identities',
    needs: {},
    compute: ({ query, accounts }) => computeIdentities(query, accounts),
  }),
  engagement: measure<EngagementSection>({
    title: 'engagement',
    needs: { capabilities: ['messages', 'reactions', 'wiki'] },
    compute: engagementWithInterval,
    warnings: engagementWarnings,
  }),
  conversations: measure<ConversationsSection>({
    title: 'conversations',
    needs: { capabilities: ['messages'] },
    compute: conversationsWithEvidence,
    warnings: conversationWarnings,
  }),
  ideas: measure({
    title: 'ideas',
    needs: { config: ['ideas', 'ideasLedger', 'stallDays'] },
    compute: computeIdeasSection,
  }),
  moderation: measure({
    title: 'moderation',
    needs: { config: ['people'] },
    compute: ({ query, ctx, settings }) => computeModeration(query, ctx, { moderatorSince: settings.moderatorSince }),
  }),
  recognition: measure({
    title: 'recognition',
    needs: { config: ['recognition'] },
    scope: interactions,
    reads: ['ideas'],
    compute: ({ query, ctx, settings }, before) =>
      computeRecognition(query, ctx, {
        ideas: ideaCountsByAuthor(need(before, 'ideas')),
        config: settings.recognition,
      }),
  }),
  network: measure({
    title: 'network',
    needs: { config: ['network'] },
    scope: interactions,
    compute: ({ query, ctx, settings }) => computeNetwork(query, ctx, { config: settings.network }),
  }),
  redundancy: measure({
    title: 'duplicate efforts',
    needs: { config: ['redundancy'] },
    startsFirst: true,
    compute: ({ query, ctx, settings }) => computeRedundancy(query, ctx, { config: settings.redundancy }),
  }),
  comparisons: measure({
    title: 'comparisons',
    needs: { config: ['comparison', 'benchmarks', 'people'] },
    reads: ['engagement', 'moderation'],
    compute: ({ query, ctx, settings }, before) =>
      computeComparisons(query, ctx, {
        ...settings.comparison,
        engagement: need(before, 'engagement'),
        moderated: moderatedSpaces(need(before, 'moderation')),
      }),
  }),
  movement: measure({
    title: 'cohorts and migration',
    needs: {},
    compute: ({ query, ctx }) => computeMovement(query, ctx),
  }),
};

/** Spaces whose moderator has a start date inside the data: the before/after comparisons. */
function moderatedSpaces(moderation: Moderation): ModeratedSpace[] {
  return moderation.spaces.flatMap((s) =>
    s.after.from
      ? [
          {
            spaceId: s.spaceId,
            space: s.space,
            moderator: s.moderator,
            since: s.since,
            sinceAt: s.after.from,
            until: s.after.until,
          },
        ]
      : [],
  );
}

/** Engagement, with the retention's interval beside it (uncertainty/). */
async function engagementWithInterval({ query, ctx }: MetricInput) {
  const engagement = await computeEngagement(query, ctx);
  return {
    ...engagement,
    totals: { ...engagement.totals, retentionInterval: await computeRetentionInterval(query, ctx) },
  };
}

/** Conversations, with the intervals and the response curve beside the figures they qualify (uncertainty/). */
async function conversationsWithEvidence({ query, ctx }: MetricInput) {
  // Both read the period's threads: one table for the two (conversation-threads.ts).
  return withConversationThreads(query, conversationWindow(ctx), async () => {
    const conversations = await computeConversations(query, ctx);
    const evidence = await computeConversationEvidence(query, ctx);
    return { ...conversations, ...evidence, questions: { ...conversations.questions, ...evidence.questions } };
  });
}

/** The measured sections, by name. */
export type Measured = { [K in keyof typeof MEASURES]: Awaited<ReturnType<(typeof MEASURES)[K]['compute']>> };

const estimate = <T>(area: EstimateArea<T, Measured>): EstimateArea<T, Measured> => area;

export const ESTIMATES = {
  businessCase: estimate({
    title: 'business case',
    needs: { config: ['businessCase'] },
    compute: (input: MetricInput, measured) =>
      computeBusinessCase(businessCaseInputs(measured, input.ctx.period), input.settings.businessCase),
    warnings: (section) => section.warnings,
  }),
};

/** Every computed section of metrics.json, by name. */
export type Sections = Measured & {
  [K in keyof typeof ESTIMATES]: Awaited<ReturnType<(typeof ESTIMATES)[K]['compute']>>;
};
export type SectionName = keyof Sections;

/** A section an area reads from an earlier one; missing means the registry's order is wrong. */
function need<K extends keyof Upstream>(before: Partial<Upstream>, name: K): Upstream[K] {
  const section = before[name];
  if (section === undefined) throw new InternalError(`metrics: ${name} is read before it is computed (registry order)`);
  return section;
}
