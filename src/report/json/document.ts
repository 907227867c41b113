import type { BusinessCase } from '../../metrics/business-case-schema.js';
import type { IdentityReconciliation } from '../../metrics/identities.js';
import type { IdeasSection } from '../../metrics/ideas/section.js';
import type { Moderation } from '../../metrics/moderation.js';
import type { Network } from '../../metrics/network/index.js';
import type { Recognition } from '../../metrics/recognition/result.js';
import type { Redundancy } from '../../metrics/redundancy/index.js';
import type { Comparisons, Movement } from '../../metrics/evidence/index.js';
import type { TargetResult } from '../../metrics/targets.js';
import type { Conversations, Engagement, Period, SourceQuality } from '../../metrics/types.js';

/** Current layout version of metrics.json (spec §8); a baseline with another version is refused. */
export const SCHEMA_VERSION = 1;

/** One input file as read by the run (a zip archive counts as one file). */
export interface ProvenanceInput {
  /** As the user gave it (relative stays relative), `/`-separated; folder members as `folder/name`. */
  path: string;
  /** Lower-case hex sha256 of the file's bytes. */
  sha256: string;
  bytes: number;
}

/** How to reproduce a metrics.json: the same tool version, config and input bytes give the same file. */
export interface Provenance {
  tool: { name: 'pilot-report'; version: string };
  /** Lower-case hex sha256 of the canonical JSON (sorted keys) of the resolved configuration. */
  configHash: string;
  /** Every input file, in command-line order (folder members sorted), then the side files. */
  inputs: ProvenanceInput[];
}

/** One KPI against the baseline run. */
export interface BaselineKpi {
  /** Dotted path of the KPI in metrics.json, e.g. `engagement.totals.activePeople`. */
  metric: string;
  /** This run's value; null when not computed. */
  value: number | null;
  /** The baseline run's value; null when it has none. */
  baseline: number | null;
  /** `value - baseline`; null when either is null. */
  change: number | null;
  /** The change in percent of the baseline (25 = +25 %); null when the baseline is 0 or null. */
  percentChange: number | null;
}

/** `--baseline`: which run this one is compared with, and the KPIs' changes. */
export interface BaselineSection {
  /** The baseline metrics.json as given on the command line. */
  path: string;
  /** The baseline run's period; null when its file holds none. */
  period: Period | null;
  kpis: BaselineKpi[];
}

/**
 * The whole metrics.json document (spec §8). The computed sections come from the metric registry
 * (metrics/registry.ts); a later section (ideas to business case) not computed is `null`, with the
 * reason in `warnings`.
 */
export interface MetricsDocument {
  schemaVersion: typeof SCHEMA_VERSION;
  /** ISO 8601 UTC; from SOURCE_DATE_EPOCH when set, so that identical inputs give identical output. */
  generatedAt: string;
  tool: { name: 'pilot-report'; version: string };
  /** What produced this file from what: tool, config hash and a sha256 of every input file. */
  provenance: Provenance;
  period: Period;
  sources: SourceQuality[];
  /** How raw identities became persons, per source (identity reconciliation). */
  identities: IdentityReconciliation;
  engagement: Engagement;
  conversations: Conversations;
  ideas: IdeasSection | null;
  moderation: Moderation | null;
  recognition: Recognition | null;
  network: Network | null;
  redundancy: Redundancy | null;
  businessCase: BusinessCase | null;
  /** The comparison with `--baseline`; null without one (optional here for documents built by hand in tests). */
  baseline?: BaselineSection | null;
  /** Configured KPI targets and whether each passed (an error-level failure makes the run exit 1). */
  targets: TargetResult[];
  /** Figures that could not be computed and why, and other run-level remarks. */
  warnings: string[];
  /** Benchmarks, pilot vs rest, before vs after a moderator (optional here for documents built by hand in tests). */
  comparisons?: Comparisons;
  /** Cohort retention and the engagement-level migration matrix (optional likewise). */
  movement?: Movement;
}
