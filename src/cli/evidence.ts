import type { IdeaEvidence } from '../metrics/uncertainty/index.js';
import { rateInterval } from '../metrics/uncertainty/interval.js';
import type { UncertaintyConfig } from '../metrics/uncertainty/config.js';
import type { MetricsDocument } from '../report/json/document.js';

/** Writes the ideas' intervals and action curve (metrics/uncertainty) beside the figures they qualify. */
export function attachIdeaEvidence(document: MetricsDocument, evidence: IdeaEvidence): void {
  if (document.ideas) document.ideas = { ...document.ideas, ...evidence };
}

/**
 * `moderation.moderatorFirstResponseShareInterval`: the share is first replies by a moderator over
 * answered threads, so its count is share × answered (rounded back to the whole number it was).
 */
export function attachModerationInterval(document: MetricsDocument, config: UncertaintyConfig): void {
  const m = document.moderation;
  if (!m) return;
  const share = m['moderatorFirstResponseShare'];
  const answered = m['answered'];
  if (typeof share !== 'number' || typeof answered !== 'number') return;
  document.moderation = { ...m, moderatorFirstResponseShareInterval: rateInterval(Math.round(share * answered), answered, config) };
}
