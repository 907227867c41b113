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
  figure: z.number().min(0).describe('The reference figure: a fraction for `share` (0.31 = 31 %), a plain number for `ratio`.'),
  unit: z.enum(['share', 'ratio']).describe('`share` is printed as a percentage, `ratio` as "2.0 x".'),
  compareWith: z
    .enum(COMPARABLE_FIGURES)
    .describe('The pilot figure it is set against: `nonContributorShare` (1 - contributors / activePeople), `contributorShare` (contributors / activePeople), `top10Share`, `repliesPerPost` (replies / posts).'),
  population: z.string().min(1).describe('Whom the figure was measured on (organizations, communities, people, time).'),
  caveat: z.string().min(1).nullable().describe('Why the comparison is not like for like, when it is not; null otherwise.'),
  source: referenceSourceSchema,
});

/** A published (or the organization's own) reference figure with its source. */
export type Reference = z.infer<typeof referenceSchema>;

/** The shipped reference file (`data/benchmarks.json`). */
export const benchmarkFileSchema = z.strictObject({
  version: z.number().int().min(1),
  checked: z.string().describe('Date (YYYY-MM-DD) every figure was last checked at its source.'),
  references: z.array(referenceSchema),
});

export const benchmarkSchema = referenceSchema.extend({
  origin: z.enum(['built-in', 'config']).describe('`built-in`: shipped with pilot-report (checked at the source); `config`: added by the organization (`benchmarks` in the config).'),
  pilot: z.number().nullable().describe('The pilot figure named by `compareWith`; null when the pilot has none (no contributors, no posts).'),
  citation: z.string().describe('The footnote: author or organization, title, year and address.'),
});

/** A reference set against the pilot. */
export type Benchmark = z.infer<typeof benchmarkSchema>;

/** The engagement figures the comparisons read. */
export interface PilotFigures {
  activePeople: number;
  contributors: number;
  posts: number | null;
  replies: number | null;
  top10Share: number | null;
}

export function pilotFigure(figure: ComparableFigure, pilot: PilotFigures): number | null {
  switch (figure) {
    case 'nonContributorShare':
      return pilot.activePeople > 0 ? 1 - pilot.contributors / pilot.activePeople : null;
    case 'contributorShare':
      return pilot.activePeople > 0 ? pilot.contributors / pilot.activePeople : null;
    case 'top10Share':
      return pilot.top10Share;
    case 'repliesPerPost':
      return pilot.posts && pilot.replies !== null ? pilot.replies / pilot.posts : null;
  }
}

/** "Jakob Nielsen (Nielsen Norman Group), The 90-9-1 Rule…, 2006. https://…" */
export function citationOf(source: Reference['source']): string {
  const who = [source.author, source.organization ? (source.author ? `(${source.organization})` : source.organization) : null].filter((x) => x !== null).join(' ');
  const parts = [who, source.title, String(source.year)].filter((x) => x.length > 0).join(', ');
  return source.url ? `${parts}. ${source.url}` : `${parts}.`;
}

/** Every reference, built-in first, then the organization's own, set against the pilot's figure. */
export function computeBenchmarks(builtIn: readonly Reference[], own: readonly Reference[], pilot: PilotFigures): Benchmark[] {
  const set = (reference: Reference, origin: Benchmark['origin']): Benchmark => ({
    ...reference,
    origin,
    pilot: pilotFigure(reference.compareWith, pilot),
    citation: citationOf(reference.source),
  });
  return [...builtIn.map((r) => set(r, 'built-in')), ...own.map((r) => set(r, 'config'))];
}
