import { z } from 'zod';
import { segmentedRegression } from '../stats/its.js';
import { compareGroups, differenceSchema, type CompareOptions } from './compare.js';
import { answered } from './pilot-vs-rest.js';
import type { ThreadOutcome } from './thread-outcomes.js';

/** Months with threads needed on each side of a moderator's start for an interrupted time series. */
export const ITS_MIN_MONTHS = 6;

const coefficient = z.strictObject({ estimate: z.number(), low: z.number(), high: z.number() });

export const moderationEffectSchema = z.strictObject({
  space: z.string().describe('Space name, or `(private space)`.'),
  moderator: z.string().describe('Person id of the moderator (a pseudonym with --anonymize).'),
  since: z.string().describe("The moderator's `since` date (people file)."),
  monthsBefore: z.number().int().min(0).describe('Months with threads in the space before the since month.'),
  monthsAfter: z.number().int().min(0).describe('Months with threads from the since month to the period end.'),
  method: z
    .enum(['interrupted time series', 'difference'])
    .describe(
      `\`interrupted time series\` with at least ${ITS_MIN_MONTHS} months with threads on each side, else a plain before/after \`difference\`.`,
    ),
  note: z.string().nullable().describe('Why the plain difference was used; null for the time series.'),
  answeredRate: differenceSchema.describe('After (first) vs before (second): answered threads / threads.'),
  its: z
    .strictObject({
      levelChange: coefficient.describe(
        'Jump of the monthly answered rate at the since month (fraction), with its 95 % interval.',
      ),
      slopeChange: coefficient.describe('Change of the monthly trend, per month (fraction), with its 95 % interval.'),
    })
    .nullable()
    .describe('Segmented regression of the monthly answered rate; null with the plain difference.'),
});

/** Before vs after one moderator's start in one space. */
export type ModerationEffect = z.infer<typeof moderationEffectSchema>;

/** A space split at a moderator's start, as the moderation section lists it. */
export interface ModeratedSpace {
  spaceId: string;
  space: string;
  moderator: string;
  since: string;
  /** ISO instant the "after" side starts at. */
  sinceAt: string;
  /** ISO instant the "after" side ends at (the period end). */
  until: string;
}

/** Before vs after per moderated space: ITS on the monthly answered rate when the months allow, else a difference. */
export function computeModerationEffects(
  threads: readonly ThreadOutcome[],
  spaces: readonly ModeratedSpace[],
  sinceMonthOf: (iso: string) => string,
  options: CompareOptions,
): ModerationEffect[] {
  return spaces.map((s) => {
    const inSpace = threads.filter((t) => t.spaceId === s.spaceId && Date.parse(t.startedAt) < Date.parse(s.until));
    const after = inSpace.filter((t) => Date.parse(t.startedAt) >= Date.parse(s.sinceAt));
    const before = inSpace.filter((t) => Date.parse(t.startedAt) < Date.parse(s.sinceAt));
    const firstAfter = sinceMonthOf(s.sinceAt);
    const months = [...new Set(inSpace.map((t) => t.month))].sort();
    const monthsBefore = months.filter((m) => m < firstAfter).length;
    const monthsAfter = months.length - monthsBefore;
    const difference = compareGroups('answeredRate', after.map(answered), before.map(answered), options);
    const base = {
      space: s.space,
      moderator: s.moderator,
      since: s.since,
      monthsBefore,
      monthsAfter,
      answeredRate: difference,
    };
    if (monthsBefore < ITS_MIN_MONTHS || monthsAfter < ITS_MIN_MONTHS) {
      const note = `${monthsBefore} month(s) with threads before and ${monthsAfter} after; a time series needs ${ITS_MIN_MONTHS} on each side`;
      return { ...base, method: 'difference' as const, note, its: null };
    }
    // Month index on the calendar, so that a month without threads leaves a gap, not a shift.
    const index = (month: string): number => {
      const [y, m] = month.split('-').map(Number);
      return (y ?? 0) * 12 + (m ?? 1);
    };
    const origin = index(months[0] ?? firstAfter);
    const series = months.map((m) => {
      const those = inSpace.filter((t) => t.month === m);
      return { t: index(m) - origin, y: those.filter((t) => t.answered).length / those.length };
    });
    const fit = segmentedRegression(series, index(firstAfter) - origin);
    if (!fit)
      return {
        ...base,
        method: 'difference' as const,
        note: 'the monthly rates leave the time series undetermined',
        its: null,
      };
    const { levelChange, slopeChange } = fit;
    return { ...base, method: 'interrupted time series' as const, note: null, its: { levelChange, slopeChange } };
  });
}
