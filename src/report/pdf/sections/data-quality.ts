import { LEDGER_PROBLEM_REASONS, ledgerReason } from '../../../metrics/ideas/ledger-problems.js';
import type { SourceQuality } from '../../../metrics/types.js';
import { ideasSectionSchema } from '../../../metrics/ideas/schema.js';
import { drawnSection } from '../../drawn-section.js';
import type { MetricsDocument } from '../../json/document.js';
import { formatCount, formatRange, MISSING } from '../format.js';
import { bulletList, paragraph, subheading } from '../layout.js';
import { table } from '../table.js';
import { readableWarning } from './readable-warning.js';

/** How many problem locations per source the PDF lists; metrics.json keeps more. */
const WARNINGS_SHOWN = 3;

/** Data coverage (appendix): per input what was read, used and skipped and why, notes and first problems. */
export function dataCoverage(pdf: PDFKit.PDFDocument, data: MetricsDocument, ledgerFile: string | null = null): void {
  // Kept with the paragraph and the first rows of the table below.
  subheading(pdf, 'Data coverage per source', 110);
  if (data.sources.length === 0) {
    paragraph(pdf, 'No input source was read.');
  } else {
    paragraph(
      pdf,
      'Every record read from each input was either used or skipped for a stated reason: read = used + skipped.',
    );
    table(pdf, {
      columns: [
        { header: 'Source', width: 1.5 },
        { header: 'Path', width: 2.4 },
        { header: 'Files', width: 0.8, align: 'right' },
        { header: 'Read', width: 1, align: 'right' },
        { header: 'Used', width: 1, align: 'right' },
        { header: 'Skipped (by reason)', width: 2.2 },
        { header: 'Records dated', width: 2.3 },
      ],
      rows: data.sources.map((source) => countsRow(source, data.period.timeZone)),
    });
    subheading(pdf, 'What each source cannot record, and first problems found');
    table(pdf, {
      columns: [
        { header: 'Source', width: 2.2 },
        { header: 'Fields missing and notes', width: 3.6 },
        { header: 'First problems found', width: 5 },
      ],
      rows: data.sources.map(notesRow),
    });
  }
  ledgerRows(pdf, data, ledgerFile);
  if (data.warnings.length > 0) {
    subheading(pdf, 'Remarks on this run');
    bulletList(pdf, data.warnings.map(readableWarning));
  }
}

/**
 * The ideas ledger's rows that were not applied: mistakes first (a row naming no idea is a
 * problem to fix), then rows this period does not cover. Nothing when no ledger was given.
 */
function ledgerRows(pdf: PDFKit.PDFDocument, data: MetricsDocument, ledgerFile: string | null): void {
  if (!ledgerFile) return;
  const misses = drawnSection(
    ideasSectionSchema.shape.ledgerUnmatched,
    data.ideas?.ledgerUnmatched,
    'ideas.ledgerUnmatched',
  );
  if (!misses) return;
  subheading(pdf, 'Ideas ledger: rows not applied');
  const problems = misses.filter((m) => LEDGER_PROBLEM_REASONS.has(m.reason));
  if (misses.length === 0) {
    paragraph(pdf, `Every row of ${lastSegment(ledgerFile)} was applied to an idea.`);
    return;
  }
  const outside = misses.length - problems.length;
  paragraph(
    pdf,
    `${formatCount(problems.length)} ${problems.length === 1 ? 'row is a problem' : 'rows are problems'} to fix in ${lastSegment(ledgerFile)}${outside > 0 ? `; ${formatCount(outside)} ${outside === 1 ? 'row is' : 'rows are'} about another period` : ''}.`,
  );
  const ordered = [...problems, ...misses.filter((m) => !LEDGER_PROBLEM_REASONS.has(m.reason))];
  table(pdf, {
    columns: [
      { header: 'Line', width: 0.8, align: 'right' },
      { header: 'Idea (as written)', width: 4.6 },
      { header: 'Stage', width: 1.2 },
      { header: 'Why not applied', width: 4 },
    ],
    rows: ordered.map((m) => [
      m.line === null ? MISSING : formatCount(m.line),
      m.idea,
      m.stage,
      `${ledgerReason(m.reason).replace(/^is /, '')}${LEDGER_PROBLEM_REASONS.has(m.reason) ? ' (problem)' : ''}`,
    ]),
  });
}

/** `12: bot 4, deleted 8`, reasons sorted by name so the output is stable. */
export function skippedText(records: SourceQuality['records']): string {
  const reasons = Object.entries(records.skippedByReason)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([reason, count]) => `${reason} ${formatCount(count)}`);
  return reasons.length > 0 ? `${formatCount(records.skipped)}: ${reasons.join(', ')}` : formatCount(records.skipped);
}

function countsRow(source: SourceQuality, timeZone: string): string[] {
  return [
    source.kind,
    source.path,
    formatCount(source.files),
    formatCount(source.records.read),
    formatCount(source.records.used),
    skippedText(source.records),
    formatRange(source.firstAt, source.lastAt, timeZone),
  ];
}

function notesRow(source: SourceQuality): string[] {
  // No note is nothing to say: the cell stays blank rather than print a dash that reads as a missing figure.
  const notes = source.notes.join('; ');
  const shown = source.warnings.slice(0, WARNINGS_SHOWN);
  const more = source.problemCount - shown.length;
  const problems =
    shown.length === 0
      ? source.problemCount > 0
        ? `${formatCount(source.problemCount)} problems`
        : 'None'
      : [...shown, ...(more > 0 ? [`and ${formatCount(more)} more (see metrics.json)`] : [])].join('\n');
  return [`${source.kind}: ${lastSegment(source.path)}`, notes, problems];
}

/** The file or folder name at the end of a path (the full path is in the table above). */
export function lastSegment(path: string): string {
  const parts = path.split(/[\\/]/).filter((part) => part.length > 0);
  return parts[parts.length - 1] ?? path;
}
