import { afterEach, describe, expect, it } from 'vitest';
import { computeEngagement } from '../../../src/metrics/engagement.js';
import { citationOf, computeBenchmarks } from '../../../src/metrics/evidence/benchmarks.js';
import { compareGroups } from '../../../src/metrics/evidence/compare.js';
import { computeComparisons } from '../../../src/metrics/evidence/index.js';
import { computeModerationEffects } from '../../../src/metrics/evidence/moderation-effects.js';
import { computePilotVsRest } from '../../../src/metrics/evidence/pilot-vs-rest.js';
import type { ThreadOutcome } from '../../../src/metrics/evidence/thread-outcomes.js';
import { periodFromBounds } from '../../../src/time/period.js';
import { newcombeDifference } from '../../../src/metrics/stats/difference.js';
import type { Dataset } from '../../../src/model/dataset.js';
import { act, inlineDataset } from '../../helpers/dataset.js';
import { metricContext } from '../context.js';

const options = { seed: 1, resamples: 500, minThreads: 3 };

const thread = (partial: Partial<ThreadOutcome>): ThreadOutcome => ({
  spaceId: 'yammer:g1',
  spaceName: 'Group one',
  startedAt: '2026-01-05T00:00:00Z',
  month: '2026-01',
  department: null,
  email: null,
  personId: 'p',
  answered: false,
  replies: 0,
  ...partial,
});

describe('compareGroups', () => {
  it('states a rate difference with Newcombe interval and an exact permutation p-value', () => {
    // Pilot 3 of 3 answered, rest 1 of 3: pooled four 1s and two 0s; with k ones in the pilot the
    // difference is (2k - 4)/3, at least the observed 2/3 for k = 1 or 3: (4 + 4) / C(6,3) = 0.4.
    const result = compareGroups('answeredRate', [1, 1, 1], [0, 0, 1], options);
    const interval = newcombeDifference(3, 3, 1, 3);
    expect(result).toMatchObject({
      first: 1,
      second: 1 / 3,
      firstN: 3,
      secondN: 3,
      low: interval?.low,
      high: interval?.high,
    });
    expect(result.difference).toBeCloseTo(2 / 3, 12);
    expect(result.pValue).toBeCloseTo(0.4, 12);
    // Newcombe's interval of 3/3 - 1/3 holds 0: no clear difference.
    expect(result.verdict).toBe('no clear difference');
  });

  it('says "too few" below the minimum threads on a side', () => {
    expect(compareGroups('answeredRate', [1, 1], [0, 0, 0], options)).toMatchObject({
      verdict: 'too few',
      difference: null,
      pValue: null,
    });
  });

  it('calls a clear difference higher or lower', () => {
    const many = (ones: number, n: number): number[] => Array.from({ length: n }, (_, i) => (i < ones ? 1 : 0));
    expect(compareGroups('answeredRate', many(45, 50), many(10, 50), options).verdict).toBe('higher');
    expect(compareGroups('answeredRate', many(10, 50), many(45, 50), options).verdict).toBe('lower');
  });
});

describe('computePilotVsRest', () => {
  it('puts a thread in the pilot by space name, department or starter', () => {
    const threads = [
      thread({ spaceName: 'Pilot Group', answered: true, replies: 2 }),
      thread({ department: 'Sales', answered: true, replies: 1 }),
      thread({ email: 'ana@x.example', answered: true, replies: 3 }),
      thread({ replies: 0 }),
      thread({ replies: 1, answered: true }),
      thread({ replies: 0 }),
    ];
    const result = computePilotVsRest(
      threads,
      { spaces: ['pilot group'], departments: ['sales'], people: ['Ana@x.example'] },
      options,
    );
    expect([result.pilotThreads, result.restThreads]).toEqual([3, 3]);
    expect(result.figures[0]).toMatchObject({ measure: 'answeredRate', first: 1, second: 1 / 3 });
    expect(result.figures[1]).toMatchObject({ measure: 'repliesPerThread', first: 2, second: 1 / 3 });
  });
});

describe('benchmarks', () => {
  it('sets each reference against the pilot figure it names, with its citation', () => {
    const source = {
      author: 'A. Author',
      organization: 'Org',
      title: 'Title',
      year: 2020,
      url: 'https://example.org/x',
    };
    const reference = {
      id: 'r',
      statement: 's',
      figure: 2,
      unit: 'ratio' as const,
      compareWith: 'repliesPerPost' as const,
      population: 'p',
      caveat: null,
      source,
    };
    const [benchmark] = computeBenchmarks([reference], [], {
      activePeople: 10,
      contributors: 4,
      posts: 5,
      replies: 15,
      top10Share: 0.5,
    });
    expect(benchmark).toMatchObject({
      pilot: 3,
      origin: 'built-in',
      citation: 'A. Author (Org), Title, 2020. https://example.org/x',
    });
    expect(citationOf({ ...source, author: null, url: null })).toBe('Org, Title, 2020.');
  });
});

describe('computeComparisons on a dataset', () => {
  let open: Dataset | null = null;
  afterEach(async () => {
    await open?.close();
    open = null;
  });

  it('reads threads, answers and spaces from the activities', async () => {
    const period = periodFromBounds('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', 'UTC');
    const inPilot = { spaceId: 'yammer:pilot' };
    open = (
      await inlineDataset({
        activities: [
          // Pilot space: 3 threads, 2 answered by someone else (t3's only reply is its author's).
          { id: 't1', at: '2026-01-02T10:00:00Z', identityId: 'yammer:a', ...inPilot },
          {
            id: 't1r',
            kind: 'reply' as const,
            threadId: 't1',
            parentId: 't1',
            at: '2026-01-02T11:00:00Z',
            identityId: 'yammer:b',
            ...inPilot,
          },
          { id: 't2', at: '2026-01-03T10:00:00Z', identityId: 'yammer:a', ...inPilot },
          {
            id: 't2r',
            kind: 'reply' as const,
            threadId: 't2',
            parentId: 't2',
            at: '2026-01-03T11:00:00Z',
            identityId: 'yammer:c',
            ...inPilot,
          },
          { id: 't3', at: '2026-01-04T10:00:00Z', identityId: 'yammer:a', ...inPilot },
          {
            id: 't3r',
            kind: 'reply' as const,
            threadId: 't3',
            parentId: 't3',
            at: '2026-01-04T11:00:00Z',
            identityId: 'yammer:a',
            ...inPilot,
          },
          // Elsewhere: 3 threads, none answered; one before the period (not counted).
          { id: 'u0', at: '2025-12-04T10:00:00Z', identityId: 'yammer:b' },
          { id: 'u1', at: '2026-01-05T10:00:00Z', identityId: 'yammer:b' },
          { id: 'u2', at: '2026-01-06T10:00:00Z', identityId: 'yammer:b' },
          { id: 'u3', at: '2026-01-07T10:00:00Z', identityId: 'yammer:c' },
        ].map(act),
      })
    ).dataset;
    const ctx = metricContext(period);
    const engagement = await computeEngagement(open.query, ctx);
    const result = await computeComparisons(open.query, ctx, {
      scope: { spaces: ['yammer:pilot'], departments: [], people: [] },
      options,
      builtIn: [],
      own: [],
      engagement,
      moderated: [],
    });
    expect([result.pilotVsRest?.pilotThreads, result.pilotVsRest?.restThreads]).toEqual([3, 3]);
    expect(result.pilotVsRest?.figures[0]).toMatchObject({ first: 2 / 3, second: 0 });
    // Replies: pilot 1 + 1 + 1 (the author's own reply counts as a reply, not as an answer).
    expect(result.pilotVsRest?.figures[1]).toMatchObject({ first: 1, second: 0 });
    expect(result.moderationEffects).toEqual([]);
  });
});

describe('computeModerationEffects', () => {
  const space = {
    spaceId: 'yammer:g1',
    space: 'Group one',
    moderator: 'm',
    since: '2025-07-01',
    sinceAt: '2025-07-01T00:00:00Z',
    until: '2026-01-01T00:00:00Z',
  };
  const monthOf = (iso: string): string => iso.slice(0, 7);
  // Two threads a month; before July one of two is answered, from July both: rate 0.5 then 1.
  const year = Array.from({ length: 12 }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}`).flatMap((month, m) =>
    [0, 1].map((i) => thread({ month, startedAt: `${month}-1${i}T00:00:00Z`, answered: m >= 6 || i === 0 })),
  );

  it('fits the time series with six months on each side: level +0.5, slope unchanged', () => {
    const [effect] = computeModerationEffects(year, [space], monthOf, options);
    expect(effect?.method).toBe('interrupted time series');
    expect([effect?.monthsBefore, effect?.monthsAfter]).toEqual([6, 6]);
    expect(effect?.its?.levelChange.estimate).toBeCloseTo(0.5, 10);
    expect(effect?.its?.slopeChange.estimate).toBeCloseTo(0, 10);
    // 12 of 12 after vs 6 of 12 before.
    expect(effect?.answeredRate).toMatchObject({ first: 1, second: 0.5, firstN: 12, secondN: 12 });
  });

  it('falls back to the plain difference, saying why, with fewer months', () => {
    const short = year.filter((t) => t.month >= '2025-04');
    const [effect] = computeModerationEffects(short, [space], monthOf, options);
    expect(effect).toMatchObject({ method: 'difference', its: null, monthsBefore: 3, monthsAfter: 6 });
    expect(effect?.note).toBe('3 month(s) with threads before and 6 after; a time series needs 6 on each side');
  });
});

describe('computePilotVsRest with a private space in the config', () => {
  it('counts its threads in the pilot but echoes it as "(private space)", never by name', () => {
    const threads = [thread({ spaceName: 'Board Room', answered: true, replies: 1 }), thread({ replies: 0 })];
    const result = computePilotVsRest(
      threads,
      { spaces: ['Board Room', 'Open Forum'], departments: [], people: [] },
      options,
      new Set(['board room', 'space-9']),
    );
    expect(result.scope.spaces).toEqual(['(private space)', 'Open Forum']);
    expect([result.pilotThreads, result.restThreads]).toEqual([1, 1]);
  });
});
