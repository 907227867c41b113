/**
 * Result shapes of the metrics (spec §2–§7) and what every metric gets besides the dataset.
 * Keys are camelCase; instants are ISO 8601 UTC strings; a figure that cannot be computed is
 * null (with a reason in warnings), never a made-up 0.
 */

import type { z } from 'zod';
import type { MetricsConfig } from '../config/metrics-defaults.js';
import type { SourceCapabilities } from '../model/types.js';
import type { Period } from '../time/period.js';
import type { ConversationsSection, unansweredThreadSchema } from './conversations-schema.js';
import type { sourceSchema } from './data-quality-schema.js';
import type {
  EngagementSection,
  monthSchema,
  participationSchema,
  weekSchema,
  windowSchema,
} from './engagement-schema.js';

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

/**
 * Engagement figures for one window (the whole period, or a month's share of a row), spec §3. The
 * metrics.json types below are their zod schemas' (engagement-schema.ts, conversations-schema.ts),
 * so type and schema cannot differ.
 */
export type EngagementWindow = z.infer<typeof windowSchema>;

/** One local calendar month of the period (`2026-01`, in the report time zone). */
export type EngagementMonth = z.infer<typeof monthSchema>;

/** One ISO week (`2026-W05`, Monday start, in the report time zone) that overlaps the period. */
export type EngagementWeek = z.infer<typeof weekSchema>;

export type Participation = z.infer<typeof participationSchema>;

/** The `engagement` section of metrics.json: the totals carry the retention's Wilson interval. */
export type Engagement = EngagementSection;

/** An unanswered thread; `title` is absent for private spaces. */
export type UnansweredThread = z.infer<typeof unansweredThreadSchema>;

/** The `conversations` section of metrics.json, with the intervals and the response curve. */
export type Conversations = ConversationsSection;

/**
 * Threads whose starter asks (`questions.ts`): the same figures as for all threads, over
 * questions only. The business case, the "Questions answered" tile and the unanswered list use these.
 */
export type QuestionFigures = Conversations['questions'];

/**
 * One input's data-quality line (spec §7), as metrics.json `sources` holds it: the type is its zod
 * schema's (data-quality-schema.ts), so the two cannot differ.
 */
export type SourceQuality = z.infer<typeof sourceSchema>;
