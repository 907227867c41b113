import { NO_INTERVAL, noConversationEvidence, SAMPLE_PROVENANCE } from '../json/documents.js';
import { describe, expect, it } from 'vitest';
import type { BaselineDelta, TargetResult } from '../../../src/metrics/targets.js';
import type { EngagementWindow } from '../../../src/metrics/types.js';
import type { MetricsDocument } from '../../../src/report/json/document.js';
import { renderMarkdownSummary } from '../../../src/report/markdown/summary.js';

const totals: EngagementWindow = {
  activePeople: 1234,
  contributors: 310,
  posts: 500,
  replies: 900,
  reactions: null,
  wikiEdits: 80,
  newContributors: 42,
  returningContributors: null,
  retention: null,
};

function source(
  kind: MetricsDocument['sources'][number]['kind'],
  path: string,
  files: number,
  read: number,
  used: number,
): MetricsDocument['sources'][number] {
  return {
    kind,
    path,
    files,
    records: { read, used, skipped: read - used, skippedByReason: {} },
    firstAt: null,
    lastAt: null,
    warnings: [],
    problemCount: 0,
    notes: [],
  };
}

const doc: MetricsDocument = {
  schemaVersion: 1,
  generatedAt: '2026-10-01T00:00:00.000Z',
  tool: { name: 'pilot-report', version: '0.1.0' },
  provenance: SAMPLE_PROVENANCE,
  identities: { sources: [], persons: 0, mergedAcrossSources: 0, aliasMerges: 0, namedPersons: 0 },
  // Q3 2026 in Paris (+2 in summer).
  period: { since: '2026-06-30T22:00:00.000Z', until: '2026-09-30T22:00:00.000Z', timeZone: 'Europe/Paris' },
  sources: [source('yammer', 'exports/yammer.zip', 3, 1250, 1200), source('mediawiki', 'wiki.xml', 1, 80, 80)],
  engagement: {
    totals: { ...totals, retentionInterval: NO_INTERVAL },
    monthly: [],
    weekly: [],
    participation: {
      contributors: 310,
      contributions: 1480,
      gini: 0.55,
      top1Share: 0.2,
      top10Share: 0.6,
      absenceFactor: 12,
    },
  },
  conversations: {
    ...noConversationEvidence('2026-09-30T22:00:00.000Z'),
    threads: 500,
    answered: 310,
    answeredRate: 0.62,
    medianHoursToFirstResponse: 3.44,
    p90HoursToFirstResponse: 20,
    repliesPerThread: 1.8,
    unanswered: [],
    questions: {
      threads: 400,
      answered: 300,
      answeredRate: 0.75,
      medianHoursToFirstResponse: 3.1,
      p90HoursToFirstResponse: 18,
      unanswered: [],
      ...noConversationEvidence('2026-09-30T22:00:00.000Z').questions,
    },
  },
  ideas: null,
  moderation: null,
  recognition: null,
  network: null,
  redundancy: null,
  businessCase: null,
  targets: [],
  warnings: [],
};

function result(
  metric: string,
  op: TargetResult['op'],
  expected: number,
  actual: number | null,
  passed: boolean,
  level: 'error' | 'warn',
): TargetResult {
  return { metric, op, expected, actual, passed, level, message: '' };
}

describe('renderMarkdownSummary', () => {
  it('renders the KPI table with values, changes vs baseline and target status', () => {
    const targets = [
      result('engagement.totals.activePeople', '>=', 1000, 1234, true, 'error'),
      result('conversations.answeredRate', '>=', 0.7, 0.62, false, 'error'),
      result('ideas.funnel.actioned', '>=', 3, null, false, 'warn'),
      result('engagement.participation.gini', '<=', 0.6, 0.55, true, 'warn'),
    ];
    const deltas: Record<string, BaselineDelta> = {
      // 134 / 1100 = 12.18 %; 0.62 - 0.58 = 4.0 points; -0.46 / 3.9 = -11.79 %.
      'engagement.totals.activePeople': { current: 1234, baseline: 1100, delta: 134, deltaPct: (134 / 1100) * 100 },
      'conversations.answeredRate': { current: 0.62, baseline: 0.58, delta: 0.62 - 0.58, deltaPct: 6.9 },
      'conversations.medianHoursToFirstResponse': {
        current: 3.44,
        baseline: 3.9,
        delta: 3.44 - 3.9,
        deltaPct: (-0.46 / 3.9) * 100,
      },
      'engagement.totals.reactions': { current: null, baseline: 40, delta: null, deltaPct: null },
      'engagement.totals.contributors': { current: 310, baseline: 310, delta: 0, deltaPct: 0 },
    };
    expect(renderMarkdownSummary(doc, targets, deltas, { title: 'Viva Engage pilot | Q3' })).toBe(
      [
        '## Viva Engage pilot \\| Q3',
        '',
        '**Period:** 2026-07-01 to 2026-09-30 (Europe/Paris)  ',
        '**Sources:** yammer `exports/yammer.zip` (3 files, 1,200 of 1,250 records used); mediawiki `wiki.xml` (1 file, 80 of 80 records used)',
        '',
        '| KPI | Value | Change vs baseline | Target |',
        '|---|---:|---:|---|',
        '| Active people | 1,234 | +134 (+12.2%) | ✅ ≥ 1,000 |',
        '| Contributors | 310 | 0 (0.0%) | — |',
        '| New contributors | 42 | — | — |',
        '| Posts | 500 | — | — |',
        '| Replies | 900 | — | — |',
        '| Reactions | n/a | n/a | — |',
        '| Wiki edits | 80 | — | — |',
        '| Threads started | 500 | — | — |',
        '| Answered threads | 62.0% | +4.0 pts | ❌ ≥ 70.0% |',
        '| Questions answered | 75.0% | — | — |',
        '| Median time to first response | 3.4 h | -0.5 h (-11.8%) | — |',
        '| Ideas raised | n/a | — | — |',
        '| Ideas actioned | n/a | — | ⚠️ ≥ 3 (not computed) |',
        '| engagement.participation.gini | 0.55 | — | ✅ ≤ 0.6 |',
        '',
        '**Targets:** 2 of 4 met; 1 error-level and 1 warning-level not met.',
        '',
      ].join('\n'),
    );
  });

  it('renders without baseline and targets', () => {
    const text = renderMarkdownSummary({ ...doc, sources: [] }, [], null);
    const lines = text.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '## Pilot report summary',
      '',
      '**Period:** 2026-07-01 to 2026-09-30 (Europe/Paris)  ',
      '**Sources:** none',
    ]);
    expect(lines).toContain('| Active people | 1,234 | — | — |');
    expect(text).not.toContain('**Targets:**');
  });

  it('prints the 95 % range beside a figure with an interval, and "too few to judge" below the minimum n', () => {
    const conversations = {
      ...doc.conversations,
      answeredRateInterval: { value: 0.62, low: 0.5764, high: 0.6617, n: 500 },
      questions: { ...doc.conversations.questions, answeredRateInterval: { value: 0.75, low: null, high: null, n: 4 } },
    };
    const lines = renderMarkdownSummary({ ...doc, conversations }, [], null).split('\n');
    expect(lines).toContain('| Answered threads | 62.0% (57.6–66.2%, n = 500) | — | — |');
    expect(lines).toContain('| Questions answered | too few to judge (n = 4) | — | — |');
  });
});
