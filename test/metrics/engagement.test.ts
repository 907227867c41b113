import { afterEach, describe, expect, it } from 'vitest';
import { computeEngagement } from '../../src/metrics/engagement.js';
import { monthlyDaily, withLocalOffsets } from '../../src/metrics/engagement-sql.js';
import { periodFromBounds } from '../../src/time/period.js';
import type { Dataset } from '../../src/model/dataset.js';
import { act, inlineDataset, recordingQuery } from '../helpers/dataset.js';
import { metricContext } from './context.js';

let open: Dataset | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

async function load(...activities: Parameters<typeof act>[0][]): Promise<Dataset> {
  open = (await inlineDataset({ activities: activities.map(act) })).dataset;
  return open;
}

describe('computeEngagement', () => {
  // Berlin, period January-March 2026. a contributed in December 2025 (before the period).
  // Person-days: Jan a(5), c(6), b(20); Feb b(1), a(10); Mar c(2), a(3).
  const berlinQuarter = periodFromBounds('2026-01-01', '2026-04-01', 'Europe/Berlin');
  const threeMonths = () =>
    load(
      { id: 'y:0', at: '2025-12-10T10:00:00Z', identityId: 'yammer:a' },
      { id: 'y:1', at: '2026-01-05T10:00:00Z', identityId: 'yammer:a' },
      {
        id: 'y:2',
        kind: 'reply',
        threadId: 'y:1',
        parentId: 'y:1',
        at: '2026-01-06T10:00:00Z',
        identityId: 'yammer:c',
      },
      {
        id: 'y:1#like',
        kind: 'reaction',
        threadId: 'y:1',
        parentId: 'y:1',
        at: '2026-01-20T12:00:00Z',
        identityId: 'yammer:b',
      },
      // 23:30 UTC on 31 January is 00:30 on 1 February in Berlin: a February reply.
      {
        id: 'y:3',
        kind: 'reply',
        threadId: 'y:1',
        parentId: 'y:1',
        at: '2026-01-31T23:30:00Z',
        identityId: 'yammer:b',
      },
      { id: 'y:4', at: '2026-02-10T10:00:00Z', identityId: 'yammer:a' },
      { id: 'y:5', at: '2026-03-02T09:00:00Z', identityId: 'yammer:c' },
      {
        id: 'y:6',
        kind: 'reply',
        threadId: 'y:5',
        parentId: 'y:5',
        at: '2026-03-03T09:00:00Z',
        identityId: 'yammer:a',
      },
    );

  it('cuts months in the report time zone and computes each month by hand', async () => {
    const engagement = await computeEngagement((await threeMonths()).query, metricContext(berlinQuarter));
    expect(engagement.monthly).toEqual([
      // returning: {a, c} and December's {a} share a -> 1 of 1
      {
        month: '2026-01',
        activePeople: 3,
        contributors: 2,
        posts: 1,
        replies: 1,
        reactions: 1,
        wikiEdits: null,
        newContributors: 1,
        returningContributors: 1,
        retention: 1,
        reactivatedContributors: 0,
        stickiness: 3 / 31 / 3,
        activeWikiEditors: null,
      },
      // {a, b} vs January's {a, c}: a -> 1 of 2; b is new
      {
        month: '2026-02',
        activePeople: 2,
        contributors: 2,
        posts: 1,
        replies: 1,
        reactions: 0,
        wikiEdits: null,
        newContributors: 1,
        returningContributors: 1,
        retention: 0.5,
        reactivatedContributors: 0,
        stickiness: 2 / 28 / 2,
        activeWikiEditors: null,
      },
      // {c, a}: a returns from February; c contributed in January but not February -> reactivated
      {
        month: '2026-03',
        activePeople: 2,
        contributors: 2,
        posts: 1,
        replies: 1,
        reactions: 0,
        wikiEdits: null,
        newContributors: 0,
        returningContributors: 1,
        retention: 0.5,
        reactivatedContributors: 1,
        stickiness: 2 / 31 / 2,
        activeWikiEditors: null,
      },
    ]);
  });

  it('gives totals relative to the previous period of equal length and participation', async () => {
    const engagement = await computeEngagement((await threeMonths()).query, metricContext(berlinQuarter));
    // Previous period: October-December 2025, contributors {a}; a returns -> 1 of 1.
    expect(engagement.totals).toEqual({
      activePeople: 3,
      contributors: 3,
      posts: 3,
      replies: 3,
      reactions: 1,
      wikiEdits: null,
      newContributors: 2,
      returningContributors: 1,
      retention: 1,
    });
    // Contributions a 3, b 1, c 2: gini ((-2)*1 + 0*2 + 2*3) / (3 * 6) = 2/9; top ceil(3%) = ceil(30%) = 1 person holds 3 of 6.
    expect(engagement.participation).toEqual({
      contributors: 3,
      contributions: 6,
      gini: expect.closeTo(2 / 9, 12),
      top1Share: 0.5,
      top10Share: 0.5,
      absenceFactor: 1,
    });
  });

  it('lists every ISO week overlapping the period', async () => {
    const engagement = await computeEngagement((await threeMonths()).query, metricContext(berlinQuarter));
    // 1 January 2026 is a Thursday (2026-W01); 31 March is a Tuesday of 2026-W14.
    expect(engagement.weekly.map((w) => w.week)).toEqual(
      Array.from({ length: 14 }, (_, i) => `2026-W${String(i + 1).padStart(2, '0')}`),
    );
    expect(engagement.weekly.filter((w) => w.activePeople > 0)).toEqual([
      { week: '2026-W02', activePeople: 2, contributors: 2 },
      { week: '2026-W04', activePeople: 1, contributors: 0 },
      { week: '2026-W05', activePeople: 1, contributors: 1 },
      { week: '2026-W07', activePeople: 1, contributors: 1 },
      { week: '2026-W10', activePeople: 2, contributors: 2 },
    ]);
  });

  it('puts Monday 29 December 2025 (local) in 2026-W01', async () => {
    const dataset = await load(
      { id: 'y:1', at: '2025-12-28T22:30:00Z', identityId: 'yammer:a' }, // Sunday 23:30 Berlin
      { id: 'y:2', at: '2025-12-28T23:30:00Z', identityId: 'yammer:b' }, // Monday 00:30 Berlin
    );
    const engagement = await computeEngagement(
      dataset.query,
      metricContext(periodFromBounds('2025-12-28', '2026-01-05', 'Europe/Berlin')),
    );
    expect(engagement.weekly).toEqual([
      { week: '2025-W52', activePeople: 1, contributors: 1 },
      { week: '2026-W01', activePeople: 1, contributors: 1 },
    ]);
  });

  it('keeps empty months as zeros, with retention null after a month without contributors', async () => {
    const dataset = await load(
      { id: 'y:1', at: '2026-01-10T10:00:00Z', identityId: 'yammer:a' },
      { id: 'y:2', at: '2026-03-10T10:00:00Z', identityId: 'yammer:a' },
    );
    const engagement = await computeEngagement(
      dataset.query,
      metricContext(periodFromBounds('2026-01-01', '2026-04-01', 'UTC')),
    );
    expect(
      engagement.monthly.map((m) => [
        m.month,
        m.contributors,
        m.posts,
        m.returningContributors,
        m.retention,
        m.stickiness,
        m.reactivatedContributors,
      ]),
    ).toEqual([
      ['2026-01', 1, 1, 0, null, 1 / 31, 0], // nothing in December 2025; a is new
      ['2026-02', 0, 0, 0, 0, null, 0], // January had 1 contributor, none returned
      ['2026-03', 1, 1, 0, null, 1 / 31, 1], // February had none; a comes back after a gap: reactivated
    ]);
    for (const m of engagement.monthly)
      expect(m.newContributors + (m.returningContributors ?? 0) + m.reactivatedContributors).toBe(m.contributors);
    // The previous quarter had no contributors either.
    expect(engagement.totals.retention).toBeNull();
    expect(engagement.totals.returningContributors).toBe(0);
  });

  it('reports kinds no loaded source records as null, and active wiki editors with a wiki', async () => {
    const edits = (who: string, n: number, day: string) =>
      Array.from({ length: n }, (_, i) => ({
        id: `w:${who}${i}`,
        source: 'mediawiki' as const,
        kind: 'page_edit' as const,
        threadId: 'w:page',
        at: `${day}T1${i}:00:00Z`,
        identityId: `mediawiki:${who}`,
      }));
    const dataset = await load(...edits('w', 5, '2026-01-12'), ...edits('v', 4, '2026-01-13'));
    const wikiOnly = metricContext(periodFromBounds('2026-01-01', '2026-02-01', 'UTC'), {
      capabilities: { messages: false, reactions: false, wiki: true },
    });
    const engagement = await computeEngagement(dataset.query, wikiOnly);
    expect(engagement.monthly[0]).toMatchObject({
      posts: null,
      replies: null,
      reactions: null,
      wikiEdits: 9,
      activeWikiEditors: 1,
      contributors: 2,
    });
    expect(engagement.totals).toMatchObject({ posts: null, replies: null, reactions: null, wikiEdits: 9 });
  });

  it('gives null participation figures when nobody contributed', async () => {
    const dataset = await load({ id: 'y:1', at: '2025-06-10T10:00:00Z', identityId: 'yammer:a' });
    const engagement = await computeEngagement(
      dataset.query,
      metricContext(periodFromBounds('2026-01-01', '2026-02-01', 'UTC')),
    );
    expect(engagement.participation).toEqual({
      contributors: 0,
      contributions: 0,
      gini: null,
      top1Share: null,
      top10Share: null,
      absenceFactor: null,
    });
    expect(engagement.monthly).toEqual([
      {
        month: '2026-01',
        activePeople: 0,
        contributors: 0,
        posts: 0,
        replies: 0,
        reactions: 0,
        wikiEdits: null,
        newContributors: 0,
        returningContributors: 0,
        retention: null,
        reactivatedContributors: 0,
        stickiness: null,
        activeWikiEditors: null,
      },
    ]);
  });
});

describe('local offsets table', () => {
  it('is built once for all of engagement, dropped after, and each query alone builds its own', async () => {
    const dataset = await load(
      { id: 'y:1', at: '2026-01-31T23:30:00Z', identityId: 'yammer:a' },
      { id: 'y:2', at: '2026-02-10T10:00:00Z', identityId: 'yammer:b' },
    );
    const { query, runs: creates } = recordingQuery(dataset, 'TEMP TABLE local_offsets');
    const berlin = periodFromBounds('2026-01-01', '2026-03-01', 'Europe/Berlin');
    const engagement = await computeEngagement(query, metricContext(berlin));
    expect(creates).toHaveLength(1);
    // 23:30 UTC on 31 January is 1 February in Berlin: both contributions fall in February.
    expect(engagement.monthly.map((m) => [m.month, m.contributors])).toEqual([
      ['2026-01', 0],
      ['2026-02', 2],
    ]);
    const alone = await monthlyDaily(query, berlin);
    expect(alone).toEqual([{ month: '2026-02', person_days: 2, active_wiki_editors: 0 }]);
    expect(creates).toHaveLength(2);
    expect(await query.all("SELECT table_name FROM duckdb_tables() WHERE table_name = 'local_offsets'")).toEqual([]);
    const utc = periodFromBounds('2026-01-01', '2026-03-01', 'UTC');
    await expect(withLocalOffsets(query, 'Europe/Berlin', () => monthlyDaily(query, utc))).rejects.toThrow(/nested/);
  });
});

describe('person-days table', () => {
  it('splits a day at a period bound inside it: counts, person-days and new contributors follow the instant', async () => {
    // The period ends at 12:00 UTC on 10 February: a's post at 10:00 is in it; a's reply at 13:00
    // and b's first contribution at 13:00, the same day, are not. c's reaction at 11:00 is.
    const dataset = await load(
      { id: 'y:1', at: '2026-02-10T10:00:00Z', identityId: 'yammer:a' },
      {
        id: 'y:2',
        kind: 'reply',
        threadId: 'y:1',
        parentId: 'y:1',
        at: '2026-02-10T13:00:00Z',
        identityId: 'yammer:a',
      },
      { id: 'y:3', at: '2026-02-10T13:00:00Z', identityId: 'yammer:b' },
      {
        id: 'y:1#like',
        kind: 'reaction',
        threadId: 'y:1',
        parentId: 'y:1',
        reaction: 'like',
        at: '2026-02-10T11:00:00Z',
        identityId: 'yammer:c',
      },
    );
    const { query, runs: builds } = recordingQuery(dataset, 'TEMP TABLE engagement_person_days');
    const period = { since: '2026-02-01T00:00:00.000Z', until: '2026-02-10T12:00:00.000Z', timeZone: 'UTC' };
    const engagement = await computeEngagement(query, metricContext(period));
    expect(builds).toHaveLength(1);
    expect(
      engagement.monthly.map((m) => [m.month, m.activePeople, m.contributors, m.posts, m.replies, m.reactions]),
    ).toEqual([['2026-02', 2, 1, 1, 0, 1]]);
    expect(engagement.totals.newContributors).toBe(1);
    expect(await monthlyDaily(query, period)).toEqual([{ month: '2026-02', person_days: 2, active_wiki_editors: 0 }]);
    expect(
      await query.all("SELECT table_name FROM duckdb_tables() WHERE table_name = 'engagement_person_days'"),
    ).toEqual([]);
  });
});
