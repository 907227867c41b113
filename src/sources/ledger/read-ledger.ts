import { InputError } from '../../errors.js';
import { isLedgerDate, LEDGER_STAGES, type LedgerRow } from '../../model/ledger-row.js';
import { openCsv } from '../shared/csv-records.js';
import type { InputFile, Problem } from '../types.js';

/** Columns a ledger must have; `note` and `value` are optional. */
const REQUIRED = ['idea', 'stage', 'date'] as const;
/** A plain, currency-less number: `12000`, `-50.5`. */
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Largest yearly value one idea may carry (in the report currency): sums of such stay finite and printable. */
export const MAX_IDEA_VALUE = 1e12;

/** A long digit string named by its start and length, not printed whole. */
function shortNumber(text: string): string {
  return text.length <= 24 ? `"${text}"` : `"${text.slice(0, 12)}…" (${text.length} characters)`;
}

/** What reading the ledger gives: the valid rows, and how many data rows were read and set aside. */
export interface LedgerRead {
  rows: LedgerRow[];
  read: number;
  skipped: number;
}

/**
 * Reads the ideas ledger (`--ideas ledger.csv`: `idea, stage, date, note, value`; see
 * `metrics/ideas/ledger.ts` for what the cells mean). A bad row is reported through `report` with
 * its line and set aside; the read goes on. A file without one of the required columns cannot be
 * used at all (InputError, exit 2).
 */
export async function readLedger(file: InputFile, report: (problem: Problem) => void): Promise<LedgerRead> {
  const table = await openCsv(file, report);
  const missing = REQUIRED.filter((c) => !table.has(c));
  if (table.columns.length > 0 && missing.length > 0) {
    throw new InputError(
      file.displayPath,
      table.headerLine,
      `the ideas ledger has no column ${missing.map((c) => `"${c}"`).join(', ')}`,
      {
        hint: 'the ledger needs the columns idea, stage, date (and optionally note, value)',
      },
    );
  }
  const out: LedgerRead = { rows: [], read: 0, skipped: 0 };
  for await (const item of table.rows()) {
    out.read += 1;
    if (item.type === 'malformed') {
      out.skipped += 1;
      continue;
    }
    const { row, problems } = parseLedgerRecord(item.fields, file.displayPath, item.line);
    problems.forEach(report);
    if (row) out.rows.push(row);
    else out.skipped += 1;
  }
  return out;
}

/**
 * One CSV record (normalized header -> cell) to a ledger row. A row without `idea`, `stage` or
 * `date`, or with an unknown stage or a bad date, is null with a problem; a `value` that is not a
 * plain number is a problem and the row is kept without a value.
 */
export function parseLedgerRecord(
  fields: Readonly<Record<string, string>>,
  file: string,
  line: number | null,
): { row: LedgerRow | null; problems: Problem[] } {
  const cell = (name: string): string => (fields[name] ?? '').trim();
  const problem = (reason: string, detail: string): Problem => ({ file, line, reason, detail });
  const missing = REQUIRED.filter((c) => cell(c) === '');
  if (missing.length > 0)
    return { row: null, problems: [problem('missingField', `ledger row without ${missing.join(', ')}`)] };
  const stage = LEDGER_STAGES.find((s) => s === cell('stage').toLowerCase());
  if (!stage)
    return {
      row: null,
      problems: [problem('malformed', `column "stage": "${cell('stage')}" is not one of ${LEDGER_STAGES.join(', ')}`)],
    };
  const date = cell('date');
  if (!isLedgerDate(date)) {
    return {
      row: null,
      problems: [
        problem('malformed', `column "date": "${date}" is not a date (YYYY-MM-DD, or an ISO instant with a zone)`),
      ],
    };
  }
  const valueText = cell('value');
  const problems: Problem[] = [];
  const parsed = NUMBER.test(valueText) ? Number(valueText) : null;
  const value = parsed !== null && Math.abs(parsed) <= MAX_IDEA_VALUE ? parsed : null;
  if (valueText !== '' && parsed === null)
    problems.push(
      problem('malformed', `column "value": "${valueText}" is not a plain number; the row is kept without a value`),
    );
  else if (parsed !== null && value === null)
    problems.push(
      problem(
        'malformed',
        `column "value": ${shortNumber(valueText)} is beyond ${MAX_IDEA_VALUE} (the yearly value of one idea); the row is kept without a value`,
      ),
    );
  const note = cell('note');
  return { row: { idea: cell('idea'), stage, date, note: note === '' ? null : note, value, file, line }, problems };
}
