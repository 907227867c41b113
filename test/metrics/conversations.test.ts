import { afterEach, describe, expect, it } from 'vitest';
import { computeConversations } from '../../src/metrics/conversations.js';
import { periodFromBounds } from '../../src/time/period.js';
import type { Dataset } from '../../src/model/dataset.js';
import type { Identity } from '../../src/model/types.js';
import { act, inlineDataset } from '../helpers/dataset.js';
import { metricContext } from './context.js';

let open: Dataset | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

const person = (id: string, email: string | null): Identity => ({
  id,
  source: 'yammer',
  name: id,
  email,
  department: null,
  isBot: false,
});
const reply = (id: string, thread: string, at: string, identityId: string) =>
  act({ id, kind: 'reply', threadId: thread, parentId: thread, at, identityId });

/**
 * January 2026 (UTC), as of 1 February. yammer:ana and yammer:ana-old share an e-mail: one person.
 * T1 (5 Jan 10:00, Ana): replies by Ana and Ana's other account only -> unanswered, 2 replies.
 * T2 (10 Jan 08:00, Bob): Ana replies 2 h later -> answered, 2 replies.
 * T3 (20 Jan, Ana): Bob replies on 3 Feb, after the period, 336 h later -> answered, 1 reply.
 * T4 (15 Jan, Bob, private group): no reply -> unanswered, no title.
 * T6 (25 Jan 00:00, Ana): Bob replies at 04:00 -> answered in 4 h, 1 reply.
 * T5 starts in December (not counted); the wiki page is not a thread.
 */
async function january(): Promise<Dataset> {
  const { dataset } = await inlineDataset({
    identities: [
      person('yammer:ana', 'Ana@example.com'),
      person('yammer:ana-old', 'ana@EXAMPLE.com'),
      person('yammer:bob', 'bob@example.com'),
    ],
    spaces: [
      { id: 'yammer:general', source: 'yammer', name: 'General', kind: 'group', isPrivate: false },
      { id: 'yammer:board', source: 'yammer', name: 'Board', kind: 'group', isPrivate: true },
    ],
    activities: [
      act({
        id: 'T1',
        at: '2026-01-05T10:00:00Z',
        identityId: 'yammer:ana',
        spaceId: 'yammer:general',
        text: 'How do I book the big meeting room for a whole day?',
      }),
      reply('T1r1', 'T1', '2026-01-05T11:00:00Z', 'yammer:ana'),
      reply('T1r2', 'T1', '2026-01-05T12:00:00Z', 'yammer:ana-old'),
      act({ id: 'T2', at: '2026-01-10T08:00:00Z', identityId: 'yammer:bob', spaceId: 'yammer:general' }),
      reply('T2r1', 'T2', '2026-01-10T10:00:00Z', 'yammer:ana'),
      reply('T2r2', 'T2', '2026-01-10T11:00:00Z', 'yammer:bob'),
      act({ id: 'T3', at: '2026-01-20T00:00:00Z', identityId: 'yammer:ana', spaceId: 'yammer:general' }),
      reply('T3r1', 'T3', '2026-02-03T00:00:00Z', 'yammer:bob'),
      act({
        id: 'T4',
        at: '2026-01-15T00:00:00Z',
        identityId: 'yammer:bob',
        spaceId: 'yammer:board',
        text: 'Secret reorganisation plan',
      }),
      act({ id: 'T5', at: '2025-12-20T00:00:00Z', identityId: 'yammer:ana', spaceId: 'yammer:general' }),
      reply('T5r1', 'T5', '2026-01-02T00:00:00Z', 'yammer:bob'),
      act({ id: 'T6', at: '2026-01-25T00:00:00Z', identityId: 'yammer:ana', spaceId: 'yammer:general' }),
      reply('T6r1', 'T6', '2026-01-25T04:00:00Z', 'yammer:bob'),
      act({
        id: 'W1',
        source: 'mediawiki',
        kind: 'page_create',
        at: '2026-01-07T00:00:00Z',
        identityId: 'mediawiki:Ana',
      }),
    ],
  });
  open = dataset;
  return dataset;
}

const january2026 = periodFromBounds('2026-01-01', '2026-02-01', 'UTC');

describe('computeConversations', () => {
  it('counts threads started in the period, answered by another person at any time', async () => {
    const c = await computeConversations(
      (await january()).query,
      metricContext(january2026, { asOf: '2026-02-01T00:00:00Z' }),
    );
    expect(c).toMatchObject({ threads: 5, answered: 3, answeredRate: 0.6 });
    // Hours to first response [2, 4, 336]: median 4; p90 rank 0.9 * 2 = 1.8 -> 4 + 0.8 * 332 = 269.6
    expect(c.medianHoursToFirstResponse).toBe(4);
    expect(c.p90HoursToFirstResponse).toBeCloseTo(269.6, 9);
    // Replies (2 + 2 + 1 + 0 + 1) / 5
    expect(c.repliesPerThread).toBeCloseTo(1.2, 12);
  });

  it('lists the oldest unanswered threads, hiding the text of private spaces', async () => {
    const c = await computeConversations(
      (await january()).query,
      metricContext(january2026, { asOf: '2026-02-01T00:00:00Z' }),
    );
    expect(c.unanswered).toEqual([
      // 26.58 days before 1 February -> 26 whole days
      {
        id: 'T1',
        source: 'yammer',
        space: 'General',
        startedAt: '2026-01-05T10:00:00.000Z',
        ageDays: 26,
        title: 'How do I book the big meeting room for a whole day?',
      },
      { id: 'T4', source: 'yammer', space: '(private space)', startedAt: '2026-01-15T00:00:00.000Z', ageDays: 17 },
    ]);
  });

  it('keeps the list to unansweredListSize and cuts titles at 100 characters', async () => {
    const { dataset } = await inlineDataset({
      activities: [
        act({ id: 'T1', at: '2026-01-05T10:00:00Z', identityId: 'yammer:a', text: 'x'.repeat(150) }),
        act({ id: 'T2', at: '2026-01-06T10:00:00Z', identityId: 'yammer:a' }),
      ],
    });
    open = dataset;
    const c = await computeConversations(
      dataset.query,
      metricContext(january2026, { config: { unansweredListSize: 1 } }),
    );
    expect(c.unanswered).toHaveLength(1);
    expect(c.unanswered[0]?.title).toBe('x'.repeat(100));
  });

  it('gives null rates and times when no thread started in the period', async () => {
    const { dataset } = await inlineDataset({
      activities: [act({ id: 'T1', at: '2025-05-05T10:00:00Z', identityId: 'yammer:a' })],
    });
    open = dataset;
    expect(await computeConversations(dataset.query, metricContext(january2026))).toEqual({
      threads: 0,
      answered: 0,
      answeredRate: null,
      medianHoursToFirstResponse: null,
      p90HoursToFirstResponse: null,
      repliesPerThread: null,
      unanswered: [],
      questions: {
        threads: 0,
        answered: 0,
        answeredRate: null,
        medianHoursToFirstResponse: null,
        p90HoursToFirstResponse: null,
        unanswered: [],
      },
    });
  });
});

describe('conversations.questions', () => {
  /**
   * Starters, by hand: Q = a question by the default rule.
   * Q1 "Where is the travel policy" (no mark, interrogative opening), answered after 1 h.
   * Q2 "@bob kannst du ... ? danke" (mark mid-text), answered after 3 h.
   * Q3 title "Wer pflegt das Wiki" (German opening in the title), unanswered.
   * Q4 "¿Alguien tiene la plantilla" (Spanish mark), answered after 8 h.
   * N1 "Reminder: feedback is due on the 24th." unanswered: an announcement, not a question.
   * N2 "See https://intranet/page?id=4 for the plan" (a ? inside a link), unanswered.
   * N3 "Whoever joins, bring a laptop." (starts with "who" but not the word), unanswered.
   */
  async function mixed(): Promise<Dataset> {
    const { dataset } = await inlineDataset({
      identities: [person('yammer:ana', 'ana@example.com'), person('yammer:bob', 'bob@example.com')],
      activities: [
        act({ id: 'Q1', at: '2026-01-05T10:00:00Z', identityId: 'yammer:ana', text: 'Where is the travel policy' }),
        reply('Q1r', 'Q1', '2026-01-05T11:00:00Z', 'yammer:bob'),
        act({
          id: 'Q2',
          at: '2026-01-06T10:00:00Z',
          identityId: 'yammer:ana',
          text: '@bob kannst du mir helfen? danke',
        }),
        reply('Q2r', 'Q2', '2026-01-06T13:00:00Z', 'yammer:bob'),
        act({
          id: 'Q3',
          at: '2026-01-07T10:00:00Z',
          identityId: 'yammer:ana',
          title: 'Wer pflegt das Wiki',
          text: 'Es ist veraltet.',
        }),
        act({ id: 'Q4', at: '2026-01-08T10:00:00Z', identityId: 'yammer:bob', text: '¿Alguien tiene la plantilla' }),
        reply('Q4r', 'Q4', '2026-01-08T18:00:00Z', 'yammer:ana'),
        act({
          id: 'N1',
          at: '2026-01-02T10:00:00Z',
          identityId: 'yammer:bob',
          text: 'Reminder: feedback is due on the 24th.',
        }),
        act({
          id: 'N2',
          at: '2026-01-03T10:00:00Z',
          identityId: 'yammer:bob',
          text: 'See https://intranet/page?id=4 for the plan',
        }),
        act({ id: 'N3', at: '2026-01-04T10:00:00Z', identityId: 'yammer:bob', text: 'Whoever joins, bring a laptop.' }),
      ],
    });
    open = dataset;
    return dataset;
  }

  it('counts only threads whose starter asks, and leaves conversations as they are', async () => {
    const c = await computeConversations(
      (await mixed()).query,
      metricContext(january2026, { asOf: '2026-02-01T00:00:00Z' }),
    );
    expect(c).toMatchObject({ threads: 7, answered: 3 });
    // Questions Q1..Q4, answered Q1, Q2, Q4 in [1, 3, 8] h: median 3; p90 rank 1.8 -> 3 + 0.8 * 5 = 7
    expect(c.questions).toMatchObject({ threads: 4, answered: 3, answeredRate: 0.75, medianHoursToFirstResponse: 3 });
    expect(c.questions.p90HoursToFirstResponse).toBeCloseTo(7, 9);
    // The announcement, the link and "Whoever" are unanswered threads, but not unanswered questions.
    expect(c.unanswered.map((t) => t.id)).toEqual(['N1', 'N2', 'N3', 'Q3']);
    expect(c.questions.unanswered.map((t) => t.id)).toEqual(['Q3']);
  });

  it('takes the patterns from config: none makes no question, one pattern replaces the defaults', async () => {
    const dataset = await mixed();
    const none = await computeConversations(
      dataset.query,
      metricContext(january2026, { config: { questionPatterns: [] } }),
    );
    expect(none.questions).toMatchObject({ threads: 0, answered: 0, answeredRate: null, unanswered: [] });
    const reminders = await computeConversations(
      dataset.query,
      metricContext(january2026, { config: { questionPatterns: ['^reminder:'] } }),
    );
    expect(reminders.questions).toMatchObject({ threads: 1, answered: 0, answeredRate: 0 });
  });
});
