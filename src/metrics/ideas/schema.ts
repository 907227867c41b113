/**
 * The `ideas` section of metrics.json (spec §5) as a zod schema: its JSON Schema is generated from it
 * (report/json/json-schema.ts) and the section's types are inferred from it (result.ts, section.ts).
 * Keys are listed in code-point order, the order metrics.json
 * writes this section in.
 */
import { z } from 'zod';
import { intervalSchema } from '../uncertainty/interval.js';
import { survivalSchema } from '../uncertainty/survival.js';

/** Median and p90 days over the ideas that reached a stage. */
const stageDaysSchema = z.strictObject({
  ideas: z.number().describe('How many ideas the figures are over.'),
  median: z.number().nullable(),
  p90: z.number().nullable(),
});

/** One space's or department's ideas (`bySpace`, `byDepartment`). */
const breakdownRowSchema = z.strictObject({
  actioned: z.number().nullable().describe('Ideas that reached `actioned`.'),
  authors: z.number().nullable().describe('Distinct authors of the ideas.'),
  decided: z.number().nullable().describe('Ideas that reached `decided` (or `actioned`).'),
  key: z.string().nullable().describe('Space id, or department name (null: department unknown).'),
  name: z.string().describe('Space name or `(private space)`, or department name or `(unknown)`.'),
  raised: z.number().nullable().describe('Ideas raised.'),
  suppressed: z.boolean().describe('Fewer than `minGroupSize` distinct authors: every count is null ("fewer than 5").'),
});

export const ideasSectionSchema = z.strictObject({
  actionSurvival: survivalSchema,
  byDepartment: z
    .array(breakdownRowSchema)
    .describe('Ideas per author department, most raised first; suppressed entries last.'),
  bySpace: z.array(breakdownRowSchema).describe('Ideas per space, most raised first; suppressed entries last.'),
  conversion: z
    .strictObject({
      actioned: z.number().nullable(),
      decided: z.number().nullable(),
      discussed: z.number().nullable(),
      endorsed: z.number().nullable(),
      raised: z.number().nullable(),
    })
    .describe("Each stage's count / `raised`; null when no idea was raised."),
  conversionInterval: z.strictObject({
    actioned: intervalSchema,
    decided: intervalSchema,
    discussed: intervalSchema,
    endorsed: intervalSchema,
    raised: intervalSchema,
  }),
  daysFromRaised: z
    .strictObject({
      actioned: stageDaysSchema,
      decided: stageDaysSchema,
      discussed: stageDaysSchema,
      endorsed: stageDaysSchema,
    })
    .describe('Days from raised to each later stage, over ideas that reached it.'),
  daysInStage: z
    .strictObject({
      decided: stageDaysSchema,
      discussed: stageDaysSchema,
      endorsed: stageDaysSchema,
      raised: stageDaysSchema,
    })
    .describe('Days spent in each stage before reaching the next, over ideas that reached the next.'),
  declined: z.number().describe('Ideas the ledger marked declined (closed, never stalled).'),
  earlier: z
    .strictObject({
      actioned: z.number(),
      decided: z.number(),
      raised: z.number(),
      since: z.string(),
      until: z.string(),
    })
    .optional(),
  funnel: z
    .strictObject({
      actioned: z.number(),
      decided: z.number(),
      discussed: z.number(),
      endorsed: z.number(),
      raised: z.number(),
    })
    .describe('Ideas raised in the period that reached each stage; never grows from one stage to the next.'),
  items: z
    .array(
      z.strictObject({
        actionedAt: z.string().nullable().describe('See `discussedAt`.'),
        author: z.string().describe("Person id of the starter's author."),
        authorName: z.string().nullable().describe("The author's display name when known."),
        decidedAt: z.string().nullable().describe('See `discussedAt`.'),
        declined: z
          .boolean()
          .describe('The ledger marked the idea declined: it is closed, never stalled; `stage` is unchanged.'),
        declinedAt: z.string().nullable().describe('First ledger `declined` row, or null.'),
        department: z.string().nullable().describe("The author's department when known."),
        discussedAt: z
          .string()
          .nullable()
          .describe('Time each stage was reached: its first evidence, or the time of a later stage that implies it.'),
        endorsedAt: z.string().nullable().describe('See `discussedAt`.'),
        evidence: z
          .array(
            z.strictObject({
              activityId: z
                .string()
                .nullable()
                .describe('The activity (message, reaction or wiki revision) that is the evidence, when there is one.'),
              at: z.string().describe('ISO instant of the evidence.'),
              impliedBy: z
                .enum(['raised', 'discussed', 'endorsed', 'decided', 'actioned'])
                .optional()
                .describe('For `implied`: the stage whose evidence implies this one.'),
              kind: z
                .enum(['rule', 'reply', 'engagement', 'tag', 'link', 'ledger', 'implied'])
                .describe('What the evidence is (see `EvidenceKind`).'),
              line: z.number().nullable().optional().describe('For `ledger`: file line of the row.'),
              link: z.string().optional().describe('For `link`: the URL as it was written.'),
              note: z
                .string()
                .optional()
                .describe("For `ledger`: the row's note; omitted for ideas in private spaces."),
              person: z.string().nullable().describe('Person id of whoever gave the evidence, when there is one.'),
              persons: z
                .number()
                .optional()
                .describe('For `engagement`: distinct other persons engaged when the threshold was reached.'),
              rule: z.enum(['tag', 'space', 'prefix']).optional().describe('For `rule`: which idea rule matched.'),
              stage: z
                .enum(['raised', 'discussed', 'endorsed', 'decided', 'actioned', 'declined'])
                .describe('The stage this is evidence of, or `declined` (ledger only).'),
              tag: z.string().optional().describe('The matched tag, e.g. `#approved`.'),
              value: z.number().optional().describe("For `ledger`: the row's value."),
            }),
          )
          .describe('The first evidence of each reached stage, in stage order, then `declined`.'),
        id: z.string().describe("Thread id (the starter's activity id)."),
        lastActivityAt: z.string().describe('Last activity in the thread (or ledger row) before the period end.'),
        participants: z
          .number()
          .describe('Distinct persons who posted, replied or reacted in the thread, the author included.'),
        raisedAt: z.string().describe('ISO instant of the starter.'),
        source: z.string().describe('Source kind of the thread (`yammer`, `slack`, `teams`, `csv`).'),
        space: z.string().describe('Space name, or `(private space)`.'),
        spaceId: z.string().describe('Space id (`source:spaceId`).'),
        stage: z
          .enum(['raised', 'discussed', 'endorsed', 'decided', 'actioned'])
          .describe('Highest stage reached by the end of the period.'),
        stalled: z
          .boolean()
          .describe('Raised, not actioned, not declined, and no activity for `stallDays` before the period end.'),
        title: z
          .string()
          .optional()
          .describe("First 100 characters of the starter's text; omitted for ideas in private spaces."),
      }),
    )
    .describe('One entry per idea raised in the period, oldest first.'),
  ledgerUnmatched: z
    .array(
      z.strictObject({
        idea: z.string().describe('The `idea` cell as written.'),
        line: z.number().nullable().describe('Ledger file line.'),
        reason: z
          .enum(['noSuchIdea', 'ambiguous', 'ideaOutsidePeriod', 'afterPeriodEnd', 'beforeRaised'])
          .describe(
            '`noSuchIdea`: names no idea; `ambiguous`: a bare id several ideas end with; `ideaOutsidePeriod`: the idea was raised outside the period; `afterPeriodEnd`: dated at or after the period end; `beforeRaised`: dated before the idea was raised.',
          ),
        stage: z.string().describe("The row's stage."),
      }),
    )
    .describe('Ledger rows not applied, with the reason.'),
  ledgerValue: z
    .number()
    .nullable()
    .describe('Sum of the `value` of applied ledger rows (currency-less); null when none carries a value.'),
  ledgerValues: z
    .array(
      z.strictObject({
        at: z.string().describe('ISO instant the row is dated at.'),
        ideaId: z.string().describe("The idea's id (its thread starter)."),
        line: z.number().nullable().describe('Ledger file line.'),
        value: z.number(),
      }),
    )
    .describe('The applied ledger rows that carry a value (their sum is `ledgerValue`), in file order.'),
  medianDaysToAction: z
    .number()
    .nullable()
    .describe('Median days from raised to actioned over ideas that reached `actioned`.'),
  medianDaysToActionInterval: intervalSchema,
  medianDaysToDecision: z
    .number()
    .nullable()
    .describe('Median days from raised to decided over ideas that reached `decided`.'),
  medianDaysToDecisionInterval: intervalSchema,
  oldestOpen: z
    .array(
      z.strictObject({
        ageDays: z.number().describe('Days from `raisedAt` to the end of the period (or `asOf` if earlier).'),
        id: z.string().describe('Thread id.'),
        raisedAt: z.string().describe('ISO instant of the starter.'),
        source: z.string().describe('Source kind of the thread.'),
        space: z.string().describe('Space name, or `(private space)`.'),
        stage: z.enum(['raised', 'discussed', 'endorsed', 'decided', 'actioned']).describe('Highest stage reached.'),
        stalled: z.boolean().describe('Whether the idea counts as stalled.'),
        title: z.string().optional().describe('Omitted for ideas in private spaces.'),
      }),
    )
    .describe('The oldest open ideas, oldest first (at most 10).'),
  open: z.number().describe('Ideas neither actioned nor declined.'),
  stalled: z
    .number()
    .describe('Ideas raised, not actioned, not declined, with no activity for `stallDays` before the period end.'),
});
