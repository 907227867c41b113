import type { LedgerMiss } from './result.js';

/**
 * Ledger rows that name no idea, name several, or are dated before their idea: mistakes in the
 * ledger a user must see (stderr with file:line, metrics.json warnings, the data-quality page).
 * Rows about ideas outside the period, or dated after it, are not mistakes: a monthly report
 * simply does not apply them, and the data-quality page lists them without alarm.
 */
export const LEDGER_PROBLEM_REASONS: ReadonlySet<LedgerMiss['reason']> = new Set([
  'noSuchIdea',
  'ambiguous',
  'beforeRaised',
]);

const REASON_TEXT: Record<LedgerMiss['reason'], string> = {
  noSuchIdea: 'names no idea in the inputs',
  ambiguous: 'is a bare id that several ideas end with (give the thread link)',
  ideaOutsidePeriod: 'is about an idea raised outside the period',
  afterPeriodEnd: 'is dated at or after the end of the period',
  beforeRaised: 'is dated before its idea was raised',
};

/** Why a ledger row was not applied, in words. */
export function ledgerReason(reason: LedgerMiss['reason']): string {
  return REASON_TEXT[reason];
}

/** `ideas-ledger.csv:5: ledger row "…" (decided) names no idea in the inputs; not applied`, one per problem row. */
export function ledgerProblemLines(file: string, misses: readonly LedgerMiss[]): string[] {
  return misses
    .filter((m) => LEDGER_PROBLEM_REASONS.has(m.reason))
    .map(
      (m) =>
        `${file}:${m.line === null ? '' : `${m.line}:`} ledger row "${m.idea}" (${m.stage}) ${ledgerReason(m.reason)}; not applied`,
    );
}
