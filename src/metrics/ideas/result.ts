/**
 * The `ideas` section of metrics.json (spec §5). Instants are ISO 8601 UTC strings; durations are
 * days as floats, not rounded; a figure that cannot be computed is null.
 */

/** Stages in order; reaching one counts the idea in every earlier one too. */
export const IDEA_STAGES = ['raised', 'discussed', 'endorsed', 'decided', 'actioned'] as const;
export type IdeaStage = (typeof IDEA_STAGES)[number];
/** Stages after `raised`. */
export type LaterStage = Exclude<IdeaStage, 'raised'>;
/** Stages an idea can leave for a later one. */
export type OpenStage = Exclude<IdeaStage, 'actioned'>;

/** What a piece of evidence is. */
export type EvidenceKind =
  /** The starter matched an idea rule (`rule`, and `tag` for the tag rule). */
  | 'rule'
  /** A reply by another person (discussed). */
  | 'reply'
  /** The reply or reaction that brought distinct other persons to the endorse threshold. */
  | 'engagement'
  /** A message in the thread carrying a decision or action tag. */
  | 'tag'
  /** A wiki revision or a message in another thread linking to the idea's thread. */
  | 'link'
  /** A row of the ideas ledger (`--ideas`). */
  | 'ledger'
  /** No evidence of its own: reached because a later stage was (`impliedBy`). */
  | 'implied';

/** Why a stage (or `declined`) was reached, and when. */
export interface IdeaEvidence {
  /** The stage this is evidence of, or `declined` (ledger only). */
  stage: IdeaStage | 'declined';
  /** ISO instant of the evidence. */
  at: string;
  /** What the evidence is (see `EvidenceKind`). */
  kind: EvidenceKind;
  /** The activity (message, reaction or wiki revision) that is the evidence, when there is one. */
  activityId: string | null;
  /** Person id of whoever gave the evidence, when there is one. */
  person: string | null;
  /** For `rule`: which idea rule matched. */
  rule?: 'tag' | 'space' | 'prefix';
  /** The matched tag, e.g. `#approved`. */
  tag?: string;
  /** For `link`: the URL as it was written. */
  link?: string;
  /** For `engagement`: distinct other persons engaged when the threshold was reached. */
  persons?: number;
  /** For `ledger`: file line of the row. */
  line?: number | null;
  /** For `ledger`: the row's note; omitted for ideas in private spaces. */
  note?: string;
  /** For `ledger`: the row's value. */
  value?: number;
  /** For `implied`: the stage whose evidence implies this one. */
  impliedBy?: IdeaStage;
}

/** One idea (spec §5 `ideas.items`). */
export interface IdeaItem {
  /** Thread id (the starter's activity id). */
  id: string;
  /** Source kind of the thread (`yammer`, `slack`, `teams`, `csv`). */
  source: string;
  /** Space id (`source:spaceId`). */
  spaceId: string;
  /** Space name, or `(private space)`. */
  space: string;
  /** First 100 characters of the starter's text; omitted for ideas in private spaces. */
  title?: string;
  /** Person id of the starter's author. */
  author: string;
  /** The author's display name when known. */
  authorName: string | null;
  /** The author's department when known. */
  department: string | null;
  /** Highest stage reached by the end of the period. */
  stage: IdeaStage;
  /** The ledger marked the idea declined: it is closed, never stalled; `stage` is unchanged. */
  declined: boolean;
  /** Raised, not actioned, not declined, and no activity for `stallDays` before the period end. */
  stalled: boolean;
  /** ISO instant of the starter. */
  raisedAt: string;
  /** Time each stage was reached: its first evidence, or the time of a later stage that implies it. */
  discussedAt: string | null;
  /** See `discussedAt`. */
  endorsedAt: string | null;
  /** See `discussedAt`. */
  decidedAt: string | null;
  /** See `discussedAt`. */
  actionedAt: string | null;
  /** First ledger `declined` row, or null. */
  declinedAt: string | null;
  /** Last activity in the thread (or ledger row) before the period end. */
  lastActivityAt: string;
  /** Distinct persons who posted, replied or reacted in the thread, the author included. */
  participants: number;
  /** The first evidence of each reached stage, in stage order, then `declined`. */
  evidence: IdeaEvidence[];
}

/** Median and p90 of a duration in days, over `ideas` ideas. */
export interface DaysSummary {
  median: number | null;
  p90: number | null;
  /** How many ideas the figures are over. */
  ideas: number;
}

/** An open idea (not actioned, not declined) in the oldest-open list. */
export interface OpenIdea {
  /** Thread id. */
  id: string;
  /** Source kind of the thread. */
  source: string;
  /** Space name, or `(private space)`. */
  space: string;
  /** Omitted for ideas in private spaces. */
  title?: string;
  /** Highest stage reached. */
  stage: IdeaStage;
  /** ISO instant of the starter. */
  raisedAt: string;
  /** Days from `raisedAt` to the end of the period (or `asOf` if earlier). */
  ageDays: number;
  /** Whether the idea counts as stalled. */
  stalled: boolean;
}

/**
 * Ideas of one space or one department. Counts are null (`suppressed`) when fewer than
 * `minGroupSize` distinct authors raised them (spec §6 privacy threshold).
 */
export interface IdeaBreakdown {
  /** Space id, or department name (null: department unknown). */
  key: string | null;
  /** Space name or `(private space)`, or department name or `(unknown)`. */
  name: string;
  /** Fewer than `minGroupSize` distinct authors: every count is null ("fewer than 5"). */
  suppressed: boolean;
  /** Distinct authors of the ideas. */
  authors: number | null;
  /** Ideas raised. */
  raised: number | null;
  /** Ideas that reached `decided` (or `actioned`). */
  decided: number | null;
  /** Ideas that reached `actioned`. */
  actioned: number | null;
}

/** An applied ledger row with a value: what the business case values ideas by. */
export interface LedgerValue {
  /** The idea's id (its thread starter). */
  ideaId: string;
  /** Ledger file line. */
  line: number | null;
  value: number;
  /** ISO instant the row is dated at. */
  at: string;
}

/** A ledger row that was not applied, reported rather than dropped. */
export interface LedgerMiss {
  /** Ledger file line. */
  line: number | null;
  /** The `idea` cell as written. */
  idea: string;
  /** The row's stage. */
  stage: string;
  /**
   * `noSuchIdea`: names no idea; `ambiguous`: a bare id several ideas end with;
   * `ideaOutsidePeriod`: the idea was raised outside the period; `afterPeriodEnd`: dated at or
   * after the period end; `beforeRaised`: dated before the idea was raised.
   */
  reason: 'noSuchIdea' | 'ambiguous' | 'ideaOutsidePeriod' | 'afterPeriodEnd' | 'beforeRaised';
}

/** The `ideas` section (spec §5). */
export interface Ideas {
  /** Ideas raised in the period that reached each stage; never grows from one stage to the next. */
  funnel: Record<IdeaStage, number>;
  /** Each stage's count / `raised`; null when no idea was raised. */
  conversion: Record<IdeaStage, number | null>;
  /** Median days from raised to decided over ideas that reached `decided`. */
  medianDaysToDecision: number | null;
  /** Median days from raised to actioned over ideas that reached `actioned`. */
  medianDaysToAction: number | null;
  /** Days from raised to each later stage, over ideas that reached it. */
  daysFromRaised: Record<LaterStage, DaysSummary>;
  /** Days spent in each stage before reaching the next, over ideas that reached the next. */
  daysInStage: Record<OpenStage, DaysSummary>;
  /** Ideas raised, not actioned, not declined, with no activity for `stallDays` before the period end. */
  stalled: number;
  /** Ideas the ledger marked declined (closed, never stalled). */
  declined: number;
  /** Ideas neither actioned nor declined. */
  open: number;
  /** The oldest open ideas, oldest first (at most 10). */
  oldestOpen: OpenIdea[];
  /** Ideas per space, most raised first; suppressed entries last. */
  bySpace: IdeaBreakdown[];
  /** Ideas per author department, most raised first; suppressed entries last. */
  byDepartment: IdeaBreakdown[];
  /** Sum of the `value` of applied ledger rows (currency-less); null when none carries a value. */
  ledgerValue: number | null;
  /** The applied ledger rows that carry a value (their sum is `ledgerValue`), in file order. */
  ledgerValues: LedgerValue[];
  /** Ledger rows not applied, with the reason. */
  ledgerUnmatched: LedgerMiss[];
  /** One entry per idea raised in the period, oldest first. */
  items: IdeaItem[];
}
