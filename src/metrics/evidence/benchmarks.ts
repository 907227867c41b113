import { z } from 'zod';
import { referenceSchema, type ComparableFigure } from '../../config/benchmark-reference.js';

export {
  COMPARABLE_FIGURES,
  referenceSchema,
  referenceSourceSchema,
  type ComparableFigure,
} from '../../config/benchmark-reference.js';

/** A published (or the organization's own) reference figure with its source. */
export type Reference = z.infer<typeof referenceSchema>;

/** The shipped reference file (`data/benchmarks.json`). */
export const benchmarkFileSchema = z.strictObject({
  version: z.number().int().min(1),
  checked: z.string().describe('Date (YYYY-MM-DD) every figure was last checked at its source.'),
  references: z.array(referenceSchema),
});

export const benchmarkSchema = referenceSchema.extend({
  origin: z
    .enum(['built-in', 'config'])
    .describe(
      '`built-in`: shipped with pilot-report (checked at the source); `config`: added by the organization (`benchmarks` in the config).',
    ),
  pilot: z
    .number()
    .nullable()
    .describe('The pilot figure named by `compareWith`; null when the pilot has none (no contributors, no posts).'),
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
  const who = [
    source.author,
    source.organization ? (source.author ? `(${source.organization})` : source.organization) : null,
  ]
    .filter((x) => x !== null)
    .join(' ');
  const parts = [who, source.title, String(source.year)].filter((x) => x.length > 0).join(', ');
  return source.url ? `${parts}. ${source.url}` : `${parts}.`;
}

/** Every reference, built-in first, then the organization's own, set against the pilot's figure. */
export function computeBenchmarks(
  builtIn: readonly Reference[],
  own: readonly Reference[],
  pilot: PilotFigures,
): Benchmark[] {
  const set = (reference: Reference, origin: Benchmark['origin']): Benchmark => ({
    ...reference,
    origin,
    pilot: pilotFigure(reference.compareWith, pilot),
    citation: citationOf(reference.source),
  });
  return [...builtIn.map((r) => set(r, 'built-in')), ...own.map((r) => set(r, 'config'))];
}
