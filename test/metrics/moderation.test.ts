import { afterEach, describe, expect, it } from 'vitest';
import { computeModeration } from '../../src/metrics/moderation.js';
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

const person = (user: string): Identity => ({
  id: `yammer:${user}`,
  source: 'yammer',
  name: user.toUpperCase(),
  email: `${user}@example.com`,
  department: null,
  isBot: false,
});
const post = (id: string, at: string, user: string) =>
  act({ id, at, identityId: `yammer:${user}`, spaceId: 'yammer:general' });
const reply = (id: string, thread: string, at: string, user: string) =>
  act({
    id,
    kind: 'reply',
    threadId: thread,
    parentId: thread,
    at,
    identityId: `yammer:${user}`,
    spaceId: 'yammer:general',
  });

/**
 * Mo is a moderator by the people file, from 10 January; Cfg by the config (identity id).
 * T0 (Dec, C): D replies after 2 h.                        -> before the period
 * T1 (5 Jan 09:00, A): Mo 1 h (before Mo's start: "other"), B 3 h -> first by other, not joined
 * T2 (12 Jan 09:00, A): B 2 h, Mo 4 h                      -> first by other, joined
 * T3 (15 Jan, B): Cfg 6 h                                   -> first by moderator, joined
 * T4 (20 Jan, Cfg): no reply                                -> unanswered, joined (started by a moderator)
 * T5 (22 Jan, C): only C replies                            -> unanswered
 * T6 (25 Jan, C): A 8 h                                     -> first by other
 */
async function pilot(): Promise<Dataset> {
  const { dataset } = await inlineDataset({
    identities: ['a', 'b', 'c', 'd', 'mo', 'cfg'].map(person),
    spaces: [{ id: 'yammer:general', source: 'yammer', name: 'General', kind: 'group', isPrivate: false }],
    people: [
      { email: 'mo@example.com', name: 'Mo', department: null, role: 'moderator', aliases: [], since: '2026-01-10' },
    ],
    activities: [
      post('T0', '2025-12-01T09:00:00Z', 'c'),
      reply('T0r1', 'T0', '2025-12-01T11:00:00Z', 'd'),
      post('T1', '2026-01-05T09:00:00Z', 'a'),
      reply('T1r1', 'T1', '2026-01-05T10:00:00Z', 'mo'),
      reply('T1r2', 'T1', '2026-01-05T12:00:00Z', 'b'),
      post('T2', '2026-01-12T09:00:00Z', 'a'),
      reply('T2r1', 'T2', '2026-01-12T11:00:00Z', 'b'),
      reply('T2r2', 'T2', '2026-01-12T13:00:00Z', 'mo'),
      post('T3', '2026-01-15T00:00:00Z', 'b'),
      reply('T3r1', 'T3', '2026-01-15T06:00:00Z', 'cfg'),
      post('T4', '2026-01-20T00:00:00Z', 'cfg'),
      post('T5', '2026-01-22T00:00:00Z', 'c'),
      reply('T5r1', 'T5', '2026-01-22T01:00:00Z', 'c'),
      post('T6', '2026-01-25T00:00:00Z', 'c'),
      reply('T6r1', 'T6', '2026-01-25T08:00:00Z', 'a'),
    ],
  });
  open = dataset;
  return dataset;
}

const january = periodFromBounds('2026-01-01', '2026-02-01', 'UTC');
const since = new Map([['mo@example.com', '2026-01-10']]);

describe('computeModeration', () => {
  it('finds moderators from the people file role and the config, and warns about unknown keys', async () => {
    const m = await computeModeration(
      (await pilot()).query,
      metricContext(january, { config: { moderators: ['yammer:cfg', 'ghost@example.com'] } }),
      { moderatorSince: since },
    );
    expect(m.moderators).toEqual([
      { id: 'cfg@example.com', name: 'CFG', since: null },
      { id: 'mo@example.com', name: 'Mo', since: '2026-01-10' },
    ]);
    expect(m.warnings).toEqual(['moderator "ghost@example.com" matches nobody in the data']);
  });

  it('compares first responses and joined threads of moderators and others', async () => {
    const m = await computeModeration(
      (await pilot()).query,
      metricContext(january, { config: { moderators: ['yammer:cfg'] } }),
      { moderatorSince: since },
    );
    // Answered: T1, T2, T3, T6; only T3's first response is a moderator's (Mo's T1 reply predates 10 Jan).
    expect(m).toMatchObject({ threads: 6, answered: 4, moderatorFirstResponseShare: 0.25 });
    // Moderators' first responses: T2 4 h, T3 6 h -> 5; others': T1 1 h (Mo, not yet moderating), T2 2 h, T6 8 h -> 2
    expect(m.medianHoursToFirstResponse).toEqual({ moderators: 5, others: 2 });
    // Joined T2, T3, T4: answered 2/3, replies (2+1+0)/3, people (3+2+1)/3
    expect(m.withModerator.threads).toBe(3);
    expect(m.withModerator.answeredRate).toBeCloseTo(2 / 3, 12);
    expect(m.withModerator.repliesPerThread).toBe(1);
    expect(m.withModerator.participantsPerThread).toBe(2);
    // Not joined T1, T5, T6: answered 2/3, replies (2+1+1)/3, people (3+1+2)/3
    expect(m.withoutModerator.answeredRate).toBeCloseTo(2 / 3, 12);
    expect(m.withoutModerator.repliesPerThread).toBeCloseTo(4 / 3, 12);
    expect(m.withoutModerator.participantsPerThread).toBe(2);
  });

  it('finds who responded first when a moderator and another person respond in the same millisecond', async () => {
    // Cfg moderates by the config, undated (no per-space split). U1..U4 each start a thread at 09:00:
    // U1: Cfg and B both at 10:00; Cfg's reply has the lower id -> first by the moderator, others' first 1 h too
    // U2: Cfg at 10:00, B at 13:00 -> first by the moderator; others' first 4 h
    // U3: B and Cfg both at 10:00, B's id lower -> first by B; moderator 1 h, others 1 h
    // U4: Cfg at 11:00, B at 15:00 -> first by the moderator; moderator 2 h, others 6 h
    const day = (d: number, time: string) => `2026-01-0${d}T${time}:00Z`;
    const { dataset } = await inlineDataset({
      identities: ['a', 'b', 'cfg'].map(person),
      spaces: [{ id: 'yammer:general', source: 'yammer', name: 'General', kind: 'group', isPrivate: false }],
      activities: [
        post('U1', day(1, '09:00'), 'a'),
        reply('U1a', 'U1', day(1, '10:00'), 'cfg'),
        reply('U1b', 'U1', day(1, '10:00'), 'b'),
        post('U2', day(2, '09:00'), 'a'),
        reply('U2a', 'U2', day(2, '10:00'), 'cfg'),
        reply('U2b', 'U2', day(2, '13:00'), 'b'),
        post('U3', day(3, '09:00'), 'a'),
        reply('U3a', 'U3', day(3, '10:00'), 'b'),
        reply('U3b', 'U3', day(3, '10:00'), 'cfg'),
        post('U4', day(4, '09:00'), 'a'),
        reply('U4a', 'U4', day(4, '15:00'), 'b'),
        reply('U4b', 'U4', day(4, '11:00'), 'cfg'),
      ],
    });
    open = dataset;
    const m = await computeModeration(
      dataset.query,
      metricContext(january, { config: { moderators: ['yammer:cfg'] } }),
    );
    expect(m.spaces).toEqual([]);
    expect(m).toMatchObject({ threads: 4, answered: 4, moderatorFirstResponseShare: 0.75 });
    // Moderators' first responses 1, 1, 1, 2 h -> 1; others' 1, 4, 1, 6 h -> (1 + 4) / 2
    expect(m.medianHoursToFirstResponse).toEqual({ moderators: 1, others: 2.5 });
    // Every thread joined: 2 replies and 3 people each
    expect(m.withModerator).toMatchObject({
      threads: 4,
      answeredRate: 1,
      repliesPerThread: 2,
      participantsPerThread: 3,
    });
    expect(m.withoutModerator.threads).toBe(0);
  });

  it('counts moderator activity per month from their start date, beside active people', async () => {
    const m = await computeModeration(
      (await pilot()).query,
      metricContext(january, { config: { moderators: ['yammer:cfg'] } }),
      { moderatorSince: since },
    );
    // A, B, C, Mo, Cfg active; Mo's T2 reply, Cfg's T3 reply and T4 post (Mo's T1 reply is before 10 Jan)
    expect(m.monthly).toEqual([
      { month: '2026-01', activePeople: 5, activeModerators: 2, moderatorContributions: 3, moderatorReplies: 2 },
    ]);
  });

  it('counts active people once per local month, the month taken in the period zone', async () => {
    const { dataset } = await inlineDataset({
      identities: ['a', 'b', 'c'].map(person),
      activities: [
        post('P1', '2026-01-05T09:00:00Z', 'a'),
        reply('P1r1', 'P1', '2026-01-06T09:00:00Z', 'a'), // a again in January: one person
        reply('P1r2', 'P1', '2026-01-31T23:30:00Z', 'b'), // 00:30 on 1 February in Berlin
        post('P2', '2026-02-10T09:00:00Z', 'c'),
        reply('P2r1', 'P2', '2026-02-11T09:00:00Z', 'a'),
      ],
    });
    open = dataset;
    const m = await computeModeration(
      dataset.query,
      metricContext(periodFromBounds('2026-01-01', '2026-03-01', 'Europe/Berlin')),
    );
    expect(m.monthly).toEqual([
      { month: '2026-01', activePeople: 1, activeModerators: 0, moderatorContributions: 0, moderatorReplies: 0 },
      { month: '2026-02', activePeople: 3, activeModerators: 0, moderatorContributions: 0, moderatorReplies: 0 },
    ]);
  });

  it('compares a space before and after a moderator started, above the privacy threshold', async () => {
    const m = await computeModeration(
      (await pilot()).query,
      metricContext(january, { config: { moderators: ['yammer:cfg'] } }),
      { moderatorSince: since },
    );
    expect(m.spaces).toHaveLength(1);
    // Before 10 Jan: T0 (2 h, C+D), T1 (1 h, A+Mo+B) -> 5 people
    expect(m.spaces[0]).toMatchObject({
      spaceId: 'yammer:general',
      space: 'General',
      moderator: 'mo@example.com',
      since: '2026-01-10',
      before: {
        from: null,
        until: '2026-01-10T00:00:00.000Z',
        threads: 2,
        people: 5,
        answeredRate: 1,
        medianHoursToFirstResponse: 1.5,
        repliesPerThread: 1.5,
        participantsPerThread: 2.5,
        suppressed: false,
      },
      // T2..T6: answered T2 (2 h), T3 (6 h), T6 (8 h); replies 5/5; people 9/5
      after: {
        from: '2026-01-10T00:00:00.000Z',
        until: '2026-02-01T00:00:00.000Z',
        threads: 5,
        people: 5,
        answeredRate: 0.6,
        medianHoursToFirstResponse: 6,
        repliesPerThread: 1,
        suppressed: false,
      },
    });
    expect(m.spaces[0]?.after.participantsPerThread).toBeCloseTo(1.8, 12);
  });

  it('shows "fewer than N" instead of figures for a side with too few people', async () => {
    const m = await computeModeration(
      (await pilot()).query,
      metricContext(january, { config: { moderators: ['yammer:cfg'], minGroupSize: 6 } }),
      { moderatorSince: since },
    );
    expect(m.spaces[0]?.before).toEqual({
      from: null,
      until: '2026-01-10T00:00:00.000Z',
      threads: null,
      people: null,
      answeredRate: null,
      repliesPerThread: null,
      participantsPerThread: null,
      medianHoursToFirstResponse: null,
      suppressed: true,
      note: 'fewer than 6',
    });
  });

  it('gives null moderator figures, not zeros, when there are no moderators', async () => {
    const { dataset } = await inlineDataset({
      identities: [person('a'), person('b')],
      activities: [post('T1', '2026-01-05T09:00:00Z', 'a'), reply('T1r1', 'T1', '2026-01-05T10:00:00Z', 'b')],
    });
    open = dataset;
    const m = await computeModeration(dataset.query, metricContext(january));
    expect(m).toMatchObject({
      moderators: [],
      threads: 1,
      answered: 1,
      moderatorFirstResponseShare: null,
      medianHoursToFirstResponse: { moderators: null, others: 1 },
      spaces: [],
    });
    expect(m.withModerator).toEqual({
      threads: 0,
      answeredRate: null,
      repliesPerThread: null,
      participantsPerThread: null,
    });
    expect(m.warnings[0]).toMatch(/^no moderators configured/);
  });
});
