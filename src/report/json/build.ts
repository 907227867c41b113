import type { SourceAccount } from '../../model/accounting.js';
import type { Query } from '../../model/query.js';
import { computeConversations } from '../../metrics/conversations.js';
import { sourceQuality } from '../../metrics/data-quality.js';
import { computeEngagement } from '../../metrics/engagement.js';
import { computeIdentities } from '../../metrics/identities.js';
import { computeThreadEvidence } from '../../metrics/uncertainty/index.js';
import type { Conversations, Engagement, MetricContext } from '../../metrics/types.js';
import { SCHEMA_VERSION, type MetricsDocument, type Provenance } from './document.js';

/** Sections that later modules fill; null (with a warning) until they are computed. */
export const LATER_SECTIONS = ['ideas', 'moderation', 'recognition', 'network', 'redundancy', 'businessCase'] as const;
export type LaterSection = (typeof LATER_SECTIONS)[number];

/** What the caller knows about the run. */
export interface BuildOptions {
  /** The tool's version (package.json). */
  version: string;
  /** ISO 8601 UTC; the caller derives it from SOURCE_DATE_EPOCH when set (no clock read here). */
  generatedAt: string;
  /** Tool, config hash and input hashes of the run (the CLI computes them; see cli/provenance.ts). */
  provenance: Provenance;
  /** Sections already computed by their own modules; the others are null with a warning. */
  sections?: Partial<Record<LaterSection, Record<string, unknown>>>;
}

/**
 * Builds metrics.json (spec §8) from the finalized dataset and the inputs' accounting. Every
 * figure that is null gets a line in `warnings` saying why.
 */
export async function buildMetricsDocument(
  query: Query,
  accounts: readonly SourceAccount[],
  ctx: MetricContext,
  options: BuildOptions,
): Promise<MetricsDocument> {
  const sources = sourceQuality(accounts);
  const identities = await computeIdentities(query, accounts);
  const engagement = await computeEngagement(query, ctx);
  const conversations = await computeConversations(query, ctx);
  // Intervals and the response curve sit beside the figures they qualify (metrics/uncertainty).
  const evidence = await computeThreadEvidence(query, ctx);
  const later = laterSections(options.sections ?? {});
  return {
    schemaVersion: SCHEMA_VERSION,
    generatedAt: options.generatedAt,
    tool: { name: 'pilot-report', version: options.version },
    provenance: options.provenance,
    period: { ...ctx.period },
    sources,
    identities,
    engagement: { ...engagement, totals: { ...engagement.totals, retentionInterval: evidence.retentionInterval } },
    conversations: { ...conversations, ...evidence.conversations, questions: { ...conversations.questions, ...evidence.conversations.questions } },
    ...later.values,
    baseline: null,
    targets: [],
    warnings: [...engagementWarnings(engagement, ctx), ...conversationWarnings(conversations), ...later.warnings],
  };
}

function laterSections(given: Partial<Record<LaterSection, Record<string, unknown>>>): {
  values: Record<LaterSection, Record<string, unknown> | null>;
  warnings: string[];
} {
  // One entry per section, in LATER_SECTIONS order (the order metrics.json writes them in).
  const values = Object.fromEntries(LATER_SECTIONS.map((section) => [section, given[section] ?? null])) as Record<LaterSection, Record<string, unknown> | null>;
  const warnings = LATER_SECTIONS.filter((section) => !given[section]).map(notComputed);
  return { values, warnings };
}

/** Why engagement figures are null: kinds no source records, no previous contributors, no contributors. */
function engagementWarnings(engagement: Engagement, ctx: MetricContext): string[] {
  const { capabilities } = ctx;
  const warnings: string[] = [];
  if (!capabilities.messages) warnings.push('engagement posts, replies: null: no loaded source records messages');
  if (!capabilities.reactions) {
    warnings.push('engagement reactions: null: no loaded source records reactions (Yammer network exports carry no likes)');
  }
  if (!capabilities.wiki) warnings.push('engagement wikiEdits, activeWikiEditors: null: no wiki source loaded');
  if (engagement.totals.retention === null) {
    warnings.push('engagement.totals.retention: null: nobody contributed in the previous period of equal length');
  }
  const noPrevious = engagement.monthly.filter((m) => m.retention === null).map((m) => m.month);
  if (noPrevious.length > 0) {
    warnings.push(`engagement.monthly retention: null for ${noPrevious.join(', ')}: nobody contributed in the previous month`);
  }
  const quiet = engagement.monthly.filter((m) => m.stickiness === null).map((m) => m.month);
  if (quiet.length > 0) warnings.push(`engagement.monthly stickiness: null for ${quiet.join(', ')}: nobody was active`);
  if (engagement.participation.contributors === 0) {
    warnings.push('engagement.participation gini, top1Share, top10Share, absenceFactor: null: no contributions in the period');
  }
  return warnings;
}

function conversationWarnings(conversations: Conversations): string[] {
  const warnings: string[] = [];
  if (conversations.threads === 0) {
    warnings.push('conversations answeredRate, repliesPerThread: null: no thread started in the period');
  }
  if (conversations.answered === 0) {
    warnings.push('conversations medianHoursToFirstResponse, p90HoursToFirstResponse: null: no answered thread');
  }
  return warnings;
}

function notComputed(section: LaterSection): string {
  return `${section}: null: not computed by this version of pilot-report`;
}

/** Fills a later section after the document was built (it needs the document's own figures). */
export function setLaterSection(document: MetricsDocument, section: LaterSection, value: Record<string, unknown>): void {
  document[section] = value;
  document.warnings = document.warnings.filter((w) => w !== notComputed(section));
}
