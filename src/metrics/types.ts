/**
 * Result shapes of the metrics (spec §2–§7) and what every metric gets besides the dataset.
 * Keys are camelCase; instants are ISO 8601 UTC strings; a figure that cannot be computed is
 * null (with a reason in warnings), never a made-up 0.
 */

import type { z } from 'zod';
import type { MetricsConfig } from '../config/metrics-defaults.js';
import type { SourceCapabilities } from '../model/types.js';
import type { Period } from '../time/period.js';
import type { sourceSchema } from './data-quality-schema.js';
import type { Interval } from './uncertainty/interval.js';
import type { Survival } from './uncertainty/survival.js';

/** The report period, defined with the calendar in `src/time/`. */
export type { Period };

/** What the loaded sources can record; declared per kind in the source registry. */
export type { SourceCapabilities };

// The knobs and their defaults belong to the config, which may not import metrics; re-exported for the metrics.
export { DEFAULT_METRICS_CONFIG, type MetricsConfig } from '../config/metrics-defaults.js';

/** Everything a metric gets besides the dataset. No metric reads the clock: `asOf` is "now". */
export interface MetricContext {
  period: Period;
  /** ISO 8601 UTC instant used as "now" (stalled ideas, ages). */
  asOf: string;
  config: MetricsConfig;
  /** Which activity kinds any loaded source can record (a kind no source records is null, not 0). */
  capabilities: SourceCapabilities;
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

/**
 * One input's data-quality line (spec §7), as metrics.json `sources` holds it: the type is its zod
 * schema's (data-quality-schema.ts), so the two cannot differ.
 */
export type SourceQuality = z.infer<typeof sourceSchema>;
