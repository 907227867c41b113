import { describe, expect, it } from 'vitest';
import { capabilitiesOf } from '../../src/sources/capabilities.js';
import { computeConversations } from '../../src/metrics/conversations.js';
import { computeConversationEvidence } from '../../src/metrics/uncertainty/index.js';
import { periodFromBounds } from '../../src/time/period.js';
import type { MetricInput } from '../../src/metrics/registry-types.js';
import { runMetrics } from '../../src/metrics/run-metrics.js';
import { DEFAULT_METRICS_CONFIG } from '../../src/metrics/types.js';
import { inlineDataset } from '../helpers/dataset.js';
import { YAMMER_PILOT } from '../report/json/documents.js';
import { defaultSettings } from './context.js';

describe('runMetrics (the metric registry)', () => {
  it('computes every section in the document order, times each area, and gives the sections the modules give', async () => {
    const { dataset, account } = await inlineDataset(YAMMER_PILOT);
    try {
      const period = periodFromBounds('2026-01-01', '2026-03-01', 'UTC');
      const input: MetricInput = {
        query: dataset.query,
        accounts: [account],
        ctx: {
          period,
          asOf: period.until,
          config: DEFAULT_METRICS_CONFIG,
          capabilities: capabilitiesOf([{ kind: 'yammer' }]),
        },
        settings: defaultSettings(),
      };
      const timed: string[] = [];
      const seen: string[] = [];
      const run = await runMetrics(input, {
        phases: { phase: (name, work) => (timed.push(name), work()) },
        after: {
          ideas: (ideas) => seen.push(`ideas ${ideas.funnel.raised}`),
          businessCase: (b) => seen.push(`estimate ${b.estimate}`),
        },
      });
      const order = [
        'sources',
        'identities',
        'engagement',
        'conversations',
        'ideas',
        'moderation',
        'recognition',
        'network',
        'redundancy',
        'comparisons',
        'movement',
        'businessCase',
      ];
      expect(Object.keys(run.sections)).toEqual(order);
      expect(timed).toEqual(
        [
          'data quality',
          'identities',
          'engagement',
          'conversations',
          'ideas',
          'moderation',
          'recognition',
          'network',
          'duplicate efforts',
          'comparisons',
          'cohorts and migration',
          'business case',
        ].map((t) => `metrics: ${t}`),
      );
      expect(seen).toEqual(['ideas 0', 'estimate true']);
      // The same figures as the module called on its own.
      // The conversations module's figures, with the intervals and the response curve beside them.
      expect(run.sections.conversations).toMatchObject(await computeConversations(dataset.query, input.ctx));
      expect(run.sections.conversations.responseSurvival).toEqual(
        (await computeConversationEvidence(dataset.query, input.ctx)).responseSurvival,
      );
      // Yammer records no reactions and no wiki edits: said once each; the business case's caveats are its own.
      expect(run.measureWarnings.filter((w) => w.includes('reactions') || w.includes('wikiEdits'))).toHaveLength(2);
      expect(run.estimateWarnings).toEqual(run.sections.businessCase.warnings);
    } finally {
      await dataset.close();
    }
  });
});
