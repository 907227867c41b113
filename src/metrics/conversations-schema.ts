/**
 * The `conversations` section of metrics.json (spec §4) as zod schemas (JSON Schema generated from
 * them; the section's types are inferred from them in metrics/types.ts).
 */
import { z } from 'zod';
import { instant } from '../time/instant-schema.js';
import { intervalSchema } from './uncertainty/interval.js';
import { survivalSchema } from './uncertainty/survival.js';

export const unansweredThreadSchema = z
  .strictObject({
    id: z.string().describe("Thread id (the starter's activity id)."),
    source: z.string(),
    space: z.string().describe('Space name, or (private space).'),
    startedAt: instant,
    ageDays: z.number().int().min(0).describe("Whole days from the start to the report's as-of instant."),
    title: z.string().max(100).describe('First 100 characters of the starter; absent for private spaces.').optional(),
  })
  .describe('A thread nobody but its author replied to.');

/** The section as metrics.json holds it, with the intervals and the response curve. */
export type ConversationsSection = z.infer<typeof conversationsSchema>;

export const conversationsSchema = z
  .strictObject({
    threads: z.number().int().min(0).describe('Threads started in the period (wiki excluded).'),
    answered: z
      .number()
      .int()
      .min(0)
      .describe("Threads with a reply by a person other than the starter's author, at any time."),
    answeredRate: z.number().min(0).max(1).nullable().describe('answered / threads; null when threads is 0.'),
    answeredRateInterval: intervalSchema,
    medianHoursToFirstResponse: z
      .number()
      .nullable()
      .describe('Median hours from start to the first reply by another person, over answered threads.'),
    medianHoursToFirstResponseInterval: intervalSchema,
    p90HoursToFirstResponse: z.number().nullable().describe('90th percentile (linear interpolation) of the same.'),
    responseSurvival: survivalSchema,
    repliesPerThread: z.number().min(0).nullable().describe('Mean replies (by anyone) per thread.'),
    unanswered: z.array(unansweredThreadSchema).describe('The oldest unanswered threads.'),
    questions: z
      .strictObject({
        threads: z.number().int().min(0).describe('Questions started in the period.'),
        answered: z
          .number()
          .int()
          .min(0)
          .describe('Questions with a reply by a person other than the author, at any time.'),
        answeredRate: z
          .number()
          .min(0)
          .max(1)
          .nullable()
          .describe('answered / threads; null when no question was asked.'),
        answeredRateInterval: intervalSchema,
        medianHoursToFirstResponse: z
          .number()
          .nullable()
          .describe('Median hours to the first reply by another person, over answered questions.'),
        medianHoursToFirstResponseInterval: intervalSchema,
        p90HoursToFirstResponse: z.number().nullable().describe('90th percentile (linear interpolation) of the same.'),
        unanswered: z.array(unansweredThreadSchema).describe('The oldest unanswered questions.'),
      })
      .describe(
        'Threads whose starter asks: a question mark, an interrogative opening, or a config questionPatterns match (docs/metrics.md §4).',
      ),
  })
  .describe('Conversations (spec §4).');
