import { DEFAULT_NETWORK_CONFIG } from '../../src/metrics/network/index.js';
import { DEFAULT_RECOGNITION_CONFIG } from '../../src/metrics/recognition/score.js';
import type { MetricSettings } from '../../src/metrics/registry-types.js';
import {
  DEFAULT_METRICS_CONFIG,
  type MetricContext,
  type MetricsConfig,
  type Period,
  type SourceCapabilities,
} from '../../src/metrics/types.js';
import { parseThreadLink } from '../../src/sources/thread-links.js';

/** A metric context for tests: messages and reactions recorded unless told otherwise. */
export function metricContext(
  period: Period,
  options: { asOf?: string; capabilities?: Partial<SourceCapabilities>; config?: Partial<MetricsConfig> } = {},
): MetricContext {
  return {
    period,
    asOf: options.asOf ?? period.until,
    config: { ...DEFAULT_METRICS_CONFIG, ...options.config },
    capabilities: { messages: true, reactions: true, wiki: false, ...options.capabilities },
  };
}

/** Comparison settings with no pilot scope and no references: `comparisons` then says there is nothing to compare. */
export const NO_COMPARISON = {
  scope: { spaces: [], departments: [], people: [] },
  options: { seed: 1, resamples: 2_000, minThreads: 10 },
  builtIn: [],
  own: [],
} as const;

/**
 * The metric knobs of a run with nothing configured (no ledger, people file, pilot scope or
 * references), the registry's defaults elsewhere, and the sources' own thread links; a test
 * overrides what it is about.
 */
export function defaultSettings(overrides: Partial<MetricSettings> = {}): MetricSettings {
  return {
    ledger: [],
    threadLink: parseThreadLink,
    moderatorSince: new Map(),
    recognition: DEFAULT_RECOGNITION_CONFIG,
    network: DEFAULT_NETWORK_CONFIG,
    redundancy: {},
    businessCase: { minutesSavedPerAnsweredQuestion: 15 },
    comparison: NO_COMPARISON,
    ...overrides,
  };
}
