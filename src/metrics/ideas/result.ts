/**
 * The `ideas` section of metrics.json (spec §5). Instants are ISO 8601 UTC strings; durations are
 * days as floats, not rounded; a figure that cannot be computed is null.
 */
import type { z } from 'zod';
import type { IdeaEvidence as IdeaIntervals } from '../uncertainty/index.js';
import type { ideasSectionSchema } from './schema.js';

/** Stages in order; reaching one counts the idea in every earlier one too. */
export const IDEA_STAGES = ['raised', 'discussed', 'endorsed', 'decided', 'actioned'] as const;
export type IdeaStage = (typeof IDEA_STAGES)[number];
/** Stages after `raised`. */
export type LaterStage = Exclude<IdeaStage, 'raised'>;
/** Stages an idea can leave for a later one. */
export type OpenStage = Exclude<IdeaStage, 'actioned'>;

/**
 * The section as metrics.json holds it, typed by its zod schema (schema.ts) so the two cannot
 * differ; `IdeasSection` (section.ts) names it for the registry.
 */
type IdeasSectionShape = z.infer<typeof ideasSectionSchema>;

/**
 * The ideas' figures as `computeIdeas` returns them: the section without the intervals and the
 * action curve (uncertainty/ adds them from these figures) and without `earlier` (section.ts adds
 * it from a second run over the data before the period).
 */
export type Ideas = Omit<IdeasSectionShape, keyof IdeaIntervals | 'earlier'>;

/** One idea (spec §5 `ideas.items`). */
export type IdeaItem = Ideas['items'][number];

/** Why a stage (or `declined`) was reached, and when. */
export type IdeaEvidence = IdeaItem['evidence'][number];

/**
 * What a piece of evidence is: `rule`, the starter matched an idea rule (`rule`, and `tag` for the
 * tag rule); `reply`, a reply by another person (discussed); `engagement`, the reply or reaction
 * that brought distinct other persons to the endorse threshold; `tag`, a message in the thread
 * carrying a decision or action tag; `link`, a wiki revision or a message in another thread linking
 * to the idea's thread; `ledger`, a row of the ideas ledger (`--ideas`); `implied`, no evidence of
 * its own: reached because a later stage was (`impliedBy`).
 */
export type EvidenceKind = IdeaEvidence['kind'];

/** Median and p90 of a duration in days, over `ideas` ideas. */
export type DaysSummary = Ideas['daysFromRaised'][LaterStage];

/** An open idea (not actioned, not declined) in the oldest-open list. */
export type OpenIdea = Ideas['oldestOpen'][number];

/**
 * Ideas of one space or one department. Counts are null (`suppressed`) when fewer than
 * `minGroupSize` distinct authors raised them (spec §6 privacy threshold).
 */
export type IdeaBreakdown = Ideas['bySpace'][number];

/** An applied ledger row with a value: what the business case values ideas by. */
export type LedgerValue = Ideas['ledgerValues'][number];

/** A ledger row that was not applied, reported rather than dropped. */
export type LedgerMiss = Ideas['ledgerUnmatched'][number];
