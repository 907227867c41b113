import type { MetricInput } from './registry-types.js';
import type { Engagement } from './types.js';

/** Why engagement figures are null: kinds no source records, no previous contributors, no contributors. */
export function engagementWarnings(engagement: Engagement, { ctx }: Pick<MetricInput, 'ctx'>): string[] {
  const { capabilities } = ctx;
  const warnings: string[] = [];
  if (!capabilities.messages) warnings.push('engagement posts, replies: null: no loaded source records messages');
  if (!capabilities.reactions) {
    warnings.push(
      'engagement reactions: null: no loaded source records reactions (Yammer network exports carry no likes)',
    );
  }
  if (!capabilities.wiki) warnings.push('engagement wikiEdits, activeWikiEditors: null: no wiki source loaded');
  if (engagement.totals.retention === null) {
    warnings.push('engagement.totals.retention: null: nobody contributed in the previous period of equal length');
  }
  const noPrevious = engagement.monthly.filter((m) => m.retention === null).map((m) => m.month);
  if (noPrevious.length > 0) {
    warnings.push(
      `engagement.monthly retention: null for ${noPrevious.join(', ')}: nobody contributed in the previous month`,
    );
  }
  const quiet = engagement.monthly.filter((m) => m.stickiness === null).map((m) => m.month);
  if (quiet.length > 0) warnings.push(`engagement.monthly stickiness: null for ${quiet.join(', ')}: nobody was active`);
  if (engagement.participation.contributors === 0) {
    warnings.push(
      'engagement.participation gini, top1Share, top10Share, absenceFactor: null: no contributions in the period',
    );
  }
  return warnings;
}
