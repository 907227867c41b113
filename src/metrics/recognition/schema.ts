/**
 * The `recognition` section of metrics.json (spec §6) as a zod schema: its JSON Schema is generated from it
 * (report/json/json-schema.ts) and the section's types are inferred from it (`Recognition`,
 * result.ts). Keys are listed in code-point order, the order metrics.json
 * writes this section in.
 */
import { z } from 'zod';

export const recognitionSchema = z.strictObject({
  absenceFactor: z
    .strictObject({
      departments: z
        .number()
        .nullable()
        .describe('Over departments (persons without one left out); null when no contribution has a department.'),
      people: z.number().nullable().describe('Over persons; null without contributions.'),
    })
    .describe('Absence factors over persons and departments.'),
  activeWikiEditors: z
    .array(
      z.strictObject({
        editors: z.number().describe('Persons with at least 5 wiki edits in the month.'),
        month: z.string().describe('`2026-01`.'),
      }),
    )
    .nullable()
    .describe('Per local month of the period; null without a wiki source.'),
  connectors: z
    .array(
      z.strictObject({
        departmentsReached: z.number().describe('Other departments of the persons interacted with.'),
        id: z.string().describe('Person id.'),
        name: z.string().nullable().describe('Display name (replaced by a pseudonym under `--anonymize`).'),
        spaces: z.number().describe('Spaces contributed in.'),
      }),
    )
    .describe('Widest reach across departments (or spaces, see `connectorsBy`).'),
  connectorsBy: z
    .enum(['departments', 'spaces'])
    .describe('What `connectors` are ranked by: departments when any is known, else spaces.'),
  helpers: z
    .array(
      z.strictObject({
        firstResponses: z.number().describe('First responses given in the period.'),
        id: z.string().describe('Person id.'),
        name: z.string().nullable().describe('Display name (replaced by a pseudonym under `--anonymize`).'),
      }),
    )
    .describe('Most first responses.'),
  people: z
    .array(
      z.strictObject({
        activeEditorMonths: z
          .number()
          .nullable()
          .describe(
            "Local months of the period with at least 5 wiki edits (Wikimedia's active editor); null without a wiki source.",
          ),
        department: z.string().nullable().describe('Department, when known.'),
        departmentsReached: z
          .number()
          .describe(
            "Distinct departments, other than the person's own, of the persons they interacted with (either way).",
          ),
        firstResponses: z
          .number()
          .describe(
            "Threads (at any time) whose first reply by someone other than the starter's author is this person's, in the period.",
          ),
        id: z.string().describe('Person id.'),
        ideasActioned: z
          .number()
          .describe('Of those, ideas that reached `actioned` (from the ideas metric; 0 when not given).'),
        ideasRaised: z.number().describe('Ideas the person raised (from the ideas metric; 0 when not given).'),
        name: z.string().nullable().describe('Display name (replaced by a pseudonym under `--anonymize`).'),
        persona: z
          .enum(['engager', 'catalyst', 'responder', 'broadcaster', 'observer'])
          .nullable()
          .describe('SWOOP persona, or null without conversation activity.'),
        posts: z.number().describe('Thread starters.'),
        reactionsGiven: z
          .number()
          .nullable()
          .describe('Reactions the person gave; null when no source records reactions.'),
        reactionsReceived: z
          .number()
          .nullable()
          .describe(
            "Reactions by others on the person's messages, in the period; null when no source records reactions.",
          ),
        replies: z.number().describe('Replies.'),
        repliesReceived: z
          .number()
          .describe(
            "Replies by others to the person's messages (or threads, when the reply names no message), in the period.",
          ),
        responsesToPosts: z
          .number()
          .describe('Replies and reactions by others, at any time, to the posts the person made in the period.'),
        score: z.number().describe('The recognition score (see `Recognition.score`).'),
        spaces: z.number().describe('Distinct spaces the person contributed in.'),
        wikiEdits: z.number().nullable().describe('Wiki page creations and edits; null without a wiki source.'),
      }),
    )
    .describe('Every person active in the period (or credited with an idea), by score (highest first), then id.'),
  personas: z
    .strictObject({
      counts: z
        .strictObject({
          broadcaster: z.number(),
          catalyst: z.number(),
          engager: z.number(),
          observer: z.number(),
          responder: z.number(),
        })
        .describe('Persons per persona.'),
      people: z.number().describe('Persons with a persona.'),
      shares: z
        .strictObject({
          broadcaster: z.number().nullable(),
          catalyst: z.number().nullable(),
          engager: z.number().nullable(),
          observer: z.number().nullable(),
          responder: z.number().nullable(),
        })
        .describe('Count / people per persona; null when nobody has a persona.'),
    })
    .describe('Share of each persona among persons with one.'),
  rising: z
    .array(
      z.strictObject({
        gain: z.number().describe('score − previousScore (> 0).'),
        id: z.string().describe('Person id.'),
        name: z.string().nullable().describe('Display name (replaced by a pseudonym under `--anonymize`).'),
        previousScore: z.number().describe('Score in the previous period (same formula, see `Recognition.rising`).'),
        score: z.number().describe('Score in this period, same formula.'),
      }),
    )
    .describe(
      "Largest score gain over the previous period of equal length. Idea figures count only when the previous period's are given too, so both scores use the same formula.",
    ),
  score: z
    .strictObject({
      formula: z.string().describe('The formula in words, e.g. `2 × posts + 1 × replies + …`.'),
      weights: z
        .strictObject({
          firstResponses: z.number(),
          ideasActioned: z.number(),
          ideasRaised: z.number(),
          posts: z.number(),
          reactionsReceived: z.number(),
          replies: z.number(),
          wikiEdits: z.number(),
        })
        .describe('The weights used.'),
    })
    .describe('How the score is computed, for the report to print beside the lists.'),
  thoughtLeaders: z
    .array(
      z.strictObject({
        id: z.string().describe('Person id.'),
        name: z.string().nullable().describe('Display name (replaced by a pseudonym under `--anonymize`).'),
        posts: z.number().describe('Posts in the period (at least `thoughtLeaderMinPosts`).'),
        responsesPerPost: z.number().describe('responsesToPosts / posts.'),
        responsesToPosts: z.number().describe('Replies and reactions by others to those posts, at any time.'),
      }),
    )
    .describe('Most responses per post, among persons with at least `thoughtLeaderMinPosts` posts.'),
  warnings: z.array(z.string()).describe('Why figures are null or partial.'),
});
