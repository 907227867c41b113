/**
 * What `pilot-report validate` found, as data (`--json`) and as the text report a person reads.
 */
import type { SourceQuality } from '../../metrics/types.js';
import { formatCount } from '../progress.js';
import type { ReadinessItem } from '../readiness.js';

/** An input that could not be used at all, with the error message (first line: place and problem). */
export interface InputFailure {
  input: string;
  message: string;
}

/** The outcome of validating a set of inputs; also the `--json` document. */
export interface ValidationResult {
  /** True when the inputs can make a report: no failed input, something used, and no problem under --strict. */
  usable: boolean;
  /** Why the inputs are not usable, besides the failed inputs (nothing used, problems under --strict). */
  reasons: string[];
  /** One entry per export read, as in metrics.json `sources[]` (counts after duplicates and bots). */
  sources: SourceQuality[];
  failures: InputFailure[];
  /** Row problems in side files (the people file), as `file:line: detail`. */
  sideProblems: string[];
  /** Every problem found: in the exports (all of them, not only those listed) and in side files. */
  problemCount: number;
  strict: boolean;
  /** What the report will lack, and the setting or file that fixes each (empty when nothing). */
  readiness: ReadinessItem[];
}

/** How many problems per source the text report lists; `--json` has the first 20. */
const PROBLEMS_LISTED = 5;

/** The text report: one block per source, the failed inputs, then a verdict line. Ends with a newline. */
export function renderValidation(result: ValidationResult): string {
  const lines: string[] = [];
  for (const source of result.sources) lines.push(...sourceBlock(source));
  for (const failure of result.failures) {
    lines.push(`${failure.input}: cannot be used`, `  ${failure.message.split('\n')[0] ?? ''}`);
  }
  if (result.sideProblems.length > 0) {
    lines.push(
      `side files: ${result.sideProblems.length} problem(s)`,
      ...result.sideProblems.slice(0, PROBLEMS_LISTED).map((p) => `  ${p}`),
    );
  }
  if (result.readiness.length > 0) {
    lines.push(
      '',
      'readiness: what the report will lack, and how to fix it',
      ...result.readiness.flatMap((item) => [`  - ${item.finding}`, `    fix: ${item.fix}`]),
    );
  }
  lines.push('', verdict(result));
  return `${lines.join('\n')}\n`;
}

function sourceBlock(source: SourceQuality): string[] {
  const { read, used, skipped, skippedByReason } = source.records;
  const reasons = Object.entries(skippedByReason).map(([reason, n]) => `${reason} ${formatCount(n)}`);
  const lines = [
    `${source.path} (${source.kind})`,
    `  files: ${source.files}`,
    `  records: read ${formatCount(read)}, used ${formatCount(used)}, skipped ${formatCount(skipped)}${reasons.length > 0 ? ` (${reasons.join(', ')})` : ''}`,
    `  dates: ${source.firstAt === null ? 'none used' : `${source.firstAt} .. ${source.lastAt ?? source.firstAt}`}`,
    `  problems: ${source.problemCount}`,
    ...source.warnings.slice(0, PROBLEMS_LISTED).map((w) => `    ${w}`),
  ];
  if (source.problemCount > PROBLEMS_LISTED) lines.push(`    ... and ${source.problemCount - PROBLEMS_LISTED} more`);
  lines.push(...source.notes.map((n) => `  note: ${n}`));
  return lines;
}

function verdict(result: ValidationResult): string {
  const used = result.sources.reduce((n, s) => n + s.records.used, 0);
  const read = result.sources.reduce((n, s) => n + s.records.read, 0);
  const counted = `${result.sources.length} source(s), ${formatCount(used)} of ${formatCount(read)} record(s) used, ${formatCount(result.problemCount)} problem(s)`;
  if (result.usable) return `usable: ${counted}`;
  const why = [...result.failures.map((f) => `${f.input} cannot be used`), ...result.reasons];
  return `not usable: ${why.join('; ')} (${counted})`;
}
