import type { IdeaEvidence } from '../metrics/uncertainty/index.js';
import type { MetricsDocument } from '../report/json/document.js';

/** Writes the ideas' intervals and action curve (metrics/uncertainty) beside the figures they qualify. */
export function attachIdeaEvidence(document: MetricsDocument, evidence: IdeaEvidence): void {
  if (document.ideas) document.ideas = { ...document.ideas, ...evidence };
}
