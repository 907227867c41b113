/**
 * The shape of an ideas-ledger row (`--ideas ledger.csv`) and what makes its date valid. Both the
 * reader (`sources/ledger`) and the idea metrics (`metrics/ideas/ledger.ts`) need them, and a source
 * may not import a metric, so they live here, below both.
 */

import { isRealDate } from '../time/calendar.js';

export const LEDGER_STAGES = ['discussed', 'endorsed', 'decided', 'actioned', 'declined'] as const;
export type LedgerStage = (typeof LEDGER_STAGES)[number];

/** One valid ledger row. */
export interface LedgerRow {
  /** The `idea` cell as written (URL, activity id or bare id). */
  idea: string;
  stage: LedgerStage;
  /** `YYYY-MM-DD` or an ISO instant, as written. */
  date: string;
  note: string | null;
  value: number | null;
  file: string;
  line: number | null;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** The calendar day of a date-only ledger value, or null when it is not one (or no such day exists). */
export function ledgerCalendarDate(date: string): { year: number; month: number; day: number } | null {
  const m = DATE_ONLY.exec(date);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

/** UTC ms of a ledger value written as an ISO instant with a zone; NaN when it is not one. */
export function ledgerInstantValue(date: string): number {
  return INSTANT.test(date) ? Date.parse(date) : Number.NaN;
}

/** True when a ledger `date` cell is a valid date-only value or a valid instant with a zone. */
export function isLedgerDate(date: string): boolean {
  return ledgerCalendarDate(date) !== null || !Number.isNaN(ledgerInstantValue(date));
}
