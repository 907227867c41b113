/**
 * CSV cells we write (exports of lists for champions) are opened in spreadsheets, where a cell that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula (CSV injection).
 * Such text cells get a leading `'`, which spreadsheets show as text; numbers are left alone because
 * a negative number is data, not a formula.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-escaped, then quoted (RFC 4180) when it holds a comma, quote or line break. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line (without the line break) from its cells. */
export function csvRow(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return values.map(csvCell).join(',');
}
