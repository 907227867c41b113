import type { ResolvedConfig } from '../config/defaults.js';
import type { LedgerRow } from '../metrics/ideas/index.js';
import { DEFAULT_NETWORK_CONFIG, type NetworkConfig } from '../metrics/network/index.js';
import { DEFAULT_RECOGNITION_CONFIG, type RecognitionConfig } from '../metrics/recognition/score.js';
import type { ComparisonSettings, MetricSettings } from '../metrics/registry-types.js';
import { COMPARISON_DEFAULTS } from '../config/schema.js';
import { builtInReferences } from './evidence.js';
import type { PeopleEntry } from '../model/types.js';
import { parseThreadLink } from '../sources/thread-links.js';
import type { EmbeddingSetting } from '../metrics/redundancy/embedding-scorer.js';

/** The metric knobs of a run: the config's metric sections over the defaults, and the side files. */
export function metricSettings(
  config: ResolvedConfig,
  people: readonly PeopleEntry[],
  ledger: readonly LedgerRow[],
  embedding?: EmbeddingSetting,
): MetricSettings {
  // The model's file paths stay here: the metric gets the loaded model (see loadEmbeddingModel).
  const { embeddingModel: _paths, ...redundancy } = config.redundancy ?? {};
  const moderatorSince = new Map(
    people.flatMap((p) =>
      p.role === 'moderator' && p.since && p.email ? [[p.email.toLowerCase(), p.since] as const] : [],
    ),
  );
  return {
    ledger,
    threadLink: parseThreadLink,
    moderatorSince,
    recognition: recognitionConfig(config),
    network: networkConfig(config),
    redundancy: { ...definedOnly(redundancy), ...(embedding ? { embedding } : {}) },
    businessCase: config.businessCase,
    comparison: comparisonSettings(config),
  };
}

/** The pilot's scope, the test's seed and sizes, and the references: shipped and the organization's own. */
function comparisonSettings(config: ResolvedConfig): ComparisonSettings {
  const written = config.comparison ?? {};
  return {
    scope: {
      spaces: written.pilotSpaces ?? [],
      departments: written.pilotDepartments ?? [],
      people: written.pilotPeople ?? [],
    },
    options: {
      seed: written.seed ?? COMPARISON_DEFAULTS.seed,
      resamples: written.resamples ?? COMPARISON_DEFAULTS.resamples,
      minThreads: written.minThreads ?? COMPARISON_DEFAULTS.minThreads,
    },
    builtIn: builtInReferences(),
    own: config.benchmarks ?? [],
  };
}

/** Written knobs over the metric's defaults; nested weights merge key by key. */
export function recognitionConfig(config: ResolvedConfig): RecognitionConfig {
  const written = config.recognition ?? {};
  const { scoreWeights, ...rest } = written;
  return {
    ...DEFAULT_RECOGNITION_CONFIG,
    ...definedOnly(rest),
    scoreWeights: { ...DEFAULT_RECOGNITION_CONFIG.scoreWeights, ...definedOnly(scoreWeights ?? {}) },
  };
}

export function networkConfig(config: ResolvedConfig): NetworkConfig {
  const { edgeWeights, ...rest } = config.network ?? {};
  return {
    ...DEFAULT_NETWORK_CONFIG,
    ...definedOnly(rest),
    edgeWeights: { ...DEFAULT_NETWORK_CONFIG.edgeWeights, ...definedOnly(edgeWeights ?? {}) },
  };
}

/** Drops keys whose value is undefined, so they do not hide a default when spread. */
function definedOnly<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
