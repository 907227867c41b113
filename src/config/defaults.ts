/**
 * Defaults and the normalizer that turns a merged written config into a `ResolvedConfig` with every
 * default filled in (the changesets pattern: the default config is the normalizer applied to `{}`).
 */
import { DEFAULT_METRICS_CONFIG, type MetricsConfig } from './metrics-defaults.js';
import {
  SCHEMA_DEFAULTS,
  type BusinessCaseConfig,
  type CsvMapping,
  type ReportTexts,
  type WrittenConfig,
} from './schema.js';
import type { TargetSpec } from './target-spec.js';

/** A KPI target with its level decided (the shape `evaluateTargets` checks). */
export type Target = TargetSpec;

/** Idea rules with defaults applied (spec §5). */
export interface IdeasConfig {
  tags: string[];
  decisionTags: string[];
  actionTags: string[];
  spaces: string[];
  endorseThreshold: number;
  stallDays: number;
}

/** The configuration every command works with: all layers merged, every default filled in. */
export interface ResolvedConfig {
  inputs: string[];
  out: string;
  json?: string;
  pdf?: string;
  markdown?: string;
  pptx?: string;
  communityPost?: string;
  period?: string;
  since?: string;
  until?: string;
  /** Unset means "now"; the CLI reads the clock (or SOURCE_DATE_EPOCH), never the metrics. */
  asOf?: string;
  timeZone: string;
  includePrivate: boolean;
  anonymize: boolean;
  anonymizeSalt?: string;
  people?: string;
  ideasLedger?: string;
  recognize?: string;
  baseline?: string;
  template?: string;
  dataset?: string;
  /** DuckDB's memory_limit (the dataset spills to a temporary file beyond it). */
  memoryLimit: string;
  /** Exports read at once in worker threads (large runs only). */
  readThreads: number;
  strict: boolean;
  botAccounts: string[];
  moderators: string[];
  ideas: IdeasConfig;
  unansweredListSize: number;
  minGroupSize: number;
  questionPatterns: string[];
  csvMapping?: CsvMapping;
  report: ReportTexts;
  /** Only the minutes saved per answer has a default; money figures need the user's own numbers. */
  /** Recognition, network and duplicate-effort knobs as written; the metrics fill their own defaults. */
  recognition?: WrittenConfig['recognition'];
  network?: WrittenConfig['network'];
  redundancy?: WrittenConfig['redundancy'];
  uncertainty?: WrittenConfig['uncertainty'];
  comparison?: WrittenConfig['comparison'];
  benchmarks?: WrittenConfig['benchmarks'];
  businessCase: Omit<BusinessCaseConfig, '$notes'> & { minutesSavedPerAnsweredQuestion: number };
  targets: Target[];
}

/** Fills in every default of a merged written config. */
export function normalizeConfig(written: WrittenConfig): ResolvedConfig {
  const { $schema: _schema, ideas, businessCase: writtenBusinessCase, report, targets, ...rest } = written;
  // Notes are for the person filling the file in, not inputs: they never reach the report.
  const { $notes: _notes, ...businessCase } = writtenBusinessCase ?? {};
  return {
    ...rest,
    inputs: [...(written.inputs ?? [])],
    out: written.out ?? SCHEMA_DEFAULTS.out,
    timeZone: written.timeZone ?? SCHEMA_DEFAULTS.timeZone,
    includePrivate: written.includePrivate ?? false,
    anonymize: written.anonymize ?? false,
    strict: written.strict ?? false,
    memoryLimit: written.memoryLimit ?? SCHEMA_DEFAULTS.memoryLimit,
    readThreads: written.readThreads ?? SCHEMA_DEFAULTS.readThreads,
    botAccounts: [...(written.botAccounts ?? [])],
    moderators: [...(written.moderators ?? DEFAULT_METRICS_CONFIG.moderators)],
    ideas: {
      tags: [...(ideas?.tags ?? DEFAULT_METRICS_CONFIG.ideaTags)],
      decisionTags: [...(ideas?.decisionTags ?? DEFAULT_METRICS_CONFIG.decisionTags)],
      actionTags: [...(ideas?.actionTags ?? DEFAULT_METRICS_CONFIG.actionTags)],
      spaces: [...(ideas?.spaces ?? DEFAULT_METRICS_CONFIG.ideaSpaces)],
      endorseThreshold: ideas?.endorseThreshold ?? DEFAULT_METRICS_CONFIG.endorseThreshold,
      stallDays: ideas?.stallDays ?? DEFAULT_METRICS_CONFIG.stallDays,
    },
    unansweredListSize: written.unansweredListSize ?? DEFAULT_METRICS_CONFIG.unansweredListSize,
    minGroupSize: written.minGroupSize ?? DEFAULT_METRICS_CONFIG.minGroupSize,
    questionPatterns: [...(written.questionPatterns ?? DEFAULT_METRICS_CONFIG.questionPatterns)],
    report: report ?? {},
    businessCase: {
      ...businessCase,
      minutesSavedPerAnsweredQuestion:
        businessCase.minutesSavedPerAnsweredQuestion ?? SCHEMA_DEFAULTS.minutesSavedPerAnsweredQuestion,
    },
    targets: (targets ?? []).map((t) => ({ ...t, level: t.level ?? 'error' })),
  };
}

/** The configuration when nothing is configured. */
export const DEFAULT_CONFIG: ResolvedConfig = normalizeConfig({});

/** The metric knobs of a resolved config (spec §3–§6). */
export function toMetricsConfig(config: ResolvedConfig): MetricsConfig {
  return {
    unansweredListSize: config.unansweredListSize,
    ideaTags: [...config.ideas.tags],
    decisionTags: [...config.ideas.decisionTags],
    actionTags: [...config.ideas.actionTags],
    ideaSpaces: [...config.ideas.spaces],
    endorseThreshold: config.ideas.endorseThreshold,
    stallDays: config.ideas.stallDays,
    moderators: [...config.moderators],
    minGroupSize: config.minGroupSize,
    questionPatterns: [...config.questionPatterns],
    uncertainty: {
      minN: config.uncertainty?.minN ?? DEFAULT_METRICS_CONFIG.uncertainty.minN,
      bootstrapSeed: config.uncertainty?.bootstrapSeed ?? DEFAULT_METRICS_CONFIG.uncertainty.bootstrapSeed,
      bootstrapResamples:
        config.uncertainty?.bootstrapResamples ?? DEFAULT_METRICS_CONFIG.uncertainty.bootstrapResamples,
    },
  };
}
