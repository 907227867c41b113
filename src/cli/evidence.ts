import type { Evidence } from '../metrics/uncertainty/index.js';
import type { MetricsDocument } from '../report/json/document.js';

/**
 * Writes the intervals and survival curves (metrics/uncertainty) beside the figures they qualify:
 * `answeredRateInterval` next to `answeredRate`, and so on. Existing fields are left as they are.
 */
export function attachEvidence(document: MetricsDocument, evidence: Evidence): void {
  const { questions, ...conversations } = evidence.conversations;
  document.conversations = { ...document.conversations, ...conversations, questions: { ...document.conversations.questions, ...questions } };
  document.engagement.totals = { ...document.engagement.totals, retentionInterval: evidence.retentionInterval };
  if (document.ideas) document.ideas = { ...document.ideas, ...evidence.ideas };
}
