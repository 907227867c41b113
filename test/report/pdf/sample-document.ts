import { NO_INTERVAL, noConversationEvidence, SAMPLE_PROVENANCE } from '../json/documents.js';
import { SCHEMA_VERSION, type MetricsDocument } from '../../../src/report/json/document.js';
import type { EngagementMonth } from '../../../src/metrics/types.js';

/** A month of engagement with only the figures the report reads set. */
export function month(key: string, activePeople: number, contributors: number): EngagementMonth {
  return {
    month: key,
    activePeople,
    contributors,
    posts: null,
    replies: null,
    reactions: null,
    wikiEdits: null,
    newContributors: 0,
    returningContributors: null,
    retention: null,
    reactivatedContributors: 0,
    stickiness: null,
    activeWikiEditors: null,
  };
}

/**
 * A small, hand-made metrics document: three months, 40 threads of which 31 answered, one Slack
 * and one Yammer source, Unicode names in spaces and titles.
 */
export function sampleDocument(): MetricsDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    generatedAt: '2026-04-02T00:00:00.000Z',
    tool: { name: 'pilot-report', version: '0.1.0' },
    provenance: SAMPLE_PROVENANCE,
    identities: { sources: [], persons: 0, mergedAcrossSources: 0, aliasMerges: 0, namedPersons: 0 },
    period: { since: '2026-01-01T00:00:00.000Z', until: '2026-04-01T00:00:00.000Z', timeZone: 'UTC' },
    sources: [
      {
        kind: 'yammer',
        path: 'exports/yammer-2026',
        files: 3,
        records: { read: 1250, used: 1200, skipped: 50, skippedByReason: { deleted: 38, bot: 12 } },
        firstAt: '2026-01-03T09:00:00.000Z',
        lastAt: '2026-03-30T17:00:00.000Z',
        warnings: ['Messages.csv:42: "31/02/2026" is not a date', 'Messages.csv:97: missing sender_id'],
        problemCount: 7,
        notes: ['Yammer network exports carry no likes'],
      },
      {
        kind: 'slack',
        path: 'exports/slack/Команда Олени',
        files: 12,
        records: { read: 300, used: 300, skipped: 0, skippedByReason: {} },
        firstAt: '2026-01-10T09:00:00.000Z',
        lastAt: '2026-03-28T17:00:00.000Z',
        warnings: [],
        problemCount: 0,
        notes: [],
      },
    ],
    engagement: {
      totals: {
        activePeople: 137,
        contributors: 58,
        posts: 412,
        replies: 1029,
        reactions: 230,
        wikiEdits: null,
        newContributors: 20,
        returningContributors: null,
        retention: null,
        retentionInterval: NO_INTERVAL,
      },
      monthly: [month('2026-01', 81, 30), month('2026-02', 95, 41), month('2026-03', 110, 47)],
      weekly: [],
      participation: {
        contributors: 58,
        contributions: 1441,
        gini: 0.61,
        top1Share: 0.12,
        top10Share: 0.48,
        absenceFactor: 6,
      },
    },
    conversations: {
      ...noConversationEvidence('2026-04-01T00:00:00.000Z'),
      threads: 40,
      answered: 31,
      answeredRate: 0.775,
      medianHoursToFirstResponse: 3.25,
      p90HoursToFirstResponse: 41.5,
      repliesPerThread: 2.5,
      unanswered: [
        {
          id: 't1',
          source: 'slack',
          space: 'Олена Коваленко',
          startedAt: '2026-01-12T10:00:00.000Z',
          ageDays: 79,
          title: '王伟 asks: who owns the onboarding wiki?',
        },
        { id: 't2', source: 'yammer', space: '(private space)', startedAt: '2026-02-01T10:00:00.000Z', ageDays: 59 },
        {
          id: 't3',
          source: 'yammer',
          space: 'Zoë Łukasz fan club',
          startedAt: '2026-02-15T10:00:00.000Z',
          ageDays: 45,
          title: 'Ideas for the Q2 offsite',
        },
      ],
      questions: {
        threads: 30,
        answered: 24,
        answeredRate: 0.8,
        medianHoursToFirstResponse: 3,
        p90HoursToFirstResponse: 40,
        unanswered: [
          {
            id: 't1',
            source: 'slack',
            space: 'Олена Коваленко',
            startedAt: '2026-01-12T10:00:00.000Z',
            ageDays: 79,
            title: '王伟 asks: who owns the onboarding wiki?',
          },
          { id: 't2', source: 'yammer', space: '(private space)', startedAt: '2026-02-01T10:00:00.000Z', ageDays: 59 },
          {
            id: 't4',
            source: 'yammer',
            space: 'Zoë Łukasz fan club',
            startedAt: '2026-02-16T10:00:00.000Z',
            ageDays: 44,
            title: 'Where do we hold the Q2 offsite?',
          },
        ],
        ...noConversationEvidence('2026-04-01T00:00:00.000Z').questions,
      },
    },
    ideas: null,
    moderation: null,
    recognition: null,
    network: null,
    redundancy: null,
    businessCase: null,
    targets: [],
    warnings: ['ideas: not computed yet in this version'],
  };
}
