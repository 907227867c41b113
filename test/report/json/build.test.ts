import { describe, expect, it } from 'vitest';
import { MIXED_PILOT, YAMMER_PILOT, documentFor } from './documents.js';

describe('assembleDocument', () => {
  it('assembles period, sources, engagement and conversations', async () => {
    const doc = await documentFor(YAMMER_PILOT, '2026-01-01', '2026-03-01', 'Europe/Berlin');
    expect(doc).toMatchObject({
      schemaVersion: 1,
      generatedAt: '2026-04-01T00:00:00.000Z',
      tool: { name: 'pilot-report', version: '0.1.0' },
      period: { since: '2025-12-31T23:00:00.000Z', until: '2026-02-28T23:00:00.000Z', timeZone: 'Europe/Berlin' },
      sources: [
        {
          kind: 'yammer',
          path: 'inline',
          records: { read: 4, used: 4, skipped: 0, skippedByReason: {} },
          firstAt: '2026-01-05T10:00:00.000Z',
          lastAt: '2026-02-03T09:00:00.000Z',
        },
      ],
      engagement: {
        totals: { activePeople: 3, contributors: 3, posts: 3, replies: 1, reactions: null, wikiEdits: null },
      },
      // 3 threads, one answered after 2.5 h; unanswered: the private one first (older), then the CRM question.
      conversations: { threads: 3, answered: 1, medianHoursToFirstResponse: 2.5 },
    });
    expect(doc.engagement.monthly.map((m) => m.month)).toEqual(['2026-01', '2026-02']);
    expect(doc.conversations.unanswered.map((t) => [t.space, t.title])).toEqual([
      ['(private space)', undefined],
      ['All Company', 'Anyone using the new CRM?'],
    ]);
  });

  it('leaves sections not yet computed null and says why for every null figure', async () => {
    const doc = await documentFor(YAMMER_PILOT, '2026-01-01', '2026-03-01');
    expect([doc.ideas, doc.moderation, doc.recognition, doc.network, doc.redundancy, doc.businessCase]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(doc.warnings).toEqual([
      'engagement reactions: null: no loaded source records reactions (Yammer network exports carry no likes)',
      'engagement wikiEdits, activeWikiEditors: null: no wiki source loaded',
      'engagement.totals.retention: null: nobody contributed in the previous period of equal length',
      'engagement.monthly retention: null for 2026-01: nobody contributed in the previous month',
      'ideas: null: not computed by this version of pilot-report',
      'moderation: null: not computed by this version of pilot-report',
      'recognition: null: not computed by this version of pilot-report',
      'network: null: not computed by this version of pilot-report',
      'redundancy: null: not computed by this version of pilot-report',
      'businessCase: null: not computed by this version of pilot-report',
    ]);
  });

  it('counts reactions and wiki edits when Slack and a wiki are loaded', async () => {
    const doc = await documentFor(MIXED_PILOT, '2026-03-01', '2026-04-01');
    expect(doc.engagement.totals).toMatchObject({ posts: 1, replies: 0, reactions: 1, wikiEdits: 1 });
    expect(doc.engagement.monthly[0]?.activeWikiEditors).toBe(0);
    expect(doc.warnings.filter((w) => w.startsWith('engagement'))).toEqual([
      'engagement.totals.retention: null: nobody contributed in the previous period of equal length',
      'engagement.monthly retention: null for 2026-03: nobody contributed in the previous month',
    ]);
  });
});
