import { describe, expect, it } from 'vitest';
import { capabilitiesOf } from '../../src/sources/capabilities.js';
import { computeConversations } from '../../src/metrics/conversations.js';
import { computeConversationEvidence } from '../../src/metrics/uncertainty/index.js';
import { periodFromBounds } from '../../src/time/period.js';
import type { MetricInput } from '../../src/metrics/registry-types.js';
import { runMetrics } from '../../src/metrics/run-metrics.js';
import { DEFAULT_METRICS_CONFIG } from '../../src/metrics/types.js';
import type { Dataset } from '../../src/model/dataset.js';
import { inlineDataset } from '../helpers/dataset.js';
import { YAMMER_PILOT } from '../report/json/documents.js';
import { defaultSettings } from './context.js';

/** The Yammer test pilot as one input, and the metric input over it (January and February 2026). */
async function yammerPilot(): Promise<{ dataset: Dataset; input: MetricInput }> {
  const { dataset, account } = await inlineDataset(YAMMER_PILOT);
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
  return { dataset, input };
}

describe('runMetrics (the metric registry)', () => {
  it('computes every section in the document order, times each area, and gives the sections the modules give', async () => {
    const { dataset, input } = await yammerPilot();
    try {
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

  it('gives the same sections and warnings with areas on three connections at once as on one', async () => {
    const { dataset, input } = await yammerPilot();
    try {
      const one = await runMetrics(input);
      const running = new Set<string>();
      const started: string[] = [];
      let most = 0;
      const three = await runMetrics(input, {
        moreQueries: await dataset.moreQueries(2),
        phases: {
          phase: async (name, work) => {
            started.push(name);
            running.add(name);
            most = Math.max(most, running.size);
            try {
              return await work();
            } finally {
              running.delete(name);
            }
          },
        },
      });
      // Areas did overlap (recognition waits for ideas, comparisons for engagement and moderation),
      // duplicate efforts first (its JavaScript is the longest), then the registry's order.
      expect(most).toBeGreaterThan(1);
      expect(started.slice(0, 3)).toEqual([
        'metrics: duplicate efforts',
        'metrics: data quality',
        'metrics: identities',
      ]);
      expect(JSON.stringify(three.sections)).toBe(JSON.stringify(one.sections));
      expect(three.measureWarnings).toEqual(one.measureWarnings);
      expect(three.estimateWarnings).toEqual(one.estimateWarnings);
    } finally {
      await dataset.close();
    }
  });
});
