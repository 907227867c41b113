import {
  DEFAULT_METRICS_CONFIG,
  type MetricContext,
  type MetricsConfig,
  type Period,
  type SourceCapabilities,
} from '../../src/metrics/types.js';

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
