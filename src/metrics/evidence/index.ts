/**
 * Context for the headline figures (issue 14, items 3 to 5): cited benchmarks, the pilot against
 * the rest of the organization, before vs after a moderator's start (`comparisons`), and cohort
 * retention with the engagement-level migration matrix (`movement`).
 */
import { z } from 'zod';
import type { Query } from '../../model/query.js';
import { monthKey } from '../../time/calendar.js';
import { periodCalendar } from '../../time/period.js';
import { localDateOf } from '../../time/zone.js';
import type { EngagementFigures } from '../engagement.js';
import type { MetricContext } from '../types.js';
import { personMonths } from './activity-months.js';
import { benchmarkSchema, computeBenchmarks, type Reference } from './benchmarks.js';
import { cohortsSchema, computeCohorts } from './cohorts.js';
import type { CompareOptions } from './compare.js';
import { computeMigration, migrationSchema } from './migration.js';
import { computeModerationEffects, moderationEffectSchema, type ModeratedSpace } from './moderation-effects.js';
import { computePilotVsRest, hasScope, pilotVsRestSchema, type PilotScope } from './pilot-vs-rest.js';
import { privateSpaceKeys, threadOutcomes } from './thread-outcomes.js';

export const comparisonsSchema = z.strictObject({
  seed: z
    .number()
    .int()
    .describe(
      'Seed of the permutation tests and bootstraps (`comparison.seed`): the same seed gives the same figures.',
    ),
  resamples: z.number().int().min(1).describe('Relabellings per permutation test and resamples per bootstrap.'),
  minThreads: z
    .number()
    .int()
    .min(1)
    .describe('Fewest threads on each side for a difference to be stated (`comparison.minThreads`).'),
  benchmarks: z
    .array(benchmarkSchema)
    .describe("Published references (and the organization's own) set against the pilot."),
  pilotVsRest: pilotVsRestSchema
    .nullable()
    .describe(
      'Null when the config names no pilot part (`comparison.pilotSpaces`, `pilotDepartments`, `pilotPeople`).',
    ),
  moderationEffects: z
    .array(moderationEffectSchema)
    .describe('Per space a moderator with a `since` date contributed in: after vs before.'),
});

export const movementSchema = z.strictObject({
  cohorts: cohortsSchema,
  migration: migrationSchema.nullable().describe('Null when the period has fewer than two months.'),
});

/** The `comparisons` section of metrics.json. */
export type Comparisons = z.infer<typeof comparisonsSchema>;
/** The `movement` section of metrics.json. */
export type Movement = z.infer<typeof movementSchema>;

export interface ComparisonInputs {
  scope: PilotScope;
  options: CompareOptions;
  builtIn: readonly Reference[];
  own: readonly Reference[];
  /** Only the figures are read (the totals and participation), not the retention's interval. */
  engagement: EngagementFigures;
  moderated: readonly ModeratedSpace[];
}

/** Earliest instant threads are read from for before/after (all loaded data). */
const EARLIEST = '1970-01-01T00:00:00Z';

export async function computeComparisons(
  query: Query,
  ctx: MetricContext,
  inputs: ComparisonInputs,
): Promise<Comparisons> {
  const { period } = ctx;
  const { totals, participation } = inputs.engagement;
  const benchmarks = computeBenchmarks(inputs.builtIn, inputs.own, {
    activePeople: totals.activePeople,
    contributors: totals.contributors,
    posts: totals.posts,
    replies: totals.replies,
    top10Share: participation.top10Share,
  });
  const needsAll = inputs.moderated.length > 0;
  const threads =
    hasScope(inputs.scope) || needsAll
      ? await threadOutcomes(query, needsAll ? EARLIEST : period.since, period.until, period.timeZone)
      : [];
  const inPeriod = threads.filter((t) => Date.parse(t.startedAt) >= Date.parse(period.since));
  const monthOf = (iso: string): string => monthKey(localDateOf(Date.parse(iso), period.timeZone));
  return {
    seed: inputs.options.seed,
    resamples: inputs.options.resamples,
    minThreads: inputs.options.minThreads,
    benchmarks,
    pilotVsRest: hasScope(inputs.scope)
      ? computePilotVsRest(inPeriod, inputs.scope, inputs.options, await privateSpaceKeys(query))
      : null,
    moderationEffects: computeModerationEffects(threads, inputs.moderated, monthOf, inputs.options),
  };
}

export async function computeMovement(query: Query, ctx: MetricContext): Promise<Movement> {
  const { period } = ctx;
  const months = periodCalendar(period).months.map((m) => m.month);
  const rows = await personMonths(query, period.until, period.timeZone);
  return { cohorts: computeCohorts(rows, months, ctx.config.minGroupSize), migration: computeMigration(rows, months) };
}

export type { CompareOptions } from './compare.js';
export type { ModeratedSpace } from './moderation-effects.js';
export type { PilotScope } from './pilot-vs-rest.js';
export type { Reference } from './benchmarks.js';
