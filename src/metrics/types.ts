/**
 * Result shapes of the metrics (spec §2–§7) and what every metric gets besides the dataset.
 * Keys are camelCase; instants are ISO 8601 UTC strings; a figure that cannot be computed is
 * null (with a reason in warnings), never a made-up 0.
 */

import { DEFAULT_QUESTION_PATTERNS } from './questions.js';
import { DEFAULT_UNCERTAINTY, type UncertaintyConfig } from './uncertainty/config.js';
import type { Interval } from './uncertainty/interval.js';
import type { Survival } from './uncertainty/survival.js';

/** The report period `[since, until)` and the zone calendar buckets are cut in (spec §2). */
export interface Period {
  /** ISO 8601 UTC instant, inclusive: local midnight of the first day in `timeZone`. */
  since: string;
  /** ISO 8601 UTC instant, exclusive. */
  until: string;
  /** IANA zone name, default `UTC`. */
  timeZone: string;
}

/** Knobs of the metrics; every field has a default (see `DEFAULT_METRICS_CONFIG`). */
export interface MetricsConfig {
  /** How many oldest unanswered threads `conversations.unanswered` lists. */
  unansweredListSize: number;
  ideaTags: string[];
  decisionTags: string[];
  actionTags: string[];
  ideaSpaces: string[];
  endorseThreshold: number;
  stallDays: number;
  /** Moderator e-mails or identity ids. */
  moderators: string[];
  minGroupSize: number;
  /** RE2 patterns (case-insensitive) that make a thread starter a question (see `questions.ts`). */
  questionPatterns: string[];
  /** Minimum n and bootstrap settings of the 95 % intervals (`uncertainty/`). */
  uncertainty: UncertaintyConfig;
}

export const DEFAULT_METRICS_CONFIG: MetricsConfig = {
  unansweredListSize: 10,
  ideaTags: ['#idea', '#suggestion', '#proposal'],
  decisionTags: ['#approved', '#accepted', '#decision', '#planned'],
  actionTags: ['#done', '#implemented', '#shipped', '#launched'],
  ideaSpaces: [],
  endorseThreshold: 3,
  stallDays: 30,
  moderators: [],
  minGroupSize: 5,
  questionPatterns: [...DEFAULT_QUESTION_PATTERNS],
  uncertainty: DEFAULT_UNCERTAINTY,
};

/** Everything a metric gets besides the dataset. No metric reads the clock: `asOf` is "now". */
export interface MetricContext {
  period: Period;
  /** ISO 8601 UTC instant used as "now" (stalled ideas, ages). */
  asOf: string;
  config: MetricsConfig;
  /** Which activity kinds any loaded source can record (a kind no source records is null, not 0). */
  capabilities: SourceCapabilities;
}

export interface SourceCapabilities {
  messages: boolean;
  reactions: boolean;
  wiki: boolean;
}

/** Engagement figures for one window (a month, a week, or the whole period), spec §3. */
export interface EngagementWindow {
  activePeople: number;
  contributors: number;
  posts: number | null;
  replies: number | null;
  reactions: number | null;
  wikiEdits: number | null;
  newContributors: number;
  /** Contributors of this window who also contributed in the previous window of the same length. */
  returningContributors: number | null;
  retention: number | null;
  /** Totals only: `retention` with its Wilson interval over the previous period's contributors. */
  retentionInterval?: Interval;
}

export interface EngagementMonth extends EngagementWindow {
  /** `2026-01`, in the report time zone. */
  month: string;
  /**
   * Contributors of the month who contributed before (all loaded data) but not in the previous
   * month: `newContributors + returningContributors + reactivatedContributors = contributors`.
   */
  reactivatedContributors: number;
  stickiness: number | null;
  activeWikiEditors: number | null;
}

export interface EngagementWeek {
  /** ISO week `2026-W05`, Monday start, in the report time zone. */
  week: string;
  activePeople: number;
  contributors: number;
}

export interface Participation {
  contributors: number;
  contributions: number;
  gini: number | null;
  top1Share: number | null;
  top10Share: number | null;
  absenceFactor: number | null;
}

export interface Engagement {
  totals: EngagementWindow;
  monthly: EngagementMonth[];
  weekly: EngagementWeek[];
  participation: Participation;
}

export interface UnansweredThread {
  id: string;
  source: string;
  /** Space name, or `(private space)`. */
  space: string;
  startedAt: string;
  ageDays: number;
  /** First 100 characters of the starter; omitted for private spaces. */
  title?: string;
}

/**
 * Threads whose starter asks (`questions.ts`): the same figures as for all threads, over
 * questions only. The business case, the "Questions answered" tile and the unanswered list use these.
 */
export interface QuestionFigures {
  threads: number;
  answered: number;
  /** `answered / threads`; null when no question was asked. */
  answeredRate: number | null;
  /** `answeredRate` with its Wilson interval (uncertainty/). */
  answeredRateInterval?: Interval;
  medianHoursToFirstResponse: number | null;
  /** `medianHoursToFirstResponse` with its bootstrap interval (uncertainty/). */
  medianHoursToFirstResponseInterval?: Interval;
  p90HoursToFirstResponse: number | null;
  /** The oldest unanswered questions. */
  unanswered: UnansweredThread[];
}

export interface Conversations {
  threads: number;
  answered: number;
  answeredRate: number | null;
  /** `answeredRate` with its Wilson interval (uncertainty/). */
  answeredRateInterval?: Interval;
  medianHoursToFirstResponse: number | null;
  /** `medianHoursToFirstResponse` with its bootstrap interval (uncertainty/). */
  medianHoursToFirstResponseInterval?: Interval;
  p90HoursToFirstResponse: number | null;
  /** Kaplan-Meier curve of the wait for a first response, unanswered threads censored (uncertainty/). */
  responseSurvival?: Survival;
  repliesPerThread: number | null;
  unanswered: UnansweredThread[];
  questions: QuestionFigures;
}

/** One input's data-quality line (spec §7). */
export interface SourceQuality {
  kind: string;
  path: string;
  files: number;
  records: { read: number; used: number; skipped: number; skippedByReason: Record<string, number> };
  firstAt: string | null;
  lastAt: string | null;
  warnings: string[];
  /** All problems found, also those beyond the first few kept in `warnings`. */
  problemCount: number;
  /** What the source cannot record, e.g. "Yammer network exports carry no likes". */
  notes: string[];
}
