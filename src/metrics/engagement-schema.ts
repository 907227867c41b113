/**
 * The `engagement` section of metrics.json (spec §3) as zod schemas: its JSON Schema is generated
 * from these (report/json/json-schema.ts) and its types are inferred from them (metrics/types.ts).
 */
import { z } from 'zod';
import { intervalSchema } from './uncertainty/interval.js';

export const windowSchema = z
  .strictObject({
    activePeople: z
      .number()
      .int()
      .min(0)
      .describe('Distinct persons with at least one activity of any kind in the window.'),
    contributors: z
      .number()
      .int()
      .min(0)
      .describe('Distinct persons with at least one contribution (post, reply, page_create, page_edit) in the window.'),
    posts: z
      .number()
      .int()
      .min(0)
      .nullable()
      .describe('Thread starters in the window; null when no loaded source records messages.'),
    replies: z
      .number()
      .int()
      .min(0)
      .nullable()
      .describe('Replies in the window; null when no loaded source records messages.'),
    reactions: z
      .number()
      .int()
      .min(0)
      .nullable()
      .describe('Reactions in the window; null when no loaded source records reactions (Slack, Teams, CSV).'),
    wikiEdits: z
      .number()
      .int()
      .min(0)
      .nullable()
      .describe('page_create + page_edit in the window; null without a wiki source.'),
    newContributors: z
      .number()
      .int()
      .min(0)
      .describe('Persons whose first contribution in the whole dataset falls in the window.'),
    returningContributors: z
      .number()
      .int()
      .min(0)
      .nullable()
      .describe(
        'Contributors of the window who also contributed in the previous window (previous calendar month for a month; previous period of equal length for the totals).',
      ),
    retention: z
      .number()
      .min(0)
      .nullable()
      .describe('returningContributors / contributors of the previous window; null when that is 0.'),
  })
  .describe('Engagement figures of one window: the whole period (the totals) or a month.');

export const monthSchema = z
  .strictObject({
    month: z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/),
    ...windowSchema.shape,
    reactivatedContributors: z
      .number()
      .int()
      .min(0)
      .describe(
        'Contributors of the month who contributed before (all loaded data) but not in the previous month; newContributors + returningContributors + reactivatedContributors = contributors.',
      ),
    stickiness: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe(
        "Mean daily active people over the month's days in the period, divided by the month's activePeople; null when nobody was active.",
      ),
    activeWikiEditors: z
      .number()
      .int()
      .min(0)
      .nullable()
      .describe('Persons with at least 5 wiki edits in the month; null without a wiki source.'),
  })
  .describe('One local calendar month of the period.');

export const weekSchema = z
  .strictObject({
    week: z.string().regex(/^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$/),
    activePeople: z.number().int().min(0),
    contributors: z.number().int().min(0),
  })
  .describe('One ISO week (Monday start) that overlaps the period.');

export const participationSchema = z
  .strictObject({
    contributors: z.number().int().min(0).describe('Contributors of the period.'),
    contributions: z.number().int().min(0).describe('Contributions of the period.'),
    gini: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe('Gini coefficient of contributions per contributor (0 = equal).'),
    top1Share: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe('Share of contributions made by the top ceil(1%) contributors.'),
    top10Share: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe('Share of contributions made by the top ceil(10%) contributors.'),
    absenceFactor: z
      .number()
      .int()
      .min(1)
      .nullable()
      .describe('Fewest contributors who together made at least 50% of contributions (CHAOSS).'),
  })
  .describe("Inequality of contributions over the period's contributors.");

export const totalsSchema = windowSchema
  .extend({ retentionInterval: intervalSchema })
  .describe('Engagement figures for the whole period (spec §3).');

/** The section as metrics.json holds it: the totals carry the retention's interval. */
export type EngagementSection = z.infer<typeof engagementSchema>;

export const engagementSchema = z
  .strictObject({
    totals: totalsSchema,
    monthly: z.array(monthSchema),
    weekly: z.array(weekSchema),
    participation: participationSchema,
  })
  .describe('Engagement (spec §3).');
