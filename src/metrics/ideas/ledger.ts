import { ledgerCalendarDate, ledgerInstantValue, type LedgerRow } from '../../model/ledger-row.js';
import { addDays } from '../../time/calendar.js';
import { startOfLocalDay } from '../../time/zone.js';
import type { ThreadLinkParser } from './links.js';
import type { IdeaEvidence, LedgerMiss, LedgerValue } from './result.js';
import type { OutsideEvidence } from './stages.js';

/**
 * The ideas ledger (`--ideas ledger.csv`, columns `idea, stage, date, note, value`): outcomes that
 * happened outside the tools (a budget line, a shipped feature), or an idea `declined`.
 *
 * Decisions where the spec is silent:
 * - `idea` is a link to the thread or to any of its messages (every form `links.ts` knows), an
 *   activity id (`yammer:123`, `slack:C1:1355517523.000005`), or a bare id (`123`) when exactly one
 *   idea's id ends with `:123`.
 * - `stage` is one of discussed, endorsed, decided, actioned, declined (case-insensitive).
 * - `date` is `YYYY-MM-DD` (midnight in the report time zone) or an ISO instant with a zone. A
 *   date-only row on the day the idea was raised counts from the moment it was raised.
 * - `value` is a plain number (`12000`, `-50.5`), currency-less; a value that is not one is
 *   reported and the row is kept without it. Values of applied rows are summed into `ledgerValue`.
 * - Rows that match no idea, match an idea raised outside the period, are dated at or after the
 *   period end, or before the idea was raised are not applied and are listed in `ledgerUnmatched`.
 * - The note of a row about an idea in a private space is not copied into the evidence.
 */

// The row shape moved below sources and metrics; re-exported so the idea metrics' importers stay as they were.
export type { LedgerRow, LedgerStage } from '../../model/ledger-row.js';

/** UTC ms of a ledger date: a date-only value is local midnight in `timeZone`; NaN when invalid. */
export function ledgerInstant(date: string, timeZone: string): number {
  return ledgerSpan(date, timeZone).start;
}

/**
 * The span a ledger date covers: a date-only value its whole local day, an instant just itself
 * (`end` = `start`). NaN bounds when the date is invalid.
 */
function ledgerSpan(date: string, timeZone: string): { start: number; end: number } {
  const local = ledgerCalendarDate(date);
  if (local) return { start: startOfLocalDay(local, timeZone), end: startOfLocalDay(addDays(local), timeZone) };
  const at = ledgerInstantValue(date);
  return { start: at, end: at };
}

/**
 * The activity id a ledger `idea` cell names, or why it names none. `ideaIds` are the ids of all
 * ideas in the dataset (for bare ids).
 */
export function ledgerKey(
  idea: string,
  ideaIds: readonly string[],
  threadLink: ThreadLinkParser,
): { key: string } | { miss: 'ambiguous' | 'noSuchIdea' } {
  const ref = threadLink(idea);
  if (ref) return { key: ref.key };
  if (idea.includes(':')) return { key: idea };
  const matches = ideaIds.filter((id) => id.endsWith(`:${idea}`));
  if (matches.length > 1) return { miss: 'ambiguous' };
  return matches[0] ? { key: matches[0] } : { miss: 'noSuchIdea' };
}

/** An idea as ledger matching needs it. */
export interface LedgerTarget {
  raisedAt: number;
  inPeriod: boolean;
  isPrivate: boolean;
}

/** Everything ledger matching needs besides the rows. */
export interface LedgerScope {
  /** Activity id -> thread id, for every key the rows name that could be resolved. */
  threadOf: ReadonlyMap<string, string>;
  /** All ideas in the dataset by thread id. */
  ideas: ReadonlyMap<string, LedgerTarget>;
  ideaIds: readonly string[];
  until: number;
  timeZone: string;
  /** The sources' thread-link parser (`MetricSettings.threadLink`). */
  threadLink: ThreadLinkParser;
}

/** What the ledger adds: evidence per idea thread, the rows not applied, and the value sum. */
export interface LedgerOutcome {
  evidence: Map<string, OutsideEvidence[]>;
  misses: LedgerMiss[];
  value: number | null;
  /** The applied rows with a value. */
  values: LedgerValue[];
}

/** Matches ledger rows to ideas and turns the applicable ones into evidence. */
export function applyLedger(rows: readonly LedgerRow[], scope: LedgerScope): LedgerOutcome {
  const out: LedgerOutcome = { evidence: new Map(), misses: [], value: null, values: [] };
  for (const row of rows) {
    const applied = applyRow(row, scope);
    if ('reason' in applied) {
      out.misses.push({ line: row.line, idea: row.idea, stage: row.stage, reason: applied.reason });
      continue;
    }
    const list = out.evidence.get(applied.threadId) ?? [];
    list.push(applied.found);
    out.evidence.set(applied.threadId, list);
    if (row.value !== null) {
      out.value = (out.value ?? 0) + row.value;
      out.values.push({
        ideaId: applied.threadId,
        line: row.line,
        value: row.value,
        at: new Date(applied.found.at).toISOString(),
      });
    }
  }
  return out;
}

function applyRow(
  row: LedgerRow,
  scope: LedgerScope,
): { threadId: string; found: OutsideEvidence } | { reason: LedgerMiss['reason'] } {
  const named = ledgerKey(row.idea, scope.ideaIds, scope.threadLink);
  if ('miss' in named) return { reason: named.miss };
  const threadId = scope.threadOf.get(named.key) ?? named.key;
  const idea = scope.ideas.get(threadId);
  if (!idea) return { reason: 'noSuchIdea' };
  if (!idea.inPeriod) return { reason: 'ideaOutsidePeriod' };
  const { start, end } = ledgerSpan(row.date, scope.timeZone);
  if (start >= scope.until) return { reason: 'afterPeriodEnd' };
  // A date-only row covers its whole day, so it may fall on the day the idea was raised.
  const before = end > start ? end <= idea.raisedAt : start < idea.raisedAt;
  if (before) return { reason: 'beforeRaised' };
  const at = Math.max(start, idea.raisedAt);
  const evidence: IdeaEvidence = {
    stage: row.stage,
    at: new Date(at).toISOString(),
    kind: 'ledger',
    activityId: null,
    person: null,
    line: row.line,
  };
  if (row.note !== null && !idea.isPrivate) evidence.note = row.note;
  if (row.value !== null) evidence.value = row.value;
  return { threadId, found: { at, evidence } };
}
