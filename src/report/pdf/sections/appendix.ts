import type { IdentityReconciliation } from '../../json/identities.js';
import { fontName } from '../fonts.js';
import { formatCount, formatPercent } from '../format.js';
import { heading, NOTE, paragraph, subheading } from '../layout.js';
import { DEFAULT_QUESTION_PATTERNS } from '../../../metrics/questions.js';
import { SUMMARY_KPIS } from '../../markdown/summary.js';
import { table } from '../table.js';
import { CONTENT_WIDTH, SPACE, TYPE } from '../theme.js';
import { omittedPart } from './common.js';
import { dataCoverage, lastSegment } from './data-quality.js';
import { METRIC_DEFINITIONS } from './definitions.js';
import type { ReportContext, ReportSection } from './types.js';
import { whoIsCounted } from './who-is-counted.js';

/** Config keys that list people: under `--anonymize` only their count is printed. */
const PERSON_KEYS = new Set(['moderators', 'recognize', 'aliases']);
/** Longest value printed in the configuration table; longer ones are cut with an ellipsis. */
const MAX_VALUE = 400;
/** The setting column never takes more than this share of the width, whatever the longest key. */
const MAX_SETTING_SHARE = 0.5;

/** For the skeptical reader: definitions, data coverage, identities, configuration, version. */
export const appendixSection: ReportSection = {
  id: 'appendix',
  title: 'Appendix: method and data',
  omittedBecause: () => null,
  render({ pdf, data, report }) {
    heading(pdf, 'Appendix: method and data', 200);
    subheading(pdf, 'Metric definitions');
    table(pdf, {
      columns: [
        { header: 'Metric', width: 2.4 },
        { header: 'Definition', width: 8 },
      ],
      rows: METRIC_DEFINITIONS.map(([term, text]) => [term, text]),
    });
    dataCoverage(pdf, data, typeof report.config?.['ideasLedger'] === 'string' ? report.config['ideasLedger'] : null);
    identities(pdf, report.identities);
    whoIsCounted(pdf, data, report);
    configuration(pdf, report);
    subheading(pdf, 'Tool version');
    paragraph(
      pdf,
      `${data.tool.name} ${data.tool.version}, metrics.json schema version ${data.schemaVersion}, template “${report.template.name}”. Every figure in this report comes from metrics.json${report.anonymized ? '; names were replaced by stable pseudonyms (--anonymize)' : ''}.`,
    );
  },
};

function identities(pdf: PDFKit.PDFDocument, reconciliation: IdentityReconciliation | null): void {
  if (!reconciliation) return omittedPart(pdf, 'Identity reconciliation', 'metrics.json holds no identity figures.');
  subheading(pdf, 'Identity reconciliation');
  paragraph(
    pdf,
    `Identities are merged by lower-cased e-mail, else kept per source as source:userId; the configured aliases merged ${formatCount(reconciliation.aliasMerges)} more. ${formatCount(reconciliation.persons)} persons in all, ${formatCount(reconciliation.mergedAcrossSources)} of them seen in more than one source.`,
  );
  table(pdf, {
    columns: [
      { header: 'Source', width: 2.6 },
      { header: 'Identities seen', width: 1.4, align: 'right' },
      { header: 'Persons', width: 1.2, align: 'right' },
      { header: 'Bots excluded', width: 1.3, align: 'right' },
      { header: 'Without e-mail (not merged)', width: 1.8, align: 'right' },
    ],
    rows: reconciliation.sources.map((source) => [
      `${source.source}: ${lastSegment(source.path)}`,
      formatCount(source.identitiesSeen),
      formatCount(source.persons),
      formatCount(source.botsExcluded),
      formatCount(source.unmatched),
    ]),
  });
}

function configuration(pdf: PDFKit.PDFDocument, report: ReportContext): void {
  if (!report.config) return omittedPart(pdf, 'Configuration used', 'the configuration was not passed to the report.');
  subheading(pdf, 'Configuration used');
  const rows = usedRows(configRows(report.config, report.anonymized), report);
  if (rows.length === 0) paragraph(pdf, 'Every setting at its default.', NOTE);
  else {
    const setting = settingWidth(
      pdf,
      rows.map((row) => row[0] ?? ''),
    );
    table(pdf, {
      columns: [
        { header: 'Setting', width: setting },
        { header: 'Value', width: CONTENT_WIDTH - setting },
      ],
      rows,
    });
  }
}

/**
 * Points the setting column needs so that no dotted key breaks mid-word
 * (`businessCase.minutesSavedPerAnsweredQuestion`): the widest key at the table's size plus the
 * cell padding, capped so the value column keeps room.
 */
function settingWidth(pdf: PDFKit.PDFDocument, keys: readonly string[]): number {
  pdf.font(fontName('regular', false)).fontSize(TYPE.table);
  const widest = Math.max(0, ...keys.map((key) => pdf.widthOfString(key)));
  pdf.font(fontName('bold', false));
  const header = pdf.widthOfString('Setting');
  // One point of slack: pdfkit wraps when a word is not strictly narrower than the line.
  return Math.min(Math.max(widest, header) + 2 * SPACE.cellPadding + 1, CONTENT_WIDTH * MAX_SETTING_SHARE);
}

/**
 * What the run actually used where the config alone does not say it: moderators named in the
 * people file rather than in `moderators`, and an empty list said in words rather than "(none)".
 */
function usedRows(rows: string[][], report: ReportContext): string[][] {
  const people = typeof report.config?.['people'] === 'string' ? lastSegment(report.config['people']) : null;
  const moderators = report.moderation?.moderatorCount ?? 0;
  return rows.map(([key = '', value = '']) => {
    if (key === 'moderators' && value === '(none)') {
      return [
        key,
        moderators > 0 && people
          ? `${formatCount(moderators)} from the people file (${people}, role moderator)`
          : 'none named',
      ];
    }
    return [key, value === '(none)' ? 'none' : value];
  });
}

/**
 * The resolved configuration as `dotted.key = value` rows, sorted by key. Lists are joined with
 * commas; under `--anonymize` lists of people print only their length.
 */
export function configRows(config: Readonly<Record<string, unknown>>, anonymized: boolean, prefix = ''): string[][] {
  const rows: string[][] = [];
  for (const key of Object.keys(config).sort()) {
    const value = config[key];
    const path = `${prefix}${key}`;
    if (value === undefined || value === null) continue;
    if (anonymized && PERSON_KEYS.has(key) && Array.isArray(value))
      rows.push([path, `${formatCount(value.length)} entries (hidden: --anonymize)`]);
    else if (key === 'targets' && Array.isArray(value)) rows.push(...targetRows(path, value));
    else if (
      key === 'questionPatterns' &&
      Array.isArray(value) &&
      value.join('\n') === DEFAULT_QUESTION_PATTERNS.join('\n')
    ) {
      rows.push([path, 'default: a question mark, or a question word at the start (see Question in the definitions)']);
    } else if (isRecord(value)) rows.push(...configRows(value, anonymized, `${path}.`));
    else rows.push([path, shorten(printValue(value))]);
  }
  return rows;
}

/** One row per target, in words: `Active people ≥ 40 (error): At least 40 active people`. */
function targetRows(path: string, targets: readonly unknown[]): string[][] {
  if (targets.length === 0) return [[path, '(none)']];
  const ops: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=', '!=': '≠' };
  return targets.map((target, index) => {
    const t = isRecord(target) ? target : {};
    const metric = typeof t['metric'] === 'string' ? metricName(t['metric']) : 'a figure';
    const op = typeof t['op'] === 'string' ? (ops[t['op']] ?? t['op']) : '';
    const level = t['level'] === 'warn' ? 'warning' : 'error';
    const message = typeof t['message'] === 'string' ? `: ${t['message']}` : '';
    const raw = t['value'];
    const isShare =
      typeof t['metric'] === 'string' && /(Rate|Share|retention|stickiness|conversion)/i.test(t['metric']);
    const value =
      typeof raw === 'number'
        ? isShare && Math.abs(raw) <= 1
          ? formatPercent(raw)
          : Number.isInteger(raw)
            ? formatCount(raw)
            : String(raw)
        : '';
    return [`${path} ${index + 1}`, `${metric} ${op} ${value} (${level})${message}`];
  });
}

/** `conversations.questions.answeredRate` -> `Questions: answered rate`, for readers. */
export function metricName(path: string): string {
  const known = SUMMARY_KPIS.find((kpi) => kpi.path === path);
  if (known) return known.label;
  const parts = path.split('.').filter((p) => !/^(-?\d+|totals)$/.test(p));
  const words = (p: string): string => p.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const last = words(parts[parts.length - 1] ?? path);
  const owner = parts.length > 1 ? words(parts[parts.length - 2] ?? '') : '';
  const text = owner ? `${owner}: ${last}` : last;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function printValue(value: unknown): string {
  if (Array.isArray(value))
    return value.length === 0
      ? '(none)'
      : value.map((item) => (typeof item === 'object' ? spacedJson(item) : String(item))).join(', ');
  return typeof value === 'object' ? spacedJson(value) : String(value);
}

/**
 * JSON on one line with a space after each `,` and `:` so that long values (the targets) wrap
 * between fields, not mid-word. Newlines inside strings are escaped, so only the layout's go.
 */
function spacedJson(value: unknown): string {
  return (JSON.stringify(value, null, 1) ?? String(value)).replace(/\n\s*/g, ' ');
}

function shorten(text: string): string {
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
