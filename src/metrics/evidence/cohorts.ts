import { z } from 'zod';
import type { PersonMonth } from './activity-months.js';

export const cohortSchema = z.strictObject({
  month: z.string().describe('The month the cohort was first active in (any activity in the loaded data), `YYYY-MM`.'),
  people: z.number().int().min(0).describe('People first active in that month.'),
  active: z
    .array(z.number().int().min(0))
    .describe(
      'People of the cohort active in each month from the cohort month on (index 0 = the cohort month, always `people`), up to the last month of the period.',
    ),
  shares: z
    .array(z.number().min(0).max(1))
    .nullable()
    .describe(
      '`active[i] / people`; null when the cohort has fewer people than `minGroupSize` (too few to show as a share).',
    ),
});

export const cohortsSchema = z.strictObject({
  months: z
    .array(z.string())
    .describe('Months of the period, `YYYY-MM`; one cohort per month in which someone was first active.'),
  cohorts: z.array(cohortSchema),
});

/** Cohort retention: people by the month they were first active, and how many stay active. */
export type Cohorts = z.infer<typeof cohortsSchema>;

/**
 * Cohort retention over the period's months: a person belongs to the month of their first
 * activity in the loaded data (so someone active before the period is in no cohort of it), and
 * counts as retained in a later month when they have any activity in it.
 */
export function computeCohorts(
  rows: readonly PersonMonth[],
  periodMonths: readonly string[],
  minGroupSize: number,
): Cohorts {
  const monthsOf = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.activities === 0) continue;
    const months = monthsOf.get(row.personId) ?? new Set<string>();
    months.add(row.month);
    monthsOf.set(row.personId, months);
  }
  const members = new Map<string, Set<string>[]>();
  for (const months of monthsOf.values()) {
    const first = [...months].sort()[0];
    if (first === undefined || !periodMonths.includes(first)) continue;
    members.set(first, [...(members.get(first) ?? []), months]);
  }
  const cohorts = periodMonths.flatMap((month, start) => {
    const people = members.get(month) ?? [];
    if (people.length === 0) return [];
    const active = periodMonths.slice(start).map((later) => people.filter((months) => months.has(later)).length);
    const shares = people.length >= minGroupSize ? active.map((n) => n / people.length) : null;
    return [{ month, people: people.length, active, shares }];
  });
  return { months: [...periodMonths], cohorts };
}
