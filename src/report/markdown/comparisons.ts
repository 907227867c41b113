import { comparisonsSchema, movementSchema } from '../../metrics/evidence/index.js';
import { drawnSection } from '../drawn-section.js';
import type { MetricsDocument } from '../json/document.js';
import { benchmarkValue, differenceSentence, migrationSentence, moderationLines } from '../evidence/sentences.js';

/**
 * The Markdown summary's "Compared to what" lines: the same sentences as the PDF's section
 * (report/evidence/sentences.ts), shorter: references with their sources, the pilot vs the rest,
 * moderators' starts and who moved between levels. Empty when metrics.json holds none.
 */
export function comparisonLines(doc: MetricsDocument, cell: (text: string) => string): string[] {
  const comparisons = drawnSection(comparisonsSchema, doc.comparisons, 'comparisons');
  const movement = drawnSection(movementSchema, doc.movement, 'movement');
  if (!comparisons && !movement) return [];
  const lines = ['', '**Compared to what:**', ''];
  if (comparisons) {
    const c = comparisons;
    for (const b of c.benchmarks) {
      lines.push(
        `- ${cell(b.statement)} Published ${benchmarkValue(b.figure, b.unit)}, this pilot ${benchmarkValue(b.pilot, b.unit)} (${cell(b.citation)})`,
      );
    }
    if (c.pilotVsRest) {
      for (const d of c.pilotVsRest.figures)
        lines.push(
          `- Pilot vs rest: ${cell(differenceSentence(d, { first: 'pilot threads', second: 'elsewhere' }, c.minThreads))}`,
        );
    }
    for (const line of moderationLines(c.moderationEffects, c.minThreads)) lines.push(`- ${cell(line)}`);
  }
  if (movement?.migration) {
    const m = movement.migration;
    lines.push(`- ${cell(migrationSentence(m, m.from, m.to))}`);
  }
  return lines;
}
