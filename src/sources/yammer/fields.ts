/**
 * Cell access for Yammer CSV rows: exports write booleans as lowercase `true`/`false` and may
 * write the literal `null` for an empty value (Discourse's importer handles both).
 */

/** A trimmed cell; missing columns and the literal `null` read as ''. */
export function cell(fields: Readonly<Record<string, string>>, column: string): string {
  const value = fields[column]?.trim() ?? '';
  return value.toLowerCase() === 'null' ? '' : value;
}

/** A cell as free text, untrimmed (bodies keep their layout); the literal `null` reads as ''. */
export function textCell(fields: Readonly<Record<string, string>>, column: string): string {
  const value = fields[column] ?? '';
  return value.trim().toLowerCase() === 'null' ? '' : value;
}

/** A boolean cell: `true` (any case), `1`, `yes` or `t` are true; anything else is false. */
export function flag(fields: Readonly<Record<string, string>>, column: string): boolean {
  const value = cell(fields, column).toLowerCase();
  return value === 'true' || value === '1' || value === 'yes' || value === 't';
}

/** A cell or null when empty. */
export function optional(fields: Readonly<Record<string, string>>, column: string): string | null {
  const value = cell(fields, column);
  return value === '' ? null : value;
}
