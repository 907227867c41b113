/**
 * The Markdown KPI summary (`--markdown`, and `$GITHUB_STEP_SUMMARY` in CI): one table of the
 * headline KPIs with their change against the baseline and their target status, plus the period
 * and the sources the figures come from.
 */
import { titleFor } from '../period-label.js';
import { comparisonLines } from './comparisons.js';
import type { BaselineDelta, TargetResult } from '../../metrics/targets.js';
import { valueAtMetricPath } from '../../metrics/targets.js';
import type { MetricsDocument } from '../json/document.js';
import { formatDelta, formatValue, guessFormat, type ValueFormat } from './format.js';
import { intervalSchema } from '../../metrics/uncertainty/interval.js';
import { intervalText } from '../interval-text.js';
import { drawnSection } from '../drawn-section.js';

/** One row of the summary table. */
export interface SummaryKpi {
  /** Dotted path into metrics.json. */
  path: string;
  label: string;
  format: ValueFormat;
}

/** The headline KPIs, in table order; also the paths compared with a baseline. */
export const SUMMARY_KPIS: readonly SummaryKpi[] = [
  { path: 'engagement.totals.activePeople', label: 'Active people', format: 'count' },
  { path: 'engagement.totals.contributors', label: 'Contributors', format: 'count' },
  { path: 'engagement.totals.newContributors', label: 'New contributors', format: 'count' },
  { path: 'engagement.totals.posts', label: 'Posts', format: 'count' },
  { path: 'engagement.totals.replies', label: 'Replies', format: 'count' },
  { path: 'engagement.totals.reactions', label: 'Reactions', format: 'count' },
  { path: 'engagement.totals.wikiEdits', label: 'Wiki edits', format: 'count' },
  { path: 'conversations.threads', label: 'Threads started', format: 'count' },
  { path: 'conversations.answeredRate', label: 'Answered threads', format: 'percent' },
  { path: 'conversations.questions.answeredRate', label: 'Questions answered', format: 'percent' },
  { path: 'conversations.medianHoursToFirstResponse', label: 'Median time to first response', format: 'hours' },
  { path: 'ideas.funnel.raised', label: 'Ideas raised', format: 'count' },
  { path: 'ideas.funnel.actioned', label: 'Ideas actioned', format: 'count' },
];

/** The paths of `SUMMARY_KPIS`, for `baselineDeltas`. */
export const SUMMARY_KPI_PATHS: readonly string[] = SUMMARY_KPIS.map((kpi) => kpi.path);

/** A file the run wrote, as the summary lists it. */
export interface SummaryOutput {
  /** What it is: `PDF report`, `Slide deck`. */
  label: string;
  /** Where it went, as given on the command line or in the config. */
  path: string;
}

/** Options of the summary. */
export interface SummaryOptions {
  /** Heading; default "Pilot report summary". */
  title?: string;
  /** The run's other outputs; the list is left out when empty or not given. */
  outputs?: readonly SummaryOutput[];
}

const OPERATOR_SIGNS: Record<TargetResult['op'], string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '==': '=',
  '!=': '≠',
};

/** A table cell: no line breaks, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|');
}

function numberAt(doc: MetricsDocument, path: string): number | null {
  const value = valueAtMetricPath(doc, path);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function targetCell(results: readonly TargetResult[], format: ValueFormat): string {
  if (results.length === 0) return '—';
  return results
    .map((result) => {
      const target = `${OPERATOR_SIGNS[result.op]} ${formatValue(result.expected, format)}`;
      if (result.passed) return `✅ ${target}`;
      const mark = result.level === 'error' ? '❌' : '⚠️';
      return result.actual === null ? `${mark} ${target} (not computed)` : `${mark} ${target}`;
    })
    .join('<br>');
}

function deltaCell(deltas: Readonly<Record<string, BaselineDelta>> | null, path: string, format: ValueFormat): string {
  const delta = deltas?.[path];
  return delta ? formatDelta(delta.delta, delta.deltaPct, format) : '—';
}

/** The value, with its 95 % range when metrics.json has `<path>Interval` (the PDF's words). */
function valueCell(doc: MetricsDocument, kpi: SummaryKpi): string {
  const plain = formatValue(numberAt(doc, kpi.path), kpi.format);
  const interval = drawnSection(intervalSchema, valueAtMetricPath(doc, `${kpi.path}Interval`), `${kpi.path}Interval`);
  return interval ? intervalText(interval, (v) => formatValue(v, kpi.format), plain) : plain;
}

/** The table rows: the headline KPIs, then any other metric a target names. */
function rows(doc: MetricsDocument, targets: readonly TargetResult[]): SummaryKpi[] {
  const listed = new Set(SUMMARY_KPI_PATHS);
  const extra = [...new Set(targets.map((t) => t.metric))].filter((path) => !listed.has(path));
  return [
    ...SUMMARY_KPIS,
    ...extra.map((path) => ({ path, label: path, format: guessFormat(path, numberAt(doc, path)) })),
  ];
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` of an instant in a zone. */
function localDay(instantMs: number, timeZone: string): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(instantMs)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** "2026-07-01 to 2026-09-30 (Europe/Paris)": the last day shown is the one before `until` (exclusive). */
function periodLine(doc: MetricsDocument): string {
  const { since, until, timeZone } = doc.period;
  const last = Date.parse(until) - 1;
  return `**Period:** ${localDay(Date.parse(since), timeZone)} to ${localDay(last, timeZone)} (${timeZone})`;
}

function sourcesLine(doc: MetricsDocument): string {
  if (doc.sources.length === 0) return '**Sources:** none';
  const count = (n: number): string => formatValue(n, 'count');
  const parts = doc.sources.map((source) => {
    const files = `${count(source.files)} file${source.files === 1 ? '' : 's'}`;
    return `${source.kind} \`${source.path.replace(/`/g, "'")}\` (${files}, ${count(source.records.used)} of ${count(source.records.read)} records used)`;
  });
  return `**Sources:** ${parts.join('; ')}`;
}

function targetsLine(results: readonly TargetResult[]): string | null {
  if (results.length === 0) return null;
  const met = results.filter((r) => r.passed).length;
  const failedErrors = results.filter((r) => !r.passed && r.level === 'error').length;
  const failedWarnings = results.filter((r) => !r.passed && r.level === 'warn').length;
  return `**Targets:** ${met} of ${results.length} met; ${failedErrors} error-level and ${failedWarnings} warning-level not met.`;
}

/**
 * Renders the summary. `deltas` is null when there is no baseline (the change column then shows
 * "—"); targets on metrics outside the headline list get their own rows, labelled by path.
 */
export function renderMarkdownSummary(
  doc: MetricsDocument,
  targetResults: readonly TargetResult[],
  deltas: Readonly<Record<string, BaselineDelta>> | null,
  options: SummaryOptions = {},
): string {
  const lines = [
    `## ${cell(titleFor(options.title ?? 'Pilot report summary', doc.period))}`,
    '',
    `${periodLine(doc)}  `,
    sourcesLine(doc),
    '',
  ];
  lines.push('| KPI | Value | Change vs baseline | Target |', '|---|---:|---:|---|');
  for (const kpi of rows(doc, targetResults)) {
    const results = targetResults.filter((r) => r.metric === kpi.path);
    const value = valueCell(doc, kpi);
    lines.push(
      `| ${cell(kpi.label)} | ${value} | ${deltaCell(deltas, kpi.path, kpi.format)} | ${targetCell(results, kpi.format)} |`,
    );
  }
  const targets = targetsLine(targetResults);
  if (targets) lines.push('', targets);
  lines.push(...comparisonLines(doc, cell));
  const outputs = options.outputs ?? [];
  if (outputs.length > 0)
    lines.push('', '**Outputs:**', '', ...outputs.map((o) => `- ${cell(o.label)}: \`${o.path.replace(/`/g, "'")}\``));
  return `${lines.join('\n')}\n`;
}
