import { comparisonsSchema, movementSchema, type Comparisons, type Movement } from '../../../metrics/evidence/index.js';
import { ENGAGEMENT_LEVELS, LEVEL_THRESHOLDS } from '../../../metrics/evidence/migration.js';
import { drawnSection } from '../../drawn-section.js';
import type { MetricsDocument } from '../../json/document.js';
import { benchmarkValue, differenceSentence, migrationSentence, moderationLines } from '../../evidence/sentences.js';
import { chartBlock } from '../chart-block.js';
import { formatCount, formatPercent } from '../format.js';
import { bulletList, heading, NOTE, paragraph, subheading } from '../layout.js';
import { table } from '../table.js';
import { monthLabel, omittedPart } from './common.js';
import type { ReportSection } from './types.js';

/** The two sections' data, read through their schemas (a document built without them has none; a malformed one is a bug). */
export function readComparisons(data: MetricsDocument): Comparisons | null {
  return drawnSection(comparisonsSchema, data.comparisons, 'comparisons');
}

export function readMovement(data: MetricsDocument): Movement | null {
  return drawnSection(movementSchema, data.movement, 'movement');
}

/** Compared to what: published references, the pilot against the rest, moderators' starts, and movement. */
export const comparisonsSection: ReportSection = {
  id: 'comparisons',
  title: 'Compared to what',
  omittedBecause: (data) =>
    readComparisons(data) || readMovement(data) ? null : 'metrics.json holds no comparisons or cohorts.',
  render({ pdf, data }) {
    heading(pdf, 'Compared to what', 200);
    const comparisons = readComparisons(data);
    if (comparisons) {
      benchmarks(pdf, comparisons);
      pilotVsRest(pdf, comparisons);
      moderation(pdf, comparisons);
    } else omittedPart(pdf, 'Benchmarks and comparisons', 'metrics.json holds none.');
    const movement = readMovement(data);
    if (movement) {
      cohorts(pdf, movement);
      migration(pdf, movement);
    } else omittedPart(pdf, 'Cohorts and movement', 'metrics.json holds none.');
  },
};

function benchmarks(pdf: PDFKit.PDFDocument, comparisons: Comparisons): void {
  subheading(pdf, 'Against published figures', 90);
  if (comparisons.benchmarks.length === 0) return paragraph(pdf, 'No reference figure is configured.');
  table(pdf, {
    columns: [
      { header: 'Reference', width: 6 },
      { header: 'Published', width: 1.4, align: 'right' },
      { header: 'This pilot', width: 1.4, align: 'right' },
    ],
    rows: comparisons.benchmarks.map((b, i) => [
      `${b.statement} [${i + 1}]`,
      benchmarkValue(b.figure, b.unit),
      benchmarkValue(b.pilot, b.unit),
    ]),
  });
  paragraph(
    pdf,
    'Published figures describe other organizations and times: a gap is a question to ask, not a verdict. Each source was checked before it shipped; the notes say whom it measured and where the comparison is not like for like.',
    NOTE,
  );
  // The citations, as numbered footnotes below the table.
  bulletList(
    pdf,
    comparisons.benchmarks.map(
      (b, i) =>
        `[${i + 1}] ${b.citation} Population: ${b.population}.${b.caveat ? ` ${b.caveat}` : ''}${b.origin === 'config' ? ' (Added by this organization.)' : ''}`,
    ),
    NOTE,
  );
}

function pilotVsRest(pdf: PDFKit.PDFDocument, comparisons: Comparisons): void {
  subheading(pdf, 'The pilot against the rest of the organization', 90);
  const result = comparisons.pilotVsRest;
  if (!result)
    return omittedPart(
      pdf,
      'Pilot vs rest',
      'the config names no pilot spaces, departments or people (comparison.pilotSpaces).',
    );
  const scope = [
    result.scope.spaces.length > 0 ? `spaces ${result.scope.spaces.join(', ')}` : null,
    result.scope.departments.length > 0 ? `departments ${result.scope.departments.join(', ')}` : null,
    result.scope.people.length > 0 ? `${formatCount(result.scope.people.length)} named people` : null,
  ].filter((x) => x !== null);
  paragraph(
    pdf,
    `The pilot is ${scope.join('; ')}: ${formatCount(result.pilotThreads)} threads in the period, against ${formatCount(result.restThreads)} elsewhere.`,
  );
  bulletList(
    pdf,
    result.figures.map((d) =>
      differenceSentence(d, { first: 'pilot threads', second: 'elsewhere' }, comparisons.minThreads),
    ),
  );
  paragraph(
    pdf,
    `Intervals: Newcombe's method for the answered share, a seeded bootstrap for replies; p from a permutation test (${formatCount(comparisons.resamples)} relabellings, seed ${comparisons.seed}). A difference between groups that chose to join is an association, not proof that the pilot caused it.`,
    NOTE,
  );
}

function moderation(pdf: PDFKit.PDFDocument, comparisons: Comparisons): void {
  subheading(pdf, 'Before and after a moderator started', 90);
  if (comparisons.moderationEffects.length === 0)
    return omittedPart(pdf, 'Before vs after', 'no moderator has a since date in the people file.');
  bulletList(pdf, moderationLines(comparisons.moderationEffects, comparisons.minThreads));
  paragraph(
    pdf,
    'A time series needs 6 months with threads on each side; its intervals assume months independent of each other, so read them as approximate.',
    NOTE,
  );
}

function cohorts(pdf: PDFKit.PDFDocument, movement: Movement): void {
  const { cohorts: rows, months } = movement.cohorts;
  subheading(pdf, 'Cohort retention', 120);
  if (rows.length === 0)
    return paragraph(
      pdf,
      'Nobody was active for the first time in the period: everyone active had been active before it.',
    );
  const width = Math.max(...rows.map((c) => c.active.length));
  table(pdf, {
    columns: [
      { header: 'First active', width: 1.6 },
      { header: 'People', width: 1, align: 'right' },
      ...Array.from({ length: width - 1 }, (_, i) => ({ header: `+${i + 1} mo`, width: 1, align: 'right' as const })),
    ],
    rows: rows.map((c) => [
      monthLabel(c.month),
      formatCount(c.people),
      ...Array.from({ length: width - 1 }, (_, i) => cohortCell(c.shares, c.active, i + 1)),
    ]),
  });
  paragraph(
    pdf,
    'Share of each cohort active (any activity) in each later month. Cohorts smaller than the minimum group size show counts, not shares.',
    NOTE,
  );
  const shown = rows.filter((c) => c.shares !== null && c.active.length > 1);
  if (shown.length === 0) return;
  chartBlock(pdf, {
    title: 'Cohort retention: share still active, by months since first activity',
    chart: {
      kind: 'line',
      categories: Array.from({ length: width }, (_, i) => (i === 0 ? 'First month' : `+${i}`)),
      series: shown.map((c) => ({
        label: monthLabel(c.month),
        values: Array.from({ length: width }, (_, i) => c.shares?.[i] ?? null),
      })),
      categoryAxisTitle: 'Months since first activity',
      valueAxisTitle: 'Share active',
      valueFormat: 'percent',
      valueMax: 1,
      height: 160,
    },
    note: `Cohorts of the period ${monthLabel(months[0] ?? '')} to ${monthLabel(months.at(-1) ?? '')}.`,
  });
}

function cohortCell(shares: readonly number[] | null, active: readonly number[], index: number): string {
  if (index >= active.length) return '';
  const n = active[index] ?? 0;
  return shares ? formatPercent(shares[index]) : `${formatCount(n)} ${n === 1 ? 'person' : 'people'}`;
}

const LEVEL_NAMES: Record<(typeof ENGAGEMENT_LEVELS)[number], string> = {
  inactive: 'Inactive',
  reacting: 'Reacting only',
  occasional: 'Occasional',
  regular: 'Regular',
  core: 'Core',
};

function migration(pdf: PDFKit.PDFDocument, movement: Movement): void {
  subheading(pdf, 'Who moved up, held or dropped', 120);
  const m = movement.migration;
  if (!m) return omittedPart(pdf, 'Migration between levels', 'the period has a single month.');
  paragraph(pdf, migrationSentence(m, monthLabel(m.from), monthLabel(m.to)));
  table(pdf, {
    columns: [
      { header: `${monthLabel(m.from)} \u2192 ${monthLabel(m.to)}`, width: 2 },
      ...ENGAGEMENT_LEVELS.map((l) => ({ header: LEVEL_NAMES[l], width: 1.2, align: 'right' as const })),
    ],
    rows: ENGAGEMENT_LEVELS.map((from) => [
      LEVEL_NAMES[from],
      ...ENGAGEMENT_LEVELS.map((to) => formatCount(m.matrix[from][to])),
    ]),
  });
  paragraph(
    pdf,
    `Levels by contributions (posts, replies, edits) in the month: core ${LEVEL_THRESHOLDS.core} or more, regular ${LEVEL_THRESHOLDS.regular} to ${LEVEL_THRESHOLDS.core - 1}, occasional ${LEVEL_THRESHOLDS.occasional} or ${LEVEL_THRESHOLDS.regular - 1}; reacting only: reactions without contributions. Rows: the first month; columns: the last.`,
    NOTE,
  );
}
