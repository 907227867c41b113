import type { SourceAccount } from '../model/accounting.js';
import type { Query } from '../model/query.js';
import type { BusinessCaseAssumptions } from './business-case.js';
import type { ComparisonInputs } from './evidence/index.js';
import type { Moderation } from './moderation.js';
import type { IdentityReconciliation } from './identities.js';
import type { IdeasSection } from './ideas/section.js';
import type { LedgerRow } from './ideas/ledger.js';
import type { ThreadLinkParser } from './ideas/links.js';
import type { NetworkConfig } from './network/index.js';
import type { RecognitionConfig } from './recognition/score.js';
import type { RedundancyConfig } from './redundancy/index.js';
import type { Conversations, Engagement, MetricContext, SourceCapabilities } from './types.js';

/** The metric knobs of a run, drawn from the config and the side files (cli/metric-settings.ts). */
export interface MetricSettings {
  /** The ideas ledger's rows (`--ideas`); empty without one. */
  ledger: readonly LedgerRow[];
  /** Which pasted URLs are thread links, from the sources (`sources/thread-links.ts`). */
  threadLink: ThreadLinkParser;
  /** Moderators' start dates from the people file: lower-case e-mail -> ISO date. */
  moderatorSince: ReadonlyMap<string, string>;
  recognition: RecognitionConfig;
  network: NetworkConfig;
  /** The written redundancy knobs; the metric fills the rest with its defaults. */
  redundancy: Partial<RedundancyConfig>;
  businessCase: BusinessCaseAssumptions;
  /** Pilot vs rest and the references (config `comparison`, `benchmarks`, the shipped file). */
  comparison: ComparisonSettings;
}

/** What `comparisons` needs besides the dataset and the sections before it. */
export type ComparisonSettings = Omit<ComparisonInputs, 'engagement' | 'moderated'>;

/** What every metric area may read. */
export interface MetricInput {
  query: Query;
  ctx: MetricContext;
  /** Per input file: what was read, used and skipped, and its dates. */
  accounts: readonly SourceAccount[];
  settings: MetricSettings;
}

/**
 * The sections a later area may read (declared here, not inferred from the registry, so that the
 * registry's types are not circular); the orchestrator checks that the registry produces them.
 */
export interface Upstream {
  identities: IdentityReconciliation;
  engagement: Engagement;
  conversations: Conversations;
  ideas: IdeasSection;
  moderation: Moderation;
}

/** What an area needs, for the reader and the readiness checks: capabilities and config keys. */
export interface Needs {
  /** Source capabilities whose absence makes figures of the section null (with a warning). */
  capabilities?: readonly (keyof SourceCapabilities)[];
  /** Config keys (and side files) that change the section. */
  config?: readonly string[];
}

/**
 * Work that several areas share (a temporary table): consecutive areas with the same scope run
 * inside one call of it.
 */
export type Scope = <T>(input: MetricInput, use: () => Promise<T>) => Promise<T>;

/** A measured section: computed from the dataset, possibly reading sections computed before it. */
export interface MetricArea<T> {
  /** Shown in `--verbose` timings as `metrics: <title>`. */
  title: string;
  needs: Needs;
  scope?: Scope;
  /**
   * The earlier sections `compute` reads (its `before` holds these only): what `runMetrics` waits
   * for when areas run at the same time.
   */
  reads?: readonly (keyof Upstream)[];
  /**
   * Started before the areas ahead of it when areas run at once (a small dataset): its own
   * JavaScript is long (duplicate efforts' LSA fit), and the others' statements then run beside it.
   */
  startsFirst?: boolean;
  compute(input: MetricInput, before: Partial<Upstream>): Promise<T>;
  /** metrics.json `warnings` lines: why figures of the section are null. */
  warnings?(section: T, input: MetricInput): string[];
}

/** An estimate: computed from all measured sections; its warnings follow the run's own remarks. */
export interface EstimateArea<T, M> {
  title: string;
  needs: Needs;
  compute(input: MetricInput, measured: M): T | Promise<T>;
  warnings?(section: T, input: MetricInput): string[];
}
