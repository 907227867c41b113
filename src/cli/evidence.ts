import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPARISON_DEFAULTS } from '../config/schema.js';
import type { ResolvedConfig } from '../config/defaults.js';
import { InternalError } from '../errors.js';
import { benchmarkFileSchema, type Reference } from '../metrics/evidence/benchmarks.js';
import { computeComparisons, computeMovement, type Comparisons, type Movement } from '../metrics/evidence/index.js';
import type { SpaceBeforeAfter } from '../metrics/moderation.js';
import type { Engagement, MetricContext } from '../metrics/types.js';
import type { Query } from '../model/query.js';

/** The shipped reference figures (same relative place from `src/cli/` and from `dist/cli/`). */
export const BENCHMARKS_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/benchmarks.json');

/** The built-in references; a broken shipped file is a bug of the package (exit 3), not the user's. */
export function builtInReferences(file: string = BENCHMARKS_FILE): Reference[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InternalError(`${file}: the shipped benchmark file cannot be read`, { cause: error });
  }
  const result = benchmarkFileSchema.safeParse(parsed);
  if (!result.success) throw new InternalError(`${file}: the shipped benchmark file is not valid: ${result.error.issues[0]?.message ?? ''}`);
  return result.data.references;
}

/** The `comparisons` and `movement` sections, from the config's pilot scope, seed and references. */
export async function evidenceSections(
  query: Query,
  ctx: MetricContext,
  config: ResolvedConfig,
  engagement: Engagement,
  moderatedSpaces: readonly SpaceBeforeAfter[],
): Promise<{ comparisons: Comparisons; movement: Movement }> {
  const written = config.comparison ?? {};
  const comparisons = await computeComparisons(query, ctx, {
    scope: { spaces: written.pilotSpaces ?? [], departments: written.pilotDepartments ?? [], people: written.pilotPeople ?? [] },
    options: {
      seed: written.seed ?? COMPARISON_DEFAULTS.seed,
      resamples: written.resamples ?? COMPARISON_DEFAULTS.resamples,
      minThreads: written.minThreads ?? COMPARISON_DEFAULTS.minThreads,
    },
    builtIn: builtInReferences(),
    own: config.benchmarks ?? [],
    engagement,
    moderated: moderatedSpaces.flatMap((s) => (s.after.from ? [{ spaceId: s.spaceId, space: s.space, moderator: s.moderator, since: s.since, sinceAt: s.after.from, until: s.after.until }] : [])),
  });
  return { comparisons, movement: await computeMovement(query, ctx) };
}
