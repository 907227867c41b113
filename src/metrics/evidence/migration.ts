import { z } from 'zod';
import type { PersonMonth } from './activity-months.js';

/**
 * Engagement levels, by a person's activity in one month. Fixed on purpose (documented in
 * docs/metrics.md) so that two reports compare: `core` 10 or more contributions, `regular` 3 to 9,
 * `occasional` 1 or 2, `reacting` active without contributing (reactions only), `inactive` none.
 */
export const ENGAGEMENT_LEVELS = ['inactive', 'reacting', 'occasional', 'regular', 'core'] as const;
export type EngagementLevel = (typeof ENGAGEMENT_LEVELS)[number];

export const LEVEL_THRESHOLDS = { occasional: 1, regular: 3, core: 10 } as const;

const levelCounts = z.strictObject(
  Object.fromEntries(ENGAGEMENT_LEVELS.map((l) => [l, z.number().int().min(0)])) as Record<
    EngagementLevel,
    z.ZodNumber
  >,
);

export const migrationSchema = z.strictObject({
  from: z.string().describe('First month of the period, `YYYY-MM`.'),
  to: z.string().describe('Last month of the period, `YYYY-MM`.'),
  people: z
    .number()
    .int()
    .min(0)
    .describe('People active at any time in the period: every one of them is in one cell.'),
  matrix: z
    .record(z.enum(ENGAGEMENT_LEVELS), levelCounts)
    .describe('`matrix[level in from][level in to]`: how many people moved from one level to the other.'),
  movedUp: z.number().int().min(0).describe('People whose level in `to` is higher than in `from`.'),
  held: z.number().int().min(0).describe('People on the same level in both months.'),
  movedDown: z.number().int().min(0).describe('People whose level in `to` is lower than in `from`.'),
});

/** Who moved up, held or dropped between the first and the last month of the period. */
export type Migration = z.infer<typeof migrationSchema>;

export function levelOf(activities: number, contributions: number): EngagementLevel {
  if (contributions >= LEVEL_THRESHOLDS.core) return 'core';
  if (contributions >= LEVEL_THRESHOLDS.regular) return 'regular';
  if (contributions >= LEVEL_THRESHOLDS.occasional) return 'occasional';
  return activities > 0 ? 'reacting' : 'inactive';
}

/** The migration matrix; null when the period has fewer than two months. */
export function computeMigration(rows: readonly PersonMonth[], periodMonths: readonly string[]): Migration | null {
  const from = periodMonths[0];
  const to = periodMonths[periodMonths.length - 1];
  if (from === undefined || to === undefined || from === to) return null;
  const inPeriod = new Set(periodMonths);
  const people = new Set(rows.filter((r) => inPeriod.has(r.month) && r.activities > 0).map((r) => r.personId));
  const index = new Map<string, PersonMonth>(rows.map((r) => [`${r.personId}\t${r.month}`, r]));
  const levelIn = (personId: string, month: string): EngagementLevel => {
    const row = index.get(`${personId}\t${month}`);
    return row ? levelOf(row.activities, row.contributions) : 'inactive';
  };
  const matrix = Object.fromEntries(
    ENGAGEMENT_LEVELS.map((l) => [l, Object.fromEntries(ENGAGEMENT_LEVELS.map((m) => [m, 0]))]),
  ) as Record<EngagementLevel, Record<EngagementLevel, number>>;
  let movedUp = 0;
  let held = 0;
  let movedDown = 0;
  for (const person of people) {
    const a = levelIn(person, from);
    const b = levelIn(person, to);
    matrix[a][b] += 1;
    const change = ENGAGEMENT_LEVELS.indexOf(b) - ENGAGEMENT_LEVELS.indexOf(a);
    if (change > 0) movedUp += 1;
    else if (change < 0) movedDown += 1;
    else held += 1;
  }
  return { from, to, people: people.size, matrix, movedUp, held, movedDown };
}
