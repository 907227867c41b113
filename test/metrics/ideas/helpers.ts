import { computeIdeas, type Ideas, type LedgerRow } from '../../../src/metrics/ideas/index.js';
import { DEFAULT_METRICS_CONFIG, type MetricContext, type MetricsConfig } from '../../../src/metrics/types.js';
import { inlineDataset, type InlineData } from '../../helpers/dataset.js';
import { parseThreadLink } from '../../../src/sources/thread-links.js';

/** Period Q1 2026 in UTC; "now" at its end unless a test says otherwise. */
export function context(config: Partial<MetricsConfig> = {}, asOf = '2026-04-01T00:00:00.000Z'): MetricContext {
  return {
    period: { since: '2026-01-01T00:00:00.000Z', until: '2026-04-01T00:00:00.000Z', timeZone: 'UTC' },
    asOf,
    config: { ...DEFAULT_METRICS_CONFIG, ...config },
    capabilities: { messages: true, reactions: true, wiki: true },
  };
}

/** Builds the inline dataset, computes the ideas, closes the dataset. */
export async function ideasOf(
  data: InlineData,
  ctx: MetricContext = context(),
  ledger: readonly LedgerRow[] = [],
): Promise<Ideas> {
  const { dataset } = await inlineDataset(data);
  try {
    return await computeIdeas(dataset.query, ctx, ledger, parseThreadLink);
  } finally {
    await dataset.close();
  }
}

/** A ledger row as read from `ledger.csv`. */
export function ledgerRow(partial: Partial<LedgerRow> & Pick<LedgerRow, 'idea' | 'stage' | 'date'>): LedgerRow {
  return { note: null, value: null, file: 'ledger.csv', line: null, ...partial };
}
