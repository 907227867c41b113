/**
 * The `moderation` section of metrics.json (spec §6) as a zod schema: its JSON Schema is generated from it
 * (report/json/json-schema.ts) and the section's type is inferred from it (`Moderation`,
 * moderation.ts). Keys are listed in code-point order, the order metrics.json
 * writes this section in.
 */
import { z } from 'zod';
import { intervalSchema } from './uncertainty/interval.js';

/** One side of a moderator's start date: the space's threads in that window. */
const windowSchema = z.strictObject({
  answeredRate: z.number().nullable().describe('Answered threads / threads; null without threads or when suppressed.'),
  from: z.string().nullable().describe('ISO instant the window starts at; null for "since the first loaded thread".'),
  medianHoursToFirstResponse: z
    .number()
    .nullable()
    .describe("Median hours to first response over the window's answered threads."),
  note: z.string().nullable().describe('`fewer than 5` when suppressed, else null.'),
  participantsPerThread: z
    .number()
    .nullable()
    .describe('Mean distinct persons per thread; null without threads or when suppressed.'),
  people: z.number().nullable().describe("Distinct persons in the window's threads; null when suppressed."),
  repliesPerThread: z.number().nullable().describe('Mean replies per thread; null without threads or when suppressed.'),
  suppressed: z.boolean().describe('True when fewer than `minGroupSize` persons took part: every figure is then null.'),
  threads: z.number().nullable().describe('Threads started in the window; null when suppressed.'),
  until: z.string().describe('ISO instant the window ends at (exclusive).'),
});

/** A set of threads (with or without a moderator) and what they drew. */
const threadSetSchema = z.strictObject({
  answeredRate: z.number().nullable().describe('Answered threads / threads; null without threads.'),
  participantsPerThread: z
    .number()
    .nullable()
    .describe('Mean distinct persons (starter and repliers) per thread; null without threads.'),
  repliesPerThread: z.number().nullable().describe('Mean replies (by anyone) per thread; null without threads.'),
  threads: z.number().describe('Threads in the set.'),
});

export const moderationSchema = z.strictObject({
  answered: z.number().describe('Answered threads among them.'),
  medianHoursToFirstResponse: z
    .strictObject({
      moderators: z.number().nullable(),
      others: z.number().nullable(),
    })
    .describe('Median hours from the start to the first response by each group, over threads the group responded in.'),
  moderatorFirstResponseShare: z
    .number()
    .nullable()
    .describe(
      'Answered threads whose first response came from a moderator / answered; null without moderators or answers.',
    ),
  moderatorFirstResponseShareInterval: intervalSchema
    .nullable()
    .describe('`moderatorFirstResponseShare` with its Wilson interval (uncertainty/); null without moderators.'),
  moderators: z
    .array(
      z.strictObject({
        id: z.string().describe('Person id.'),
        name: z.string().nullable().describe('Display name (replaced by a pseudonym under `--anonymize`).'),
        since: z
          .string()
          .nullable()
          .describe('ISO date the person started moderating, when the people file gives one.'),
      }),
    )
    .describe('The moderators found in the data, sorted by id.'),
  monthly: z
    .array(
      z.strictObject({
        activeModerators: z
          .number()
          .describe('Distinct moderators with any activity in the month (as moderators: from their `since` on).'),
        activePeople: z.number().describe('Distinct persons with any activity in the month (spec §3 `activePeople`).'),
        moderatorContributions: z.number().describe('Contributions (posts, replies, wiki edits) by moderators.'),
        moderatorReplies: z.number().describe('Replies by moderators.'),
        month: z.string().describe('`2026-01`.'),
      }),
    )
    .describe('Every local month of the period.'),
  spaces: z
    .array(
      z.strictObject({
        after: windowSchema.describe('Threads of the space started from the date to the period end.'),
        before: windowSchema.describe('Threads of the space started before the date.'),
        moderator: z.string().describe('Person id of the moderator whose start splits the threads.'),
        since: z.string().describe("The moderator's `since` date (ISO date)."),
        space: z.string().describe('Space name, or `(private space)`.'),
        spaceId: z.string().describe('Space id.'),
      }),
    )
    .describe('Per space a moderator with a `since` date contributed in: before vs after that date.'),
  threads: z.number().describe('Threads started in the period (as in `conversations.threads`).'),
  warnings: z.array(z.string()).describe('Why figures are null (no moderators, unknown keys, bad dates).'),
  withModerator: threadSetSchema.describe('Threads a moderator started or replied in.'),
  withoutModerator: threadSetSchema.describe('Threads no moderator started or replied in.'),
});
