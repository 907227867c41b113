/**
 * The shape of a reference figure with its source: the config's `benchmarks` and the shipped
 * `data/benchmarks.json` share it, and the config may not import the metrics, so it lives here.
 */
import { z } from 'zod';

/** Pilot figures a reference can be set against (each computed from the engagement section). */
export const COMPARABLE_FIGURES = ['nonContributorShare', 'contributorShare', 'top10Share', 'repliesPerPost'] as const;
export type ComparableFigure = (typeof COMPARABLE_FIGURES)[number];

export const referenceSourceSchema = z.strictObject({
  author: z.string().min(1).nullable().describe('Author, or null for a publication by an organization.'),
  organization: z.string().min(1).nullable().describe('Publishing organization, or null.'),
  title: z.string().min(1).describe('Title of the publication (or of the internal report).'),
  year: z.number().int().min(1900).max(9999).describe('Year of publication.'),
  url: z.string().min(1).nullable().describe('Where the figure can be checked; null for an internal document.'),
});

export const referenceSchema = z.strictObject({
  id: z.string().min(1).describe('Stable identifier, e.g. `nielsen-2006-participation-inequality`.'),
  statement: z.string().min(1).describe('The published finding, in one sentence.'),
  figure: z
    .number()
    .min(0)
    .describe('The reference figure: a fraction for `share` (0.31 = 31 %), a plain number for `ratio`.'),
  unit: z.enum(['share', 'ratio']).describe('`share` is printed as a percentage, `ratio` as "2.0 x".'),
  compareWith: z
    .enum(COMPARABLE_FIGURES)
    .describe(
      'The pilot figure it is set against: `nonContributorShare` (1 - contributors / activePeople), `contributorShare` (contributors / activePeople), `top10Share`, `repliesPerPost` (replies / posts).',
    ),
  population: z.string().min(1).describe('Whom the figure was measured on (organizations, communities, people, time).'),
  caveat: z
    .string()
    .min(1)
    .nullable()
    .describe('Why the comparison is not like for like, when it is not; null otherwise.'),
  source: referenceSourceSchema.describe(
    'Where the figure was published: author or organization, title, year, address.',
  ),
});
